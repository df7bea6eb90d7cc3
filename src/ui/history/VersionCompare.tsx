import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import type { VersionCompareProps } from './VersionCompareDialog';

export type { VersionCompareProps } from './VersionCompareDialog';

// The comparison dialog loads on first use; the History panel preloads it when a Compare
// button is pointed at or focused.
const compareDialog = lazyPart(() =>
  import('./VersionCompareDialog').then((module) => module.VersionCompare),
);

export const preloadVersionCompare = compareDialog.preload;

/**
 * A saved version compared with the draft (VersionCompareDialog). Nothing takes its place
 * while it loads: it is a modal dialog over the code pane, which stays as it is.
 */
export function VersionCompare(props: VersionCompareProps) {
  return (
    <LazyPartSlot what="The comparison" fallback={null}>
      <compareDialog.Part {...props} />
    </LazyPartSlot>
  );
}
