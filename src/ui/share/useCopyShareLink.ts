import { useCallback, useState } from 'react';
import { appStore } from '../../store';
import { selectHook } from '../../store/selectors';
import { loadErrorText } from '../../core/loadOnce';
import { loadShareLinks } from './loadShareLinks';
import { withStoredVersions } from './withStoredVersions';

export type CopyShareLinkState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'copied'; link: string; withSecrets: boolean }
  /** The link was made but the clipboard refused it; the link is still shown. */
  | { status: 'not-copied'; link: string; reason: string; withSecrets: boolean }
  | { status: 'invalid'; message: string };

/** Makes a link to the selected hook's draft and puts it on the clipboard. */
export function useCopyShareLink() {
  const [state, setState] = useState<CopyShareLinkState>({ status: 'idle' });

  const copy = useCallback(async (includeSecrets: boolean) => {
    let links: Awaited<ReturnType<typeof loadShareLinks>>;
    try {
      links = await loadShareLinks();
    } catch (error) {
      setState({ status: 'invalid', message: notLoadedText(error) });
      return;
    }
    const { encodeShareLink, sharedStateOf } = links;
    const state = appStore.getState();
    const hook = await withStoredVersions(selectHook(state));
    const shareable = sharedStateOf(hook, state.timeoutMs, { includeSecrets });
    if (!shareable.ok) {
      setState({ status: 'invalid', message: shareable.message });
      return;
    }
    setState({ status: 'working' });
    const withSecrets =
      includeSecrets && Object.values(shareable.state.secrets ?? {}).some((value) => value !== '');
    const link = await encodeShareLink(shareable.state, location.href);
    try {
      await navigator.clipboard.writeText(link);
      setState({ status: 'copied', link, withSecrets });
    } catch (error) {
      setState({ status: 'not-copied', link, reason: (error as Error).message, withSecrets });
    }
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, copy, dismiss };
}

function notLoadedText(error: unknown): string {
  return `The share link could not be made: its code could not be loaded (${loadErrorText(error)}). Check the connection and try again.`;
}
