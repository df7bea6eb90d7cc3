import { afterSandboxStart } from '../../perf/editorReady';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import type { NewHookDialogProps } from './NewHookDialog';

// The dialog (and its naming rules) loads after start-up or on first use; the New hook
// buttons preload it when pointed at or focused.
const newHookDialog = lazyPart(() =>
  import('./NewHookDialog').then((module) => module.NewHookDialog),
);
void afterSandboxStart().then(newHookDialog.preload);

export const preloadNewHookDialog = newHookDialog.preload;

/**
 * "New hook" (NewHookDialog.tsx), mounted while open. Nothing takes its place while it
 * loads: it is a modal dialog, and the page under it stays as it is.
 */
export function NewHookDialog(props: NewHookDialogProps) {
  return (
    <LazyPartSlot what="The New hook dialog" onClose={props.onClose} fallback={null}>
      <newHookDialog.Part {...props} />
    </LazyPartSlot>
  );
}
