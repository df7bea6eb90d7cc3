import { z } from '../core/schemaKit';
import { valid } from 'semver';
import { packageNameSchema } from './packageName';

/** name → version range, as a package.json or a registry version lists its dependencies. */
export const dependencyMapSchema = z.record(packageNameSchema, z.string());

/** One published version, the fields Hookpad reads (every other field is ignored). */
export const packageVersionSchema = z.object({
  name: packageNameSchema,
  version: z.string().check(z.refine((version) => valid(version) !== null, 'not a semver version')),
  dependencies: z._default(dependencyMapSchema, {}),
  dist: z.object({
    tarball: z.url({ protocol: /^https?$/ }),
    integrity: z.optional(z.string()),
    shasum: z.optional(z.string().check(z.regex(/^[0-9a-f]{40}$/i))),
  }),
});
export type PackageVersion = z.infer<typeof packageVersionSchema>;

/**
 * The registry's metadata of a package (a "packument"), full or abbreviated
 * (`application/vnd.npm.install-v1+json`). A version entry that cannot be used (no tarball,
 * malformed dependencies — some very old packages have them) does not spoil the others: it
 * is kept aside with the reason, so asking for it exactly says why it cannot be installed.
 */
export const packumentSchema = z.pipe(
  z.object({
    name: packageNameSchema,
    'dist-tags': z._default(z.record(z.string(), z.string()), {}),
    versions: z.record(z.string(), z.unknown()),
  }),
  z.transform(({ name, 'dist-tags': distTags, versions }) => {
    const usable: Record<string, PackageVersion> = {};
    const unusable: Record<string, string> = {};
    for (const [version, entry] of Object.entries(versions)) {
      const parsed = packageVersionSchema.safeParse(entry);
      if (!parsed.success) {
        unusable[version] = z.prettifyError(parsed.error).replace(/\n+/g, '; ');
      } else if (parsed.data.version !== version || parsed.data.name !== name) {
        unusable[version] = `it names itself ${parsed.data.name}@${parsed.data.version}`;
      } else {
        usable[version] = parsed.data;
      }
    }
    return { name, distTags, versions: usable, unusable };
  }),
);
export type Packument = z.output<typeof packumentSchema>;
