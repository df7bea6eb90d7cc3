import { z } from '../core/schemaKit';

/**
 * npm's rule for package names (legacy upper-case names included, since old packages such as
 * `JSONStream` are still installed): URL-safe characters, optionally `@scope/`, no leading
 * dot or underscore (which also keeps `__proto__` and `..` out), at most 214 characters.
 */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/i;
const MAX_NAME_LENGTH = 214;

export const packageNameSchema = z.string().check(
  z.maxLength(MAX_NAME_LENGTH),
  z.regex(PACKAGE_NAME, 'not a valid npm package name'),
  z.refine((name) => !/^node_modules$|^favicon\.ico$/i.test(name), 'a name npm reserves'),
);

export function isPackageName(name: string): boolean {
  return packageNameSchema.safeParse(name).success;
}

/** `name@version`, the key a stored package goes by. */
export function packageId(name: string, version: string): string {
  return `${name}@${version}`;
}
