import { appStore, useAppStore } from '../../store';
import { selectHookId } from '../../store/selectors';
import { useHasMaskedSecrets } from '../common/useSecretMask';
import './results.css';

/**
 * The one switch between masked and clear secret values for every output view (console,
 * response, envelope, requests, storage). Shown only when some secret value is masked.
 */
export function SecretValuesToggle() {
  const hookId = useAppStore(selectHookId);
  const shown = useAppStore((state) => state.secretValuesShown);
  const masked = useHasMaskedSecrets(hookId);
  if (!masked && !shown) return null;
  return (
    <label className="secret-values-toggle">
      <input
        type="checkbox"
        checked={shown}
        onChange={(event) => appStore.getState().setSecretValuesShown(event.target.checked)}
      />
      Show secret values
    </label>
  );
}
