import type { SecretRow } from '../hookRecord';

export type { SecretRow } from '../hookRecord';

export interface SecretProblem {
  rowId: string;
  message: string;
}

let counter = 0;
/** A row id unique within this page (rows are not shared between tabs). */
export function newSecretId(): string {
  counter += 1;
  return `secret-${Date.now().toString(36)}-${counter}`;
}

export const secretRowsOf = (secrets: Readonly<Record<string, string>> | undefined): SecretRow[] =>
  Object.entries(secrets ?? {}).map(([name, value]) => ({ id: newSecretId(), name, value }));

export type SecretRowPatch = Partial<Omit<SecretRow, 'id'>>;

/** The row with the patch applied; a value typed over a withheld one is a real value now. */
export function patchSecretRow(row: SecretRow, patch: SecretRowPatch): SecretRow {
  const patched = { ...row, ...patch };
  if (patch.value === undefined || !patched.notExported) return patched;
  const { notExported: _dropped, ...rest } = patched;
  return rest;
}

/**
 * What is wrong with the rows, per row: a missing name, or a name an earlier row already
 * uses (names are compared without surrounding spaces, as they are sent trimmed).
 */
export function secretProblems(rows: readonly SecretRow[]): SecretProblem[] {
  const problems: SecretProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '') {
      problems.push({
        rowId: row.id,
        message: 'This secret has no name. Give it one, or remove the row.',
      });
    } else if (seen.has(name)) {
      problems.push({
        rowId: row.id,
        message: `The name ${name} is already used by another secret; names must be unique.`,
      });
    }
    seen.add(name);
  }
  return problems;
}

export type SecretsForRun =
  { ok: true; secrets: Record<string, string> } | { ok: false; message: string };

/** The rows as `context.webtask.secrets`, or why they cannot be used (never drops a row). */
export function secretsForRun(rows: readonly SecretRow[]): SecretsForRun {
  const problems = secretProblems(rows);
  if (problems.length > 0) {
    const first = problems[0]!;
    const position = rows.findIndex((row) => row.id === first.rowId) + 1;
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    return { ok: false, message: `Secrets: row ${position}: ${first.message}${more}` };
  }
  return { ok: true, secrets: Object.fromEntries(rows.map((row) => [row.name.trim(), row.value])) };
}
