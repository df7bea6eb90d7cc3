import { test, expect, openApp, regionJson, runToEnd, selectPoint, setCode } from './support/app';

// stream, assert, url and zlib's engine are late modules: the sandbox worker compiles them only
// when a hook first requires them (src/sandbox/lateModules.ts). They must still be one Node
// with the rest: the same Buffer, EventEmitter and string decoder as the worker's own.
const HOOK = `const { Readable, PassThrough } = require('stream');
const EventEmitter = require('events');
const zlib = require('zlib');
const assert = require('assert');
const url = require('url');
module.exports = async function (user, context, cb) {
  const text = new PassThrough().setEncoding('utf8');
  const euro = Buffer.from('\\u20ac'); // split across two writes, decoded whole
  text.write(euro.subarray(0, 1));
  text.end(euro.subarray(1));
  let decoded = '';
  for await (const s of text) decoded += s;
  const chunks = await Readable.from(['a', 'b'], { objectMode: false }).toArray();
  const failed = (() => { try { assert.deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { return e; } })();
  const zipped = zlib.gzipSync('hello');
  cb(null, { user: { app_metadata: {
    decoded, emitter: text instanceof EventEmitter, zipped: zipped instanceof Buffer,
    chunksAreBuffers: chunks.every((c) => c instanceof Buffer && Buffer.isBuffer(c)),
    unzipped: zlib.gunzipSync(zipped).toString(), sameStream: require('stream') === require('node:stream'),
    assertion: failed.code + ' ' + (failed instanceof assert.AssertionError),
    host: url.parse('https://a.example/p?x=1', true).query.x + '@' + new url.URL('https://a.example').host,
  } } });
};
`;

test("stream, zlib and assert, loaded on first require, share the sandbox's Buffer and EventEmitter", async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, HOOK);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const merged = (await regionJson(page, 'Merged user')) as { app_metadata: unknown };
  expect(merged.app_metadata).toMatchObject({
    decoded: '\u20ac',
    chunksAreBuffers: true,
    emitter: true,
    zipped: true,
    unzipped: 'hello',
    assertion: 'ERR_ASSERTION true',
    sameStream: true,
    host: '1@a.example',
  });
});
