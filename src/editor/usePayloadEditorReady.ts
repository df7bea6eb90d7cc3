import { useEffect, useState } from 'react';
import { payloadEditorReady } from './monacoSetup';

// Known synchronously once settled, so an editor mounted later renders at once.
let settled = false;
void payloadEditorReady.then(() => (settled = true));

/**
 * Whether the JSON and secondary editors may mount: after the hook editor is ready and the
 * JSON language service has its schemas (monacoSetup's payloadEditorReady).
 */
export function usePayloadEditorReady(): boolean {
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    let live = true;
    void payloadEditorReady.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
