import { useEffect, useState } from 'react';
import { afterSandboxStart } from '../../perf/editorReady';

/**
 * Whether the editor and then the sandbox are up (perf/editorReady's afterSandboxStart): a
 * hidden part loaded lazily can be rendered from then on, so it is in the page (if hidden) as
 * it was when it loaded with the app, without competing with Monaco's start or a first Run.
 */
export function useAfterSandboxStart(enabled = true): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void afterSandboxStart().then(() => {
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return done;
}
