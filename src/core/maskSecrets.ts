/** What a masked secret value looks like in Hookpad's output. */
export const SECRET_MASK = '•••';

/**
 * `text` with every occurrence of each secret's value replaced by •••, unless that secret
 * (by name) is in `revealed`. Longer values are replaced first, so a value that contains
 * another one is masked whole. Empty values are never masked (they would match everywhere).
 * Pure and for display only: the data the text came from stays as it was.
 */
export function maskSecrets(
  text: string,
  secrets: Readonly<Record<string, string>>,
  revealed?: ReadonlySet<string>,
): string {
  const values = [
    ...new Set(
      Object.entries(secrets)
        .filter(([name, value]) => value !== '' && !revealed?.has(name))
        .map(([, value]) => value),
    ),
  ].sort((a, b) => b.length - a.length);
  if (values.length === 0 || text === '') return text;
  // One pass with an alternation (longest first) never re-scans the masks it inserted.
  const pattern = new RegExp(values.map(escapeRegExp).join('|'), 'g');
  return text.replace(pattern, SECRET_MASK);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
