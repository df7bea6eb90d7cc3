import { useMemo } from 'react';
import { maskSecrets } from '../../core/maskSecrets';
import { useAppStore } from '../../store';
import type { SecretRow } from '../../workspace/draft/secrets';

export type Mask = (text: string) => string;

const NO_ROWS: SecretRow[] = [];
const identity: Mask = (text) => text;

/**
 * A mask for these secret values. Each value is masked as it is and as it appears inside a
 * JSON string (escaped quotes, backslashes, control characters), so the formatted JSON
 * views are covered too.
 */
function maskOf(values: readonly string[]): Mask {
  const hidden: Record<string, string> = {};
  let index = 0;
  for (const value of values) {
    if (value === '') continue;
    hidden[index++] = value;
    const inJson = JSON.stringify(value).slice(1, -1);
    if (inJson !== value) hidden[index++] = inJson;
  }
  return index === 0 ? identity : (text) => maskSecrets(text, hidden);
}

/**
 * The mask for the last run's output: the secrets that run was given, except those whose
 * row the user has revealed.
 */
export function useRunSecretMask(): Mask {
  const secrets = useAppStore((state) => state.run.secrets);
  const rows = useAppStore((state) =>
    state.run.hookId ? (state.hooks[state.run.hookId]?.draft.secrets ?? NO_ROWS) : NO_ROWS,
  );
  const revealedIds = useAppStore((state) => state.revealedSecretIds);
  return useMemo(() => {
    const revealed = new Set(
      rows.filter((row) => revealedIds.has(row.id)).map((row) => row.name.trim()),
    );
    return maskOf(
      Object.entries(secrets)
        .filter(([name]) => !revealed.has(name))
        .map(([, value]) => value),
    );
  }, [secrets, rows, revealedIds]);
}

/** The mask for a hook's own data (its storage): the values of its unrevealed secret rows. */
export function useHookSecretMask(hookId: string): Mask {
  const rows = useAppStore((state) => state.hooks[hookId]?.draft.secrets ?? NO_ROWS);
  const revealedIds = useAppStore((state) => state.revealedSecretIds);
  return useMemo(
    () => maskOf(rows.filter((row) => !revealedIds.has(row.id)).map((row) => row.value)),
    [rows, revealedIds],
  );
}
