import { useEffect, useState } from 'react';
import { afterStartup } from '../../perf/editorReady';

/**
 * Whether the editor is up and the page idle (perf/editorReady's afterStartup): a hidden
 * part loaded lazily can be rendered from then on, so it is in the page (if hidden) as it
 * was when it loaded with the app, without competing with Monaco's start.
 */
export function useAfterStartup(enabled = true): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void afterStartup().then(() => {
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return done;
}
