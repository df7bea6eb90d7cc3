import { revealInCode } from '../../editor/codeEditorHandle';
import type { CodeLocation } from '../../core/schemas';
import { appStore } from '../../store';

export interface CodeLocationButtonProps {
  /** The hook the location is in. */
  hookId: string;
  location: CodeLocation;
  prefix?: string;
}

/** "line:column" as a button that shows that place in the code editor (hook or Action). */
export function CodeLocationButton({
  hookId,
  location,
  prefix = 'Go to line',
}: CodeLocationButtonProps) {
  const goThere = () => {
    const state = appStore.getState();
    // The places a run reports are in the code it ran: the hook's or its Action's.
    const kind = state.run.hookId === hookId ? (state.run.inputs?.kind ?? 'hook') : 'hook';
    state.selectHook(hookId);
    state.setCodeTab(kind);
    revealInCode(hookId, location, kind);
  };
  return (
    <button type="button" className="link-button" onClick={goThere}>
      {prefix} {location.line}:{location.column}
    </button>
  );
}
