// For the end-to-end suite only: an endpoint a hook can really reach with "Allow network".
// It answers any origin (the sandbox's is `null`) and counts its hits per `id`, so a test can
// tell whether a request left the sandbox. Playwright starts it beside the preview server
// (playwright.config.ts); it listens on loopback only.
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node e2e/support/echoServer.mjs PORT');
  process.exit(2);
}

const hits = new Map();
createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const id = url.searchParams.get('id') ?? '';
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('content-type', 'application/json');
  if (url.pathname === '/echo') {
    hits.set(id, (hits.get(id) ?? 0) + 1);
    response.end('{"echo":true}');
  } else if (url.pathname === '/hits') {
    response.end(JSON.stringify({ hits: hits.get(id) ?? 0 }));
  } else {
    response.statusCode = 404;
    response.end('{"error":"not found"}');
  }
}).listen(port, '127.0.0.1');
