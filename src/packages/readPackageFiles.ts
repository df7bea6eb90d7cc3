import { hasGzipSignature, hasZipSignature } from '../core/fileSignatures';
import { computeIntegrity, filesIntegrity } from './integrity';
import { messageOf } from './packageError';
import type { PackageFiles } from './packageFiles';
import { packageId } from './packageName';
import type { PackageRecord } from './packageRecord';
import { readNodeModulesZip } from './readNodeModulesZip';
import { readPackageTarball } from './readPackageTarball';

export interface PackageFileInput {
  name: string;
  bytes: Uint8Array;
}

export interface PackageFileProblem {
  /** The file as the user gave it, and for a zip the package folder inside it. */
  file: string;
  message: string;
}

function recordOf(read: PackageFiles, integrity: string): PackageRecord {
  const { packageJson, files, size, skippedFiles } = read;
  return {
    name: packageJson.name,
    version: packageJson.version,
    integrity,
    source: 'file',
    size,
    files,
    skippedFiles,
  };
}

/**
 * Packages the user adds from files: `.tgz` tarballs (as `npm pack` writes them) and zips of a
 * `node_modules` folder, told apart by their first bytes. Each file that cannot be read, and
 * each package of a zip that cannot, is a problem naming it; the rest is returned. A package
 * met twice (`name@version`) is kept once; two different copies of it are a problem.
 */
export async function readPackageFiles(
  inputs: readonly PackageFileInput[],
): Promise<{ packages: PackageRecord[]; problems: PackageFileProblem[] }> {
  const packages = new Map<string, { record: PackageRecord; from: string }>();
  const problems: PackageFileProblem[] = [];
  const keep = (record: PackageRecord, from: string): void => {
    const id = packageId(record.name, record.version);
    const kept = packages.get(id);
    if (kept === undefined) packages.set(id, { record, from });
    else if (kept.record.integrity !== record.integrity) {
      problems.push({
        file: from,
        message: `${id} differs from the copy in ${kept.from}; that one is kept.`,
      });
    }
  };

  for (const { name, bytes } of inputs) {
    try {
      if (hasGzipSignature(bytes) || /\.(tgz|tar\.gz)$/i.test(name)) {
        const read = await readPackageTarball(bytes, name);
        keep(recordOf(read, await computeIntegrity(bytes)), name);
      } else if (hasZipSignature(bytes) || /\.zip$/i.test(name)) {
        const { packages: found, problems: zipProblems } = readNodeModulesZip(bytes, name);
        for (const problem of zipProblems)
          problems.push({ file: `${name}: ${problem.folder}`, message: problem.message });
        if (found.length === 0 && zipProblems.length === 0) {
          problems.push({
            file: name,
            message: 'It holds no package: no node_modules/<name>/package.json was found.',
          });
        }
        for (const read of found)
          keep(recordOf(read, await filesIntegrity(read.files)), `${name}: ${read.folder}`);
      } else {
        problems.push({
          file: name,
          message: 'Not a package file: expected a .tgz from npm pack or a .zip of node_modules.',
        });
      }
    } catch (error) {
      problems.push({ file: name, message: `${messageOf(error)}.` });
    }
  }
  return { packages: [...packages.values()].map(({ record }) => record), problems };
}
