import { hasGzipSignature } from '../core/fileSignatures';
import { overLimitText } from '../core/inputLimits';
import { PackageError, messageOf } from './packageError';

/**
 * Decompresses gzip with the platform's DecompressionStream (browsers, workers and Node
 * alike; it checks the CRC and notices a truncated stream), reading chunk by chunk so that a
 * small file that inflates to gigabytes is stopped at `maxBytes`.
 */
export async function gunzipLimited(
  bytes: Uint8Array,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  if (!hasGzipSignature(bytes))
    throw new PackageError(`${what} is not a gzip file (a .tgz starts with 1f 8b).`);
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new PackageError(
          `${what} is too large once unpacked. ${overLimitText('Unpacked bytes', maxBytes)}`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(
      `${what} could not be decompressed (damaged or truncated): ${messageOf(error)}.`,
    );
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
