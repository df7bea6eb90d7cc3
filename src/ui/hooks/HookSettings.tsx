import { useId } from 'react';
import type { HookRecord } from '../../workspace/hookRecord';
import { EnableHookSwitch } from './EnableHookSwitch';
import './hooks.css';
import { PointPicker } from './PointPicker';

/** The selected hook's own settings: the point it runs on and whether it is enabled. */
export function HookSettings({ hook }: { hook: HookRecord }) {
  const titleId = useId();
  return (
    <div className="hook-settings" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="hook-settings-title">
        Hook settings
      </h3>
      {/* Keyed by hook: a question about one hook's point never carries over to another. */}
      <PointPicker key={hook.id} hook={hook} />
      <EnableHookSwitch hook={hook} />
    </div>
  );
}
