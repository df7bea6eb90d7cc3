import { z } from '../schemaKit';
import { normalizeTreePath, packageRootOf } from './treePath';

// What the package store hands the sandbox worker: the installed packages laid out as a
// virtual `node_modules` tree, as plain JSON so it crosses postMessage. A list of files (not
// an object keyed by path) so that no path, `__proto__` included, can become an object key.

/** Files of one tree: a few real dependency trees hold tens of thousands. */
export const MAX_TREE_FILES = 100_000;
const MAX_PATH_CHARS = 1_024;

// Control characters would let a path break out of the `//# sourceURL=` comment its code is
// compiled with; backslashes would be a second separator.
// eslint-disable-next-line no-control-regex
const UNSAFE_PATH_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029\\]/;

export const PackageFilePathSchema = z.string().check(
  z.maxLength(MAX_PATH_CHARS),
  z.refine((path) => !UNSAFE_PATH_CHARACTERS.test(path), 'has a control character or backslash'),
  z.refine(
    (path) => normalizeTreePath(path) === path && path.startsWith('node_modules/'),
    "is not a plain path inside 'node_modules/' (no '.', '..', empty segments or leading '/')",
  ),
);

export const PackageFileSchema = z.object({
  /** e.g. `node_modules/a/node_modules/b/index.js` */
  path: PackageFilePathSchema,
  /** The file's text; binary files are left out of the tree. */
  text: z.string(),
});

export const PackageTreeSchema = z.object({
  files: z.array(PackageFileSchema).check(
    z.maxLength(MAX_TREE_FILES),
    z.superRefine((files, context) => {
      const paths = new Set<string>();
      for (const [index, file] of files.entries()) {
        if (paths.has(file.path)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'path'],
            message: `duplicate file '${file.path}'`,
          });
        }
        paths.add(file.path);
      }
    }),
  ),
});

export type PackageFile = z.infer<typeof PackageFileSchema>;
export type PackageTree = z.infer<typeof PackageTreeSchema>;

/** An installed package: the folder holding its package.json. */
export interface InstalledPackage {
  /** e.g. `node_modules/a/node_modules/@s/b` */
  root: string;
  name: string;
  /** From its package.json; '' when it has none. */
  version: string;
}

/** The tree, indexed once for the lookups resolution makes. */
export interface PackageIndex {
  /** Path → text. */
  files: ReadonlyMap<string, string>;
  /** Package name → every installed copy, outermost (hoisted) first. */
  packages: ReadonlyMap<string, readonly InstalledPackage[]>;
  /** The parsed package.json of a package folder (undefined: none, or not a JSON object). */
  manifest(root: string): PackageManifest | undefined;
  /** The package a file belongs to, or undefined outside any package. */
  packageOf(path: string): InstalledPackage | undefined;
}

/** The package.json fields loading reads; the rest is kept for resolve.exports. */
export type PackageManifest = Record<string, unknown> & {
  name?: unknown;
  version?: unknown;
  main?: unknown;
  exports?: unknown;
  imports?: unknown;
  type?: unknown;
};

/** Parses and indexes a tree; throws zod's error on a malformed one. */
export function indexPackageTree(input: unknown): PackageIndex {
  const tree = PackageTreeSchema.parse(input);
  const files = new Map(tree.files.map((file) => [file.path, file.text]));
  const manifests = new Map<string, PackageManifest | undefined>();

  function manifest(root: string): PackageManifest | undefined {
    if (manifests.has(root)) return manifests.get(root);
    const text = files.get(`${root}/package.json`);
    let parsed: PackageManifest | undefined;
    if (text !== undefined) {
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          parsed = value as PackageManifest;
        }
      } catch {
        parsed = undefined;
      }
    }
    manifests.set(root, parsed);
    return parsed;
  }

  const packages = new Map<string, InstalledPackage[]>();
  const byRoot = new Map<string, InstalledPackage>();
  for (const path of files.keys()) {
    const owner = packageRootOf(path);
    if (owner === undefined || byRoot.has(owner.root)) continue;
    const version = manifest(owner.root)?.version;
    const installed = {
      ...owner,
      version: typeof version === 'string' ? version : '',
    };
    byRoot.set(owner.root, installed);
    const copies = packages.get(owner.name) ?? [];
    copies.push(installed);
    packages.set(owner.name, copies);
  }
  for (const copies of packages.values()) copies.sort((a, b) => a.root.length - b.root.length);

  return {
    files,
    packages,
    manifest,
    packageOf: (path) => {
      const owner = packageRootOf(path);
      return owner === undefined ? undefined : byRoot.get(owner.root);
    },
  };
}

/** `a@1.2.3`, or `a` for a package without a version: how errors name a package. */
export function packageLabel(installed: InstalledPackage): string {
  return installed.version === '' ? installed.name : `${installed.name}@${installed.version}`;
}
