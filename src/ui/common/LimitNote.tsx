import { overLimitText } from '../../core/inputLimits';

/** Beside a list at its limit: why its "Add" button is disabled. */
export function LimitNote({ what, count, limit }: { what: string; count: number; limit: number }) {
  if (count < limit) return null;
  return <p className="field-note">{overLimitText(what, limit)}</p>;
}
