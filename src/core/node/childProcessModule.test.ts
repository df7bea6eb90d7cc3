import { describe, expect, test } from 'vitest';
import * as nodeChildProcess from 'node:child_process';
import { loadBuiltin, type BuiltinEnvironment } from './builtinModules';

// child_process in a sandbox that cannot start processes: every program is missing, as Node
// reports a command that does not exist (Node, asked to run one, is the oracle for the shape).

const deferred: (() => void)[] = [];
const env: BuiltinEnvironment = { defer: (callback) => deferred.push(callback) };
const runDeferred = () => deferred.splice(0).forEach((callback) => callback());
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shape
const childProcess: any = loadBuiltin('child_process', env);

const MISSING = 'hookpad-no-such-program';
const REASON = " (Hookpad's sandbox cannot start processes)";

function fields(error: unknown) {
  const { message, code, errno, syscall, path, spawnargs } = error as Record<string, unknown>;
  return { message, code, errno, syscall, path, spawnargs };
}

/** Node's error for the missing program, with the sandbox's reason after Node's message. */
function nodeShape(error: unknown) {
  const expected = fields(error);
  return { ...expected, message: `${String(expected.message)}${REASON}` };
}

describe('child_process', () => {
  test("spawn: 'error' later with Node's ENOENT fields, then 'exit' and 'close'", async () => {
    const events: unknown[] = [];
    const child = childProcess.spawn(MISSING, ['--version']);
    expect(child).toBeInstanceOf(childProcess.ChildProcess);
    expect(child.pid).toBeUndefined();
    child.on('error', (error: Error) => events.push(fields(error)));
    child.on('exit', (code: number) => events.push(['exit', code]));
    child.on('close', (code: number) => events.push(['close', code]));
    expect(events).toEqual([]);
    runDeferred();
    const nodeError = await new Promise((resolve) =>
      nodeChildProcess.spawn(MISSING, ['--version']).on('error', resolve),
    );
    expect(events).toEqual([nodeShape(nodeError), ['exit', -2], ['close', -2]]);
  });

  test('execFile and exec call back with the error and empty output', () => {
    const results: unknown[] = [];
    childProcess.execFile(
      MISSING,
      ['a'],
      (error: Error & { cmd: string }, out: string, err: string) =>
        results.push([error.message, error.cmd, out, err]),
    );
    childProcess.exec(
      'git rev-parse HEAD',
      { timeout: 5 },
      (error: Error & Record<string, unknown>) => results.push([error.code, error.path, error.cmd]),
    );
    runDeferred();
    expect(results).toEqual([
      [`spawn ${MISSING} ENOENT${REASON}`, `${MISSING} a`, '', ''],
      ['ENOENT', '/bin/sh', 'git rev-parse HEAD'],
    ]);
  });

  test('spawnSync returns the error, as Node does; execSync and execFileSync throw it', () => {
    const result = childProcess.spawnSync(MISSING, ['x']);
    const nodeResult = nodeChildProcess.spawnSync(MISSING, ['x']);
    expect(fields(result.error)).toEqual(nodeShape(nodeResult.error));
    expect({ ...result, error: undefined }).toEqual({ ...nodeResult, error: undefined });
    let thrown: unknown;
    try {
      childProcess.execFileSync(MISSING, ['x']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ENOENT', syscall: `spawnSync ${MISSING}`, status: null });
    expect(() => childProcess.execSync('ls')).toThrow(`spawnSync /bin/sh ENOENT${REASON}`);
  });

  test("a file that is not a string is Node's TypeError, at once", () => {
    let expected: unknown;
    try {
      nodeChildProcess.spawn(42 as never);
    } catch (error) {
      expected = error;
    }
    expect(() => childProcess.spawn(42)).toThrow(
      expect.objectContaining({
        name: 'TypeError',
        message: (expected as Error).message,
        code: 'ERR_INVALID_ARG_TYPE',
      }) as Error,
    );
  });
});
