import { useEffect, useState, useSyncExternalStore } from 'react';
import { registerOfflineApp } from './registerOfflineApp';
import type { UpdatePrompt as Prompt } from './updatePrompt';

/**
 * "A new version of Hookpad is available" with Reload, when a new build waits. It is a
 * notice, never a dialog: the user finishes what they are doing and reloads when they choose.
 */
export function UpdatePrompt() {
  const [prompt, setPrompt] = useState<Prompt>();
  useEffect(() => {
    let live = true;
    void registerOfflineApp().then((registered) => {
      if (live) setPrompt(registered);
    });
    return () => {
      live = false;
    };
  }, []);
  return prompt ? <UpdateNotice prompt={prompt} /> : null;
}

function UpdateNotice({ prompt }: { prompt: Prompt }) {
  const status = useSyncExternalStore(prompt.subscribe, prompt.status);
  return (
    <div role="status">
      {status !== 'current' && (
        <div className="share-bar">
          <p className="share-bar-message notice-message">A new version of Hookpad is available</p>
          <button
            type="button"
            className="button"
            disabled={status === 'reloading'}
            onClick={prompt.apply}
          >
            Reload
          </button>
        </div>
      )}
    </div>
  );
}
