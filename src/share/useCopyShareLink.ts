import { useCallback, useState } from 'react';
import type { JsonValue } from '../core/schemas';
import { appStore } from '../store';
import { encodeShareLink } from './shareLink';

export type CopyShareLinkState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'copied'; link: string }
  /** The link was made but the clipboard refused it; the link is still shown. */
  | { status: 'not-copied'; link: string; reason: string }
  | { status: 'invalid'; message: string };

/** Makes a link to the current point's draft and puts it on the clipboard. */
export function useCopyShareLink() {
  const [state, setState] = useState<CopyShareLinkState>({ status: 'idle' });

  const copy = useCallback(async () => {
    const { pointId, drafts, timeoutMs } = appStore.getState();
    const draft = drafts[pointId];
    let payload: JsonValue;
    try {
      payload = JSON.parse(draft.payloadText) as JsonValue;
    } catch (error) {
      setState({
        status: 'invalid',
        message: `The payload is not valid JSON, so there is no link to share: ${(error as Error).message}`,
      });
      return;
    }
    setState({ status: 'working' });
    const link = await encodeShareLink(
      { v: 1, point: pointId, code: draft.code, payload, timeoutMs },
      location.href,
    );
    try {
      await navigator.clipboard.writeText(link);
      setState({ status: 'copied', link });
    } catch (error) {
      setState({ status: 'not-copied', link, reason: (error as Error).message });
    }
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, copy, dismiss };
}
