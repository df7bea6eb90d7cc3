export interface ShowMoreRowsProps {
  shown: number;
  total: number;
  /** The rows' noun in the plural: "mocks", "secrets". */
  what: string;
  onMore(): void;
}

/** Under a long list: how many rows are shown, and "Show more" for the next page. */
export function ShowMoreRows({ shown, total, what, onMore }: ShowMoreRowsProps) {
  if (shown >= total) return null;
  return (
    <p className="field-note show-more-rows">
      Showing {shown} of {total} {what}.{' '}
      <button type="button" className="button button-small" onClick={onMore}>
        Show more
      </button>
    </p>
  );
}
