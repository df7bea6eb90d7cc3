import { useEffect, useState } from 'react';
import { PointIdSchema, type PointId } from '../../core/schemas';
import { afterSandboxStart } from '../../perf/editorReady';
import { appStore } from '../../store';
import type { HookRecord } from '../../workspace/hookRecord';
import type { SignatureMismatch } from '../../workspace/signatureFits';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import './hooks.css';
import { PointOptions } from './PointOptions';

// The signature rule parses the code with acorn (~60 KiB gzip): it loads once the editor and
// then the sandbox are up (it would compete with Monaco's start-up and a first Run), so it is
// there by the time a point is chosen.
const loadSignatureRules = () => import('../../workspace/signatureFits');
// The question it may lead to loads with it.
const changePointDialog = lazyPart(() =>
  import('./ChangePointDialog').then((module) => module.ChangePointDialog),
);

interface Pending {
  pointId: PointId;
  mismatch: SignatureMismatch;
}

/**
 * The hook's extensibility point. Starter code follows the point, and code that takes what
 * the new point passes just moves; other edited code moves only once the user agrees.
 */
export function PointPicker({ hook }: { hook: HookRecord }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const move = (pointId: PointId) => appStore.getState().setHookPoint(hook.id, pointId);
  useEffect(() => {
    void afterSandboxStart().then(() => {
      changePointDialog.preload();
      return loadSignatureRules();
    });
  }, []);
  return (
    <>
      <label className="point-picker">
        <span className="point-picker-label">Extensibility point</span>
        <select
          // While asking, the choice shows; Cancel puts the hook's point back.
          value={pending?.pointId ?? hook.pointId}
          onChange={(event) => {
            const pointId = PointIdSchema.parse(event.target.value);
            changePointDialog.preload();
            void loadSignatureRules().then(({ pointChangeMismatch }) => {
              // The hook as it is now: its code may have changed while the rule loaded.
              const current = appStore.getState().hooks[hook.id];
              if (!current) return;
              const mismatch = pointChangeMismatch(current, pointId);
              if (mismatch === null) move(pointId);
              else setPending({ pointId, mismatch });
            });
          }}
        >
          <PointOptions />
        </select>
      </label>
      {pending && (
        // Nothing stands in while it loads: a modal dialog, over a page that stays as it is.
        <LazyPartSlot
          what="The question about the point"
          onClose={() => setPending(null)}
          fallback={null}
        >
          <changePointDialog.Part
            hookName={hook.name}
            pointId={pending.pointId}
            mismatch={pending.mismatch}
            onChange={() => {
              move(pending.pointId);
              setPending(null);
            }}
            onCancel={() => setPending(null)}
          />
        </LazyPartSlot>
      )}
    </>
  );
}
