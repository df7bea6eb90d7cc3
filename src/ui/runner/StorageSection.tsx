import { appStore, useAppStore } from '../../store';
import { selectHookId, selectStorage } from '../../store/selectors';
import { useHookSecretMask } from '../common/useSecretMask';
import { InputSection } from './InputSection';
import './runner.css';

/**
 * The point's hook's webtask storage (`context.webtask.storage`): what the last
 * `storage.set` wrote. Every run starts from it; it survives reloads until cleared.
 */
export function StorageSection() {
  const hookId = useAppStore(selectHookId);
  const storage = useAppStore(selectStorage);
  const mask = useHookSecretMask(hookId);
  const empty = storage.data === undefined && storage.etag === undefined;

  return (
    <InputSection
      name="Storage"
      count={empty ? 'empty' : 'saved'}
      className="storage"
      subtitle={
        <>
          <code>context.webtask.storage</code> · kept across runs and reloads
        </>
      }
      actions={
        <button
          type="button"
          className="button button-small"
          disabled={empty}
          onClick={() => appStore.getState().clearStorage(hookId)}
          title="Forget what the hook stored; the next run starts with empty storage"
        >
          Clear storage
        </button>
      }
    >
      {storage.data === undefined ? (
        <p className="field-note">
          Nothing stored yet. When the hook calls <code>storage.set(data, cb)</code>, the data
          appears here and the next run&apos;s <code>storage.get</code> reads it.
        </p>
      ) : (
        <>
          <pre className="json storage-json">{mask(JSON.stringify(storage.data, null, 2))}</pre>
          {storage.etag !== undefined && (
            <p className="field-note">
              etag <code>{storage.etag}</code>
            </p>
          )}
        </>
      )}
    </InputSection>
  );
}
