import { PackageError } from './packageError';

/** The public npm registry. */
export const NPM_REGISTRY = 'https://registry.npmjs.org/';

/** A registry address as Hookpad uses it: an http(s) URL without credentials, ending with `/`. */
export function normaliseRegistry(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new PackageError(
      `"${address}" is not a registry address (expected e.g. ${NPM_REGISTRY}).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PackageError(
      `The registry address must start with https:// or http://, not ${url.protocol}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new PackageError('The registry address must not hold a user name or password.');
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
