import { PackageTreeSchema, type PackageTree } from '../core/commonjs/packageTree';

/**
 * A run's package tree travels to its worker as a Blob: a Blob crosses postMessage as a handle,
 * where the tree itself would be copied on the page's main thread at every run (0.7–1.6 s for
 * 110 MB of text in Chromium; the eleven real modules of docs §10.2 hold 148 MB). The store hands
 * the same tree object to every run of a set of dependencies, so each tree is checked and
 * packed once (docs/runtime-semantics.md §15).
 *
 * The Blob holds the length of a JSON index, the index (each file's path and text length), then
 * the texts one after the other: packing it needs no escaping of the texts (three times faster
 * than JSON for a large tree).
 */
const blobs = new WeakMap<PackageTree, Blob>();

export function packageBlobOf(tree: PackageTree): Blob {
  let blob = blobs.get(tree);
  if (blob === undefined) {
    // Fail loudly on misuse, as for the rest of the request: the worker would refuse it.
    PackageTreeSchema.parse(tree);
    const index = JSON.stringify(tree.files.map(({ path, text }) => [path, text.length]));
    blob = new Blob([`${index.length}\n`, index, ...tree.files.map(({ text }) => text)]);
    blobs.set(tree, blob);
  }
  return blob;
}

/** The tree back from its Blob, in the worker (indexing it checks it again). */
export async function packageTreeOf(blob: Blob): Promise<PackageTree> {
  const packed = await blob.text();
  const newline = packed.indexOf('\n');
  const indexLength = Number(packed.slice(0, newline));
  const index = JSON.parse(packed.slice(newline + 1, newline + 1 + indexLength)) as [
    string,
    number,
  ][];
  let at = newline + 1 + indexLength;
  const files = index.map(([path, length]) => {
    const text = packed.slice(at, at + length);
    at += length;
    return { path, text };
  });
  if (at !== packed.length) throw new Error('the packed package tree is damaged');
  return { files };
}
