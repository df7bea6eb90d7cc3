import { stemOf } from './resolvePath';

/**
 * A hook name for a file that brings none (a single `.js`): the file name without its
 * extension, made to follow the platform's name rule (letters, digits, spaces and hyphens,
 * starting and ending with a letter or digit). `my_hook (1).js` → `my-hook-1`.
 */
export function hookNameFromFileName(path: string): string {
  const name = stemOf(path)
    .replace(/[^a-zA-Z0-9 -]+/g, '-')
    .replace(/[ -]*-[ -]*/g, '-')
    .replace(/ {2,}/g, ' ')
    .replace(/^[ -]+|[ -]+$/g, '');
  return name === '' ? 'imported-hook' : name;
}
