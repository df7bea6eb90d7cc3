import { formatCount } from '../core/formatCount';
import { registryOrigin } from './registryFrameDocument';
import {
  AnswerIdSchema,
  RegistryFrameAnswerSchema,
  type RegistryFrameAnswer,
  type RegistryFrameRequest,
} from './registryFrameProtocol';

/**
 * A `fetch` for one registry's downloads, answered by its download frame. Structurally a
 * packages `FetchFunction`, so the registry client can use it as it is.
 */
export interface RegistryFetch {
  fetch: (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;
  /** Removes the frame; downloads still under way reject, later ones too. */
  dispose(): void;
}

/** The app's end of a download frame. */
export interface RegistryFramePort {
  post(request: RegistryFrameRequest): void;
  close(): void;
}

/** Opens a frame that delivers everything it sends, unparsed, to `onMessage`. */
export type ConnectRegistryFrame = (
  onMessage: (data: unknown) => void,
) => Promise<RegistryFramePort>;

export interface RegistryFetchOptions {
  /** How long one download may take, from the call to the whole body. */
  timeoutMs?: number;
  /**
   * The largest body the frame hands over; a larger one fails when read. The registry
   * client applies its own, smaller or equal, limit per document.
   */
  maxBytes?: number;
}

export const REGISTRY_DOWNLOAD_TIMEOUT_MS = 60_000;
/** The largest registry download Hookpad accepts: a package's metadata, at 64 MiB. */
export const REGISTRY_DOWNLOAD_MAX_BYTES = 64 * 1024 * 1024;

const shown = (url: string) => url.slice(0, 300);

interface PendingDownload {
  url: string;
  resolve(response: Response): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Statuses whose Response must have no body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Delivers `bytes`, then fails: an over-limit answer cannot pass for a complete one. A reader
 * gets this error; Chromium's arrayBuffer()/text() report it as "Failed to fetch".
 */
function failingBody(bytes: Uint8Array, error: Error): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
    },
    // Called once the bytes are read: erroring in start would discard them.
    pull(controller) {
      controller.error(error);
    },
  });
}

/**
 * The app's side of a registry download frame: checks each URL is on the registry's origin
 * before it leaves, opens the frame on the first download and reuses it, matches answers to
 * requests by id (dropping unknown ones), parses every answer (the frame is untrusted), and
 * rebuilds a Response. Every failure rejects with an Error saying what happened.
 */
export function createRegistryFrameClient(
  registry: string,
  connect: ConnectRegistryFrame,
  options: RegistryFetchOptions = {},
): RegistryFetch {
  const origin = registryOrigin(registry);
  const timeoutMs = options.timeoutMs ?? REGISTRY_DOWNLOAD_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? REGISTRY_DOWNLOAD_MAX_BYTES;
  const pending = new Map<number, PendingDownload>();
  let lastId = 0;
  let port: Promise<RegistryFramePort> | undefined;
  let disposed = false;

  const settle = (id: number): PendingDownload | undefined => {
    const download = pending.get(id);
    if (download === undefined) return undefined;
    pending.delete(id);
    clearTimeout(download.timer);
    return download;
  };

  const redirectedError = (url: string, where: string) =>
    new Error(
      `it redirects ${shown(url)} ${where}, and Hookpad downloads packages only from the registry address in Dependencies' settings`,
    );

  const responseOf = (answer: Extract<RegistryFrameAnswer, { ok: true }>, url: string) => {
    let answeredFrom: string;
    try {
      answeredFrom = new URL(answer.url).origin;
    } catch {
      throw new Error(
        `The registry download frame answered ${shown(url)} without saying where from.`,
      );
    }
    if (answeredFrom !== origin) throw redirectedError(url, `to ${shown(answeredFrom)}`);
    const declared = Number(answer.headers['content-length'] ?? Number.NaN);
    const tooLarge = answer.body.byteLength > maxBytes || declared > maxBytes;
    const bytes = new Uint8Array(answer.body);
    const body = NULL_BODY_STATUSES.has(answer.status)
      ? null
      : tooLarge
        ? failingBody(
            bytes,
            new Error(
              `The answer for ${shown(url)} is larger than ${formatCount(maxBytes)} bytes; Hookpad stopped downloading it.`,
            ),
          )
        : bytes;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers[name] = value;
    }
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
  };

  const onMessage = (data: unknown) => {
    const idOnly = AnswerIdSchema.safeParse(data);
    if (!idOnly.success) return;
    const download = settle(idOnly.data.id);
    if (download === undefined) return;
    const parsed = RegistryFrameAnswerSchema.safeParse(data);
    if (!parsed.success) {
      download.reject(
        new Error(
          `The registry download frame answered ${shown(download.url)} with a message Hookpad cannot read.`,
        ),
      );
      return;
    }
    const answer = parsed.data;
    if (answer.ok) {
      try {
        download.resolve(responseOf(answer, download.url));
      } catch (error) {
        download.reject(error instanceof Error ? error : new Error(String(error)));
      }
    } else if (answer.reason === 'redirect') {
      download.reject(redirectedError(download.url, `to another address (${answer.message})`));
    } else {
      download.reject(
        new Error(
          `${answer.message}: ${origin} is out of reach, or it does not allow downloads from a web page (CORS)`,
        ),
      );
    }
  };

  const connection = (): Promise<RegistryFramePort> => {
    if (port !== undefined) return port;
    // Async, so a connect that throws is reported like one that rejects.
    const opening = (async () => connect(onMessage))();
    port = opening;
    // A frame that could not be opened is tried again by the next download.
    opening.catch(() => {
      if (port === opening) port = undefined;
    });
    return opening;
  };

  const stoppedError = (url: string) =>
    new Error(
      `The download of ${shown(url)} from the registry at ${origin} was stopped: its download frame was closed.`,
    );

  const checkedUrl = (url: string): string => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed?.origin !== origin) {
      throw new Error(
        `"${shown(url)}" is not on the registry's origin ${origin}: Hookpad downloads packages only from the registry address in Dependencies' settings.`,
      );
    }
    if (parsed.username !== '' || parsed.password !== '') {
      throw new Error(
        `A download address from the registry at ${origin} holds a user name or password; Hookpad downloads packages without credentials.`,
      );
    }
    return parsed.href;
  };

  return {
    fetch: (url, init) =>
      new Promise<Response>((resolve, reject) => {
        const href = checkedUrl(url);
        if (disposed) throw stoppedError(url);
        const id = ++lastId;
        const timer = setTimeout(() => {
          settle(id)?.reject(
            new Error(
              `The registry at ${origin} did not answer ${shown(url)} within ${formatCount(Math.ceil(timeoutMs / 1000))} s.`,
            ),
          );
          void port?.then((opened) => opened.post({ type: 'abort', id })).catch(() => undefined);
        }, timeoutMs);
        pending.set(id, { url, resolve, reject, timer });
        connection().then(
          (opened) => {
            if (!pending.has(id)) return;
            const headers = { ...init?.headers };
            opened.post({ type: 'fetch', id, url: href, headers, maxBytes });
          },
          (error: unknown) =>
            settle(id)?.reject(
              new Error(
                `Could not open the download frame for the registry at ${origin}: ${error instanceof Error ? error.message : String(error)}`,
              ),
            ),
        );
      }),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const id of [...pending.keys()]) {
        const download = settle(id);
        download?.reject(stoppedError(download.url));
      }
      void port?.then((opened) => opened.close()).catch(() => undefined);
    },
  };
}
