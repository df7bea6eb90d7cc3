import { overLimitText } from '../core/inputLimits';
import { PackageError } from './packageError';
import { MAX_UNPACKED_BYTES } from './packageLimits';
import { packageManifestSchema } from './packageRecord';
import { z } from '../core/schemaKit';

export interface PackageFiles {
  /** The manifest, parsed (every field kept: `main`, `exports`, … are read later). */
  packageJson: z.infer<typeof packageManifestSchema>;
  /** Text files by path inside the package. */
  files: Record<string, string>;
  /** Bytes of `files`. */
  size: number;
  /** Files not stored: binary content, links, devices. */
  skippedFiles: number;
}

// A byte-order mark is dropped, as Node drops it when it loads a .js or .json file.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or null when it is binary (not UTF-8, or holding a NUL byte). */
function textOf(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A package's files (paths relative to the package folder) as Hookpad stores them: its text
 * files and its parsed package.json, which must name the package and a semver version.
 */
export function collectPackageFiles(
  entries: readonly { path: string; data: Uint8Array | null }[],
  what: string,
): PackageFiles {
  const files: Record<string, string> = {};
  let size = 0;
  let skippedFiles = 0;
  for (const { path, data } of entries) {
    // Assigning a `__proto__` key would set the record's prototype; no package needs such a file.
    const text = data === null || path === '__proto__' ? null : textOf(data);
    if (text === null) {
      skippedFiles += 1;
      continue;
    }
    size += data!.length;
    if (size > MAX_UNPACKED_BYTES) {
      throw new PackageError(
        `${what} is too large once unpacked. ${overLimitText('Unpacked bytes', MAX_UNPACKED_BYTES)}`,
      );
    }
    files[path] = text;
  }
  const manifestText = files['package.json'];
  if (manifestText === undefined) throw new PackageError(`${what} has no package.json at its top.`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    throw new PackageError(`${what} has a package.json that is not valid JSON.`);
  }
  const parsed = packageManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    throw new PackageError(
      `${what} has a package.json Hookpad cannot use: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}.`,
    );
  }
  return { packageJson: parsed.data, files, size, skippedFiles };
}
