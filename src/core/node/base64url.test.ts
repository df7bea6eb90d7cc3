import { Buffer as NodeBuffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { hook, runHook } from '../network/runHook.testkit';

// Node's own Buffer is the oracle: the hook's Buffer must read and write 'base64url' as it does.
const TEXT = '{"alg":"RS256","typ":"JWT"}?>>~~\u00e9';

describe("Buffer's base64url encoding (as on Node 18)", () => {
  it('decodes, encodes, measures and writes like Node', async () => {
    const encoded = NodeBuffer.from(TEXT).toString('base64url');
    const run = await runHook(
      hook(`
        const decoded = Buffer.from(${JSON.stringify(encoded)}, 'base64url').toString();
        const out = Buffer.from(decoded).toString('base64url');
        const written = Buffer.alloc(64);
        const n = written.write(${JSON.stringify(encoded)}, 0, 'base64url');
        cb(null, { decoded, out, isEncoding: Buffer.isEncoding('base64url'),
          byteLength: Buffer.byteLength(${JSON.stringify(encoded)}, 'base64url'),
          written: written.subarray(0, n).toString(),
          viaModule: require('buffer').Buffer.from('aGk', 'base64url').toString() });
      `),
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        decoded: TEXT,
        out: encoded,
        isEncoding: true,
        byteLength: NodeBuffer.byteLength(encoded, 'base64url'),
        written: TEXT,
        viaModule: 'hi',
      },
    });
    expect(encoded).not.toMatch(/[+/=]/);
  });

  it('leaves the other encodings as they were', async () => {
    const run = await runHook(
      hook(
        `cb(null, { b64: Buffer.from('hi?>').toString('base64'), hex: Buffer.from('hi').toString('hex') });`,
      ),
    );
    expect(run.outcome).toMatchObject({
      response: {
        b64: NodeBuffer.from('hi?>').toString('base64'),
        hex: '6869',
      },
    });
  });
});
