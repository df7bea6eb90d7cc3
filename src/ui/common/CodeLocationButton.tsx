import { revealInCode } from '../../editor/codeEditorHandle';
import type { CodeLocation } from '../../core/schemas';
import { appStore } from '../../store';

export interface CodeLocationButtonProps {
  /** The hook the location is in. */
  hookId: string;
  location: CodeLocation;
  prefix?: string;
}

/** "line:column" as a button that shows that place in the hook editor. */
export function CodeLocationButton({
  hookId,
  location,
  prefix = 'Go to line',
}: CodeLocationButtonProps) {
  const goThere = () => {
    appStore.getState().selectHook(hookId);
    revealInCode(hookId, location);
  };
  return (
    <button type="button" className="link-button" onClick={goThere}>
      {prefix} {location.line}:{location.column}
    </button>
  );
}
