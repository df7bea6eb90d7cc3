import type { PackageFileInput } from '../../packages/readPackageFiles';

/** The chosen or dropped files' bytes, as the package store reads them. */
export function readPackageInputs(files: FileList | readonly File[]): Promise<PackageFileInput[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
