import { useState } from 'react';
import { getPoint } from '../../core/points';
import { appStore } from '../../store';
import type { HookRecord } from '../../workspace/hookRecord';
import './hooks.css';

/**
 * The hook's enabled flag. As on the platform, one hook per point may be enabled:
 * enabling a second one asks whether to disable the first.
 */
export function EnableHookSwitch({ hook }: { hook: HookRecord }) {
  const [asking, setAsking] = useState<HookRecord | null>(null);
  const question = asking && asking.pointId === hook.pointId && asking.enabled ? asking : null;
  return (
    <div className="enable-hook">
      <label className="check">
        <input
          type="checkbox"
          checked={hook.enabled}
          onChange={(event) => {
            const result = appStore.getState().setHookEnabled(hook.id, event.target.checked);
            setAsking(result.ok ? null : result.enabledHook);
          }}
        />
        Enabled
      </label>
      {question && (
        <div role="alertdialog" aria-label="Enable this hook?" className="confirm">
          <p>
            “{question.name}” is the enabled {getPoint(hook.pointId).label} hook. Only one hook per
            extensibility point can be enabled: enable “{hook.name}” and disable “{question.name}”?
          </p>
          <div className="hook-action-buttons">
            <button
              type="button"
              className="button button-small"
              autoFocus
              onClick={() => {
                appStore.getState().enableHookExclusively(hook.id);
                setAsking(null);
              }}
            >
              Enable this one
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setAsking(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
