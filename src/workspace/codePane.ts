/** The share of the width the code pane may take on wide screens, and its default. */
export const MIN_CODE_PANE = 0.2;
export const MAX_CODE_PANE = 0.8;
export const DEFAULT_CODE_PANE = 0.55;

export const clampCodePane = (fraction: number): number =>
  Number.isFinite(fraction)
    ? Math.min(MAX_CODE_PANE, Math.max(MIN_CODE_PANE, fraction))
    : DEFAULT_CODE_PANE;
