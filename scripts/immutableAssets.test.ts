import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { IMMUTABLE, acceptsGzip, immutableAssetsMiddleware } from './immutableAssets.mjs';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(origin: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Reply>((done, fail) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

function originOf(server: Pick<Server, 'address'>): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return `http://127.0.0.1:${address.port}`;
}

const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;

describe('immutableAssetsMiddleware', () => {
  let dir: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookpad-assets-'));
    writeFileSync(join(dir, 'app-Ab12.js'), SCRIPT);
    writeFileSync(join(dir, 'font-Cd34.woff2'), Buffer.from([1, 2, 3, 4]));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'gone-Gh78.js'), 'gone');
    const middleware = immutableAssetsMiddleware(dir);
    // Built after the middleware was made, or removed before its first request (a new build
    // emptied the folder): not one of the files it serves.
    writeFileSync(join(dir, 'late-Ef56.js'), 'late');
    rmSync(join(dir, 'gone-Gh78.js'));
    server = createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 599; // "left to the next middleware"
        res.end('next');
      }),
    );
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = originOf(server);
  });

  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a built file gzipped, to be kept by the browser for good', async () => {
    const reply = await get(origin, '/assets/app-Ab12.js', { 'accept-encoding': 'gzip, br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe(IMMUTABLE);
    expect(reply.headers['content-type']).toBe('text/javascript');
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(reply.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(reply.body).toString()).toBe(SCRIPT);
  });

  it('serves it plain to a client that does not take gzip', async () => {
    for (const encoding of [undefined, 'br', 'gzip;q=0']) {
      const reply = await get(origin, '/assets/app-Ab12.js?v=1', {
        ...(encoding ? { 'accept-encoding': encoding } : {}),
      });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.body.toString()).toBe(SCRIPT);
    }
  });

  it('does not gzip a format that is compressed already', async () => {
    const reply = await get(origin, '/assets/font-Cd34.woff2', { 'accept-encoding': 'gzip' });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers['content-type']).toBe('font/woff2');
    expect([...reply.body]).toEqual([1, 2, 3, 4]);
  });

  it('answers a revalidation with 304 and a HEAD without a body', async () => {
    const first = await get(origin, '/assets/app-Ab12.js');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get(origin, '/assets/app-Ab12.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(origin, '/assets/app-Ab12.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(SCRIPT.length);
    expect(head.body.length).toBe(0);
  });

  it('leaves everything else to the next middleware', async () => {
    const others: [string, Record<string, string>?, string?][] = [
      ['/index.html'],
      ['/assets/missing-0000.js'],
      ['/assets/late-Ef56.js'],
      ['/assets/gone-Gh78.js'],
      ['/assets/gone-Gh78.js'],
      ['/assets/folder'],
      ['/assets/../app-Ab12.js'],
      ['/assets/%2e%2e/app-Ab12.js'],
      ['/other/app-Ab12.js'],
      ['/assets/app-Ab12.js', { range: 'bytes=0-9' }],
      ['/assets/app-Ab12.js', {}, 'POST'],
    ];
    for (const [path, headers, method] of others) {
      const reply = await get(origin, path, headers, method);
      expect(reply.status, `${method ?? 'GET'} ${path}`).toBe(599);
    }
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as a browser sends it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("the app's preview server (npm start, the end-to-end suite)", () => {
  let dir: string;
  let server: PreviewServer;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookpad-preview-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-Zz99.js'), SCRIPT);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hookpad</title>');
    server = await preview({
      configFile: resolve(import.meta.dirname, '../vite.config.ts'),
      build: { outDir: dir },
      preview: { port: 0, host: '127.0.0.1', open: false },
      logLevel: 'silent',
    });
    origin = originOf(server.httpServer);
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed files for good and the page itself for revalidation', async () => {
    const asset = await get(origin, '/assets/index-Zz99.js', { 'accept-encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(asset.body).toString()).toBe(SCRIPT);
    const page = await get(origin, '/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
