import { describe, expect, test } from 'vitest';
import { hook, runHook } from '../network/runHook.testkit';

// process.stdout/stderr are pipes to the run's console output and tty sees no terminal, as in
// a webtask (docs/runtime-semantics.md §10); Node's own behaviour on a pipe is the reference.

describe('process.stdout, process.stderr and tty', () => {
  test('writes show in the console output, stdout as log and stderr as error, one line per write', async () => {
    const run = await runHook(
      hook(`process.stdout.write('plain\\n');
process.stderr.write(Buffer.from('from a buffer'));
process.stdout.write('6869', 'hex');
cb(null, {
  fds: [process.stdout.fd, process.stderr.fd],
  tty: [process.stdout.isTTY === undefined, require('tty').isatty(1), require('tty').isatty(2)],
  returned: process.stdout.write(''),
});`),
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { fds: [1, 2], tty: [true, false, false], returned: true },
    });
    expect(run.logs.map(({ level, text }) => [level, text])).toEqual([
      ['log', 'plain'],
      ['error', 'from a buffer'],
      ['log', 'hi'],
      ['log', ''],
    ]);
  });

  test("a write's callback comes after the write returns, as Node calls it once flushed", async () => {
    const run = await runHook(
      hook(`const order = [];
process.stdout.write('x', () => { order.push('flushed'); cb(null, order); });
order.push('returned');`),
    );
    expect(run.outcome).toMatchObject({ status: 'succeeded', response: ['returned', 'flushed'] });
  });

  test("a chunk that is not text or bytes, and a TTY stream, fail with Node's errors", async () => {
    const run = await runHook(
      hook(`const errors = [];
try { process.stdout.write(42); } catch (e) { errors.push([e.code, e.message]); }
try { new (require('tty').WriteStream)(1); } catch (e) { errors.push([e.code, e.message]); }
cb(null, errors);`),
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: [
        [
          'ERR_INVALID_ARG_TYPE',
          'The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received number',
        ],
        [
          'ERR_TTY_INIT_FAILED',
          'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)',
        ],
      ],
    });
  });
});
