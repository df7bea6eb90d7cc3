import { revealInCode } from '../editor/codeEditorHandle';
import type { CodeLocation, PointId } from '../core/schemas';
import { appStore } from '../store';

export interface CodeLocationButtonProps {
  pointId: PointId;
  location: CodeLocation;
  prefix?: string;
}

/** "line:column" as a button that shows that place in the hook editor. */
export function CodeLocationButton({
  pointId,
  location,
  prefix = 'Go to line',
}: CodeLocationButtonProps) {
  const goThere = () => {
    appStore.getState().selectPoint(pointId);
    revealInCode(pointId, location);
  };
  return (
    <button type="button" className="link-button" onClick={goThere}>
      {prefix} {location.line}:{location.column}
    </button>
  );
}
