import { overLimitText } from '../core/inputLimits';
import { z } from '../core/schemaKit';
import { PackageError, messageOf } from './packageError';
import { MAX_PACKUMENT_BYTES, MAX_TARBALL_BYTES } from './packageLimits';
import { packageNameSchema } from './packageName';
import { packumentSchema, type Packument } from './packumentSchema';
import { normaliseRegistry, NPM_REGISTRY } from './registryAddress';

/** Abbreviated metadata: what an install needs, a fraction of the full document's size. */
const ABBREVIATED_METADATA = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8';

export type FetchFunction = (
  url: string,
  init?: { headers?: Record<string, string> },
) => Promise<Response>;

export interface RegistryClient {
  /** The registry's address, normalised (ends with `/`). */
  registry: string;
  getPackument(name: string): Promise<Packument>;
  getTarball(url: string): Promise<Uint8Array>;
}

/** The body, read chunk by chunk so an oversized answer is stopped at `maxBytes`. */
async function readBody(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () =>
    new PackageError(`${what} is too large. ${overLimitText('Bytes', maxBytes)}`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new PackageError(`${what} was cut off while downloading: ${messageOf(error)}.`);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

/**
 * A client of an npm registry over the `fetch` it is given (the app's, or recorded answers in
 * tests). Every failure is a PackageError naming the registry: a network error, an answer
 * that is not 2xx, one that is not the package's metadata, or one over the size limits.
 */
export function createRegistryClient(options: {
  registry?: string;
  fetch: FetchFunction;
}): RegistryClient {
  const registry = normaliseRegistry(options.registry ?? NPM_REGISTRY);
  // Called on its own, not as options.fetch(…): a browser's fetch throws "Illegal invocation" when `this` is not the window.
  const fetchFunction = options.fetch;

  const request = async (
    url: string,
    what: string,
    headers: Record<string, string>,
  ): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchFunction(url, { headers });
    } catch (error) {
      throw new PackageError(
        `Could not reach the registry ${registry} for ${what}: ${messageOf(error)}.`,
      );
    }
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new PackageError(
        response.status === 404
          ? `The registry ${registry} has no ${what} (404).`
          : `The registry ${registry} answered ${status} for ${what}.`,
      );
    }
    return response;
  };

  return {
    registry,
    async getPackument(name) {
      const parsedName = packageNameSchema.safeParse(name);
      if (!parsedName.success)
        throw new PackageError(`"${name.slice(0, 220)}" is not a valid npm package name.`);
      // A scoped name keeps its @ but its slash is escaped: the registry reads it as one path segment.
      const url = `${registry}${name.replace('/', '%2f')}`;
      const what = `package ${name}`;
      const response = await request(url, what, { accept: ABBREVIATED_METADATA });
      const body = await readBody(
        response,
        MAX_PACKUMENT_BYTES,
        `The metadata of ${name} from ${registry}`,
      );
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw new PackageError(
          `The registry ${registry} answered for ${what} with something that is not JSON.`,
        );
      }
      const parsed = packumentSchema.safeParse(json);
      if (!parsed.success) {
        throw new PackageError(
          `The registry ${registry} answered for ${what} with metadata Hookpad cannot use: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}.`,
        );
      }
      if (parsed.data.name !== name) {
        throw new PackageError(
          `The registry ${registry} answered for ${what} with the metadata of ${parsed.data.name}.`,
        );
      }
      return parsed.data;
    },
    async getTarball(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new PackageError(`"${url.slice(0, 300)}" is not a tarball address.`);
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new PackageError(`The tarball address ${url.slice(0, 300)} is not http(s).`);
      }
      const response = await request(parsed.href, `the tarball ${parsed.href}`, {});
      return readBody(response, MAX_TARBALL_BYTES, `The tarball ${parsed.href}`);
    },
  };
}
