import { z } from '../core/schemaKit';
import { valid } from 'semver';
import { packageNameSchema } from './packageName';

/**
 * A package as Hookpad stores it, by `name@version`.
 *
 * - `integrity`: an SRI sha512. For a package from the registry or from a `.tgz`, it is the
 *   tarball's (verified against the registry's own when there is one). A package taken from
 *   a zip of `node_modules` has no tarball, so it is the digest of its files
 *   (see `filesIntegrity`).
 * - `files`: the package's text files (UTF-8, no NUL byte) by path inside the package,
 *   `package.json` included. Binary files (images, native addons, `.wasm`) cannot be
 *   `require`d as JavaScript or JSON, so they are not stored: `skippedFiles` counts them,
 *   along with links, which a package must not rely on either.
 * - `size`: bytes of the stored files.
 */
/** A path inside a package as stored: relative, `/`-separated, never climbing out with `..`. */
export const packageFilePathSchema = z.string().check(
  z.minLength(1),
  z.refine(
    (path) =>
      path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..') &&
      !path.includes('\\'),
    'not a relative path inside the package',
  ),
);

export const packageRecordSchema = z.object({
  name: packageNameSchema,
  version: z.string().check(z.minLength(1)),
  integrity: z.string().check(z.regex(/^sha512-[A-Za-z0-9+/]{86}==$/, 'not a sha512 SRI string')),
  source: z.enum(['registry', 'file']),
  size: z.number().check(z.int(), z.nonnegative()),
  files: z.record(packageFilePathSchema, z.string()),
  skippedFiles: z.number().check(z.int(), z.nonnegative()),
});
export type PackageRecord = z.infer<typeof packageRecordSchema>;

/** The fields of a package.json Hookpad needs to store a package. */
export const packageManifestSchema = z.looseObject({
  name: packageNameSchema,
  version: z.string().check(z.refine((version) => valid(version) !== null, 'not a semver version')),
});
