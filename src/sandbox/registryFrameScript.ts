/**
 * The whole program of the registry download frame, as the text of its one inline script.
 * It is plain JavaScript that needs no bundling, so its CSP hash is the hash of this string.
 * ASCII only, and never `</script` or `<!--`, so the HTML parser hands it to the engine as
 * written (registryFrameScript.test.ts pins both).
 *
 * The host sends one `init` through window.postMessage with a private MessagePort; every
 * download request then travels on that port (registryFrameProtocol.ts):
 * - `fetch` {id, url, headers, maxBytes}: fetched without credentials or referrer, and
 *   without following redirects at first: a redirect is followed only on a second try, so
 *   that a failure can be told as "it redirected" (the CSP blocks any other origin) rather
 *   than as a network error. The body is read until it ends or passes maxBytes: at most
 *   maxBytes + 1 bytes cross back (none when Content-Length already says it is too large),
 *   and the host makes the over-limit answer fail when read.
 * - `abort` {id}: the host gave up on that download (timeout); nothing is answered.
 */
export const REGISTRY_FRAME_SCRIPT = `'use strict';
(() => {
  const downloads = new Map();
  const messageOf = (error) =>
    error !== null && typeof error === 'object' && typeof error.message === 'string'
      ? error.message
      : String(error);
  // In a browser, redirect 'manual' gives an opaque answer; elsewhere the 3xx answer itself.
  const isRedirect = (response) =>
    response.type === 'opaqueredirect' ||
    (response.status >= 300 && response.status < 400 && response.status !== 304);

  const readLimited = async (response, maxBytes) => {
    if (response.body === null) return new Uint8Array(0);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return new Uint8Array(0);
    }
    const reader = response.body.getReader();
    const chunks = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = await reader.read();
      if (chunk.done) break;
      chunks.push(chunk.value);
      total += chunk.value.length;
    }
    if (total > maxBytes) await reader.cancel().catch(() => undefined);
    const body = new Uint8Array(Math.min(total, maxBytes + 1));
    let at = 0;
    for (const chunk of chunks) {
      if (at === body.length) break;
      const part = chunk.subarray(0, body.length - at);
      body.set(part, at);
      at += part.length;
    }
    return body;
  };

  const download = async (port, request) => {
    const id = request.id;
    const controller = new AbortController();
    downloads.set(id, controller);
    const init = {
      headers: request.headers,
      credentials: 'omit',
      mode: 'cors',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    };
    const fail = (reason, error) => {
      if (!controller.signal.aborted)
        port.postMessage({ id, ok: false, reason, message: messageOf(error) });
    };
    try {
      let response = await fetch(request.url, { ...init, redirect: 'manual' });
      if (isRedirect(response)) {
        try {
          response = await fetch(request.url, { ...init, redirect: 'follow' });
        } catch (error) {
          fail('redirect', error);
          return;
        }
      }
      const body = await readLimited(response, request.maxBytes);
      const headers = {};
      for (const name of ['content-type', 'content-length']) {
        const value = response.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      const answer = {
        id,
        ok: true,
        url: response.url,
        status: response.status,
        statusText: response.statusText,
        headers,
        body: body.buffer,
      };
      if (!controller.signal.aborted) port.postMessage(answer, [body.buffer]);
    } catch (error) {
      fail('network', error);
    } finally {
      downloads.delete(id);
    }
  };

  const start = (port) => {
    port.onmessage = (event) => {
      const message = event.data;
      if (message === null || typeof message !== 'object') return;
      if (message.type === 'fetch') void download(port, message);
      else if (message.type === 'abort') downloads.get(message.id)?.abort();
    };
  };

  const onInit = (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== 'init') return;
    if (!(data.port instanceof MessagePort)) return;
    window.removeEventListener('message', onInit);
    start(data.port);
  };
  window.addEventListener('message', onInit);
})();
`;
