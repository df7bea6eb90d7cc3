import { afterStartup } from '../../perf/editorReady';
import { loadOnce } from '../common/loadOnce';

/** The share links' code (shareLinks.ts), one request for every caller. */
export const loadShareLinks = loadOnce(() => import('./shareLinks'));

// Fetched once the editor is up, so copying or pasting a link does not wait for it.
void afterStartup()
  .then(loadShareLinks)
  .catch(() => undefined);
