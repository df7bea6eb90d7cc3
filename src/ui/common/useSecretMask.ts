import { useMemo } from 'react';
import { createSecretMask, isMaskable } from '../../core/maskSecrets';
import { useAppStore } from '../../store';
import type { SecretRow } from '../../workspace/draft/secrets';

export type Mask = (text: string) => string;

const NO_ROWS: SecretRow[] = [];
const identity: Mask = (text) => text;

/** A row's name as placeholders show it; a row without one is named by its position. */
const rowSecrets = (rows: readonly SecretRow[]): [string, string][] =>
  rows.map((row, index) => [row.name.trim() || `row ${index + 1}`, row.value]);

/**
 * The mask for the last run's output: each occurrence of a secret that run was given reads
 * `<secret:NAME>`, unless "Show secret values" is ticked.
 */
export function useRunSecretMask(): Mask {
  const secrets = useAppStore((state) => state.run.secrets);
  const shown = useAppStore((state) => state.secretValuesShown);
  return useMemo(() => (shown ? identity : createSecretMask(secrets)), [secrets, shown]);
}

/** The mask for a hook's own data (its storage): the values of its secret rows. */
export function useHookSecretMask(hookId: string): Mask {
  const rows = useAppStore((state) => state.hooks[hookId]?.draft.secrets ?? NO_ROWS);
  const shown = useAppStore((state) => state.secretValuesShown);
  return useMemo(() => (shown ? identity : createSecretMask(rowSecrets(rows))), [rows, shown]);
}

/** Whether any value of the last run's secrets or of this hook's rows is masked. */
export function useHasMaskedSecrets(hookId: string): boolean {
  return useAppStore(
    (state) =>
      Object.values(state.run.secrets).some(isMaskable) ||
      (state.hooks[hookId]?.draft.secrets ?? NO_ROWS).some((row) => isMaskable(row.value)),
  );
}
