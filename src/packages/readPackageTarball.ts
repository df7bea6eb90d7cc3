import { overLimitText } from '../core/inputLimits';
import { gunzipLimited } from './gunzipLimited';
import { PackageError } from './packageError';
import { collectPackageFiles, type PackageFiles } from './packageFiles';
import { MAX_TARBALL_BYTES, MAX_UNPACKED_BYTES } from './packageLimits';
import { commonTopFolder, entrySegments } from './packagePaths';
import { readTar } from './readTar';

/**
 * A package's files from an `npm pack` tarball (`.tgz`). The archive's common top folder
 * (`package/` as npm writes it) is the package folder. Refuses, with a PackageError that says
 * why: a file that is not gzip, a damaged or truncated one, one over the size limits, an
 * entry that points outside the package, and a tarball without a usable package.json.
 */
export async function readPackageTarball(
  bytes: Uint8Array,
  what = 'The tarball',
): Promise<PackageFiles> {
  if (bytes.length > MAX_TARBALL_BYTES) {
    throw new PackageError(
      `${what} is too large. ${overLimitText('Bytes of a tarball', MAX_TARBALL_BYTES)}`,
    );
  }
  const tar = await gunzipLimited(bytes, MAX_UNPACKED_BYTES, what);
  const entries = readTar(tar, what);
  const located = entries
    .filter((entry) => entry.kind !== 'directory')
    .map((entry) => ({ ...entry, segments: entrySegments(entry.path, what) }))
    .filter((entry) => entry.segments.length > 0);
  const top = commonTopFolder(located.map((entry) => entry.segments));
  return collectPackageFiles(
    located.map((entry) => ({
      path: (top === '' ? entry.segments : entry.segments.slice(1)).join('/'),
      data: entry.kind === 'file' ? entry.data : null,
    })),
    what,
  );
}
