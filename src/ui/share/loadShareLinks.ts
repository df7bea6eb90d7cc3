import { afterSandboxStart } from '../../perf/editorReady';
import { loadOnce } from '../../core/loadOnce';

/** The share links' code (shareLinks.ts), one request for every caller. */
export const loadShareLinks = loadOnce(() => import('./shareLinks'));

// Fetched once the editor and then the sandbox are up, so copying or pasting a link does not
// wait for it.
void afterSandboxStart()
  .then(loadShareLinks)
  .catch(() => undefined);
