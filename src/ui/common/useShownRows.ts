import { useState } from 'react';

/** Rows an editor renders at first, and how many more each "Show more" adds. */
export const ROWS_PER_PAGE = 50;

/**
 * How many of an editor's `total` rows to render, so a hook of hundreds of mocks or secrets
 * renders a page of them, not every row at once. A row added after the first render (the
 * user's "Add …", which focuses it) is shown whatever the page; another `scope` (another
 * hook) starts again at one page.
 */
export function useShownRows(total: number, scope: string): { shown: number; showMore(): void } {
  const [page, setPage] = useState({ scope, total, limit: ROWS_PER_PAGE });
  let current = page;
  if (page.scope !== scope) {
    current = { scope, total, limit: ROWS_PER_PAGE };
    setPage(current);
  } else if (page.total !== total) {
    // One row more is the user adding one: it is shown so it can take the focus.
    const added = total === page.total + 1 && total > page.limit;
    current = { scope, total, limit: added ? total : page.limit };
    setPage(current);
  }
  return {
    shown: Math.min(total, current.limit),
    showMore: () => setPage((now) => ({ ...now, limit: now.limit + ROWS_PER_PAGE })),
  };
}
