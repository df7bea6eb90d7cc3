/** Names Windows refuses as file names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
/** Characters refused in file names by some system, besides control characters. */
const UNSAFE = /[/\\?<>:*|"]/g;
const MAX_LENGTH = 200;

/**
 * The file name (without extension) an export gives a hook, as deploy-cli names its files:
 * lower-cased, each whitespace character a hyphen, characters unsafe in file names removed.
 * Never empty: a name with nothing left becomes `hook`.
 */
export function sanitizeHookFileName(name: string): string {
  let result = [...name.toLowerCase().replace(/\s/g, '-').replace(UNSAFE, '')]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && !(code >= 0x7f && code <= 0x9f);
    })
    .join('')
    .slice(0, MAX_LENGTH)
    // Windows drops trailing dots and spaces; a name of only dots means a folder.
    .replace(/[. ]+$/, '');
  if (RESERVED.test(result)) result = `${result}-hook`;
  return result === '' ? 'hook' : result;
}
