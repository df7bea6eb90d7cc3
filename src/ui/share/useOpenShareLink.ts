import { useCallback, useEffect, useState } from 'react';
import { appStore } from '../../store';
import { readShareFragment } from '../../share/shareFragment';
import { loadErrorText } from '../../core/loadOnce';
import { loadShareLinks } from './loadShareLinks';

/** The hook a link opened, for the "Opened from a link" banner. */
export interface OpenedLink {
  hookId: string;
  /** The link had been opened before: its hook was selected, no copy was added. */
  reopened: boolean;
  /** What the link did not carry (e.g. secret values), as phrases. */
  leftOut: string[];
}

/**
 * Opens a share link found in the address bar (on load, and when only the fragment
 * changes): it opens as a new hook (nothing of the workspace is replaced), or selects the hook
 * it opened before; it is never run, and the fragment is removed so a reload does not open it
 * again. A link that cannot be opened leaves everything as it was and is reported.
 */
export function useOpenShareLink() {
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<OpenedLink | null>(null);

  useEffect(() => {
    let disposed = false;
    const open = async () => {
      // Without a share fragment there is no link: the share links' code is not needed yet.
      const token = readShareFragment(location.hash);
      if (token === null) return;
      let links: Awaited<ReturnType<typeof loadShareLinks>>;
      try {
        links = await loadShareLinks();
      } catch (error) {
        // The fragment stays: once the connection is back, a reload opens the link.
        if (!disposed) {
          setError(
            `This share link could not be opened: its code could not be loaded (${loadErrorText(error)}). Check the connection and reload the page.`,
          );
        }
        return;
      }
      const { decodeShareLink, leftOutOf, shareLinkDigest } = links;
      if (disposed || readShareFragment(location.hash) !== token) return;
      const decoded = await decodeShareLink(token);
      if (disposed || readShareFragment(location.hash) !== token) return;
      if (!decoded.ok) {
        setError(`This share link could not be opened: ${decoded.message}`);
        return;
      }
      const { v: _version, ...work } = decoded.state;
      const result = appStore.getState().openSharedWork(work, shareLinkDigest(token));
      setOpened({ ...result, leftOut: leftOutOf(decoded.state) });
      setError(null);
      history.replaceState(history.state, '', location.pathname + location.search);
    };
    void open();
    const onHashChange = () => void open();
    addEventListener('hashchange', onHashChange);
    return () => {
      disposed = true;
      removeEventListener('hashchange', onHashChange);
    };
  }, []);

  const dismiss = useCallback(() => setError(null), []);
  const dismissOpened = useCallback(() => setOpened(null), []);
  return { error, dismiss, opened, dismissOpened };
}
