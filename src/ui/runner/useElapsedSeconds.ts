import { useEffect, useState } from 'react';

/** Seconds since `since` (a Date.now() value), ticking while `active`. */
export function useElapsedSeconds(since: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [active]);
  return Math.max(0, (now - since) / 1000);
}
