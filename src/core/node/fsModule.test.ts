import { describe, expect, test } from 'vitest';
import * as nodeFs from 'node:fs';
import { Buffer } from 'buffer/';
import { loadBuiltin, type BuiltinEnvironment } from './builtinModules';

// fs in the sandbox is an empty, read-only file system. Node's own fs, asked about a path that
// does not exist, is the oracle for the error shapes (message, code, errno, syscall, path).

const deferred: (() => void)[] = [];
const env: BuiltinEnvironment = { defer: (callback) => deferred.push(callback) };
const runDeferred = () => deferred.splice(0).forEach((callback) => callback());
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shape
const fs: any = loadBuiltin('fs', env);

const MISSING = '/hookpad-no-such-dir/file.txt';
const nodeCall = (name: string, args: readonly unknown[]) =>
  (nodeFs as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!(...args);

/** The fields Node's fs errors carry. */
function shape(error: unknown) {
  const { message, code, errno, syscall, path, dest } = error as Record<string, unknown>;
  return { message, code, errno, syscall, path, dest };
}

function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('fs: a file system with no files', () => {
  test.each([
    ['readFileSync', [MISSING]],
    ['readFileSync', [MISSING, 'utf8']],
    ['statSync', [MISSING]],
    ['lstatSync', [MISSING]],
    ['readdirSync', ['/hookpad-no-such-dir']],
    ['accessSync', [MISSING]],
    ['openSync', [MISSING, 'r']],
    ['openSync', [MISSING, 'r+']],
    ['realpathSync', [MISSING]],
    ['readlinkSync', [MISSING]],
    ['unlinkSync', [MISSING]],
    ['rmdirSync', [MISSING]],
    ['rmSync', [MISSING]],
    ['chmodSync', [MISSING, 0o644]],
    ['renameSync', [MISSING, `${MISSING}.bak`]],
    ['copyFileSync', [MISSING, `${MISSING}.bak`]],
    ['truncateSync', [MISSING]],
  ])('%s%j fails with ENOENT exactly as Node does', (name, args) => {
    const expected = shape(thrownBy(() => nodeCall(name, args)));
    expect(expected.code).toBe('ENOENT');
    expect(shape(thrownBy(() => fs[name](...args)))).toEqual(expected);
  });

  test("existsSync is false, even for '/' and '/tmp' (the platform's Node had them)", () => {
    expect([fs.existsSync('/'), fs.existsSync('/tmp'), fs.existsSync(MISSING)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(fs.statSync(MISSING, { throwIfNoEntry: false })).toBeUndefined();
  });

  test('creating anything is refused: EROFS, read-only file system', () => {
    expect(shape(thrownBy(() => fs.writeFileSync('/tmp/out.txt', 'x')))).toEqual({
      message: "EROFS: read-only file system, open '/tmp/out.txt'",
      code: 'EROFS',
      errno: -30,
      syscall: 'open',
      path: '/tmp/out.txt',
      dest: undefined,
    });
    expect(thrownBy(() => fs.mkdirSync('/tmp/a', { recursive: true }))).toMatchObject({
      message: "EROFS: read-only file system, mkdir '/tmp/a'",
      code: 'EROFS',
    });
    expect(thrownBy(() => fs.appendFileSync('/log', 'x'))).toMatchObject({ code: 'EROFS' });
    expect(thrownBy(() => fs.openSync('/new', 'w'))).toMatchObject({ code: 'EROFS' });
    expect(thrownBy(() => fs.openSync('/new', 0o101))).toMatchObject({ code: 'EROFS' });
    expect(thrownBy(() => fs.mkdtempSync('/tmp/x-'))).toMatchObject({
      message: "EROFS: read-only file system, mkdtemp '/tmp/x-XXXXXX'",
    });
    expect(thrownBy(() => fs.symlinkSync('/a', '/b'))).toMatchObject({
      message: "EROFS: read-only file system, symlink '/a' -> '/b'",
      path: '/a',
      dest: '/b',
    });
  });

  test('no descriptor is open: EBADF as Node gives for a closed one', () => {
    for (const [name, args] of [
      ['fstatSync', [99]],
      ['closeSync', [99]],
      ['readSync', [99, Buffer.alloc(1)]],
      ['readFileSync', [99]],
    ] as const) {
      const expected = shape(thrownBy(() => nodeCall(name, args)));
      expect(shape(thrownBy(() => fs[name](...args)))).toEqual(expected);
    }
  });

  test('a bad path argument is the TypeError Node throws', () => {
    for (const bad of [undefined, true, {}]) {
      const expected = thrownBy(() => nodeFs.readFileSync(bad as never)) as Error;
      const actual = thrownBy(() => fs.readFileSync(bad)) as Error;
      expect([actual.name, actual.message, (actual as { code?: string }).code]).toEqual([
        expected.name,
        expected.message,
        'ERR_INVALID_ARG_TYPE',
      ]);
    }
    expect(() => fs.stat(MISSING)).toThrow('The "cb" argument must be of type function');
  });

  test('paths may be Buffers and file: URLs, as in Node', () => {
    expect(thrownBy(() => fs.readFileSync(Buffer.from('/b.txt')))).toMatchObject({
      path: '/b.txt',
    });
    expect(thrownBy(() => fs.readFileSync(new URL('file:///a%20b.txt')))).toMatchObject({
      path: '/a b.txt',
    });
    expect(thrownBy(() => fs.readFileSync(new URL('https://x.test/a')))).toMatchObject({
      code: 'ERR_INVALID_URL_SCHEME',
    });
  });

  test('callback forms call back later with the same error; exists answers false', () => {
    const results: unknown[] = [];
    fs.readFile(MISSING, 'utf8', (error: Error) => results.push(shape(error)));
    fs.writeFile('/out', 'x', (error: Error) => results.push((error as { code?: string }).code));
    fs.rm(MISSING, { force: true }, (error: Error | null) => results.push(error));
    fs.exists(MISSING, (exists: boolean) => results.push(exists));
    expect(results).toEqual([]);
    runDeferred();
    expect(results).toEqual([
      shape(thrownBy(() => nodeFs.readFileSync(MISSING, 'utf8'))),
      'EROFS',
      null,
      false,
    ]);
  });

  test('promise forms reject; fs/promises is fs.promises', async () => {
    expect(loadBuiltin('fs/promises', env)).toBe(fs.promises);
    await expect(fs.promises.readFile(MISSING)).rejects.toMatchObject({
      code: 'ENOENT',
      syscall: 'open',
      path: MISSING,
    });
    await expect(fs.promises.mkdir('/x')).rejects.toMatchObject({ code: 'EROFS' });
    await expect(fs.promises.access(MISSING, fs.constants.R_OK)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  test('createReadStream emits ENOENT, createWriteStream EROFS, each later', async () => {
    const read = fs.createReadStream(MISSING);
    const written = fs.createWriteStream('/out.log');
    const errors: unknown[] = [];
    read.on('error', (error: Error) => errors.push(shape(error)));
    written.on('error', (error: Error) => errors.push((error as { code?: string }).code));
    written.write('queued until the file opens');
    expect(read).toBeInstanceOf(fs.ReadStream);
    runDeferred();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual([shape(thrownBy(() => nodeFs.openSync(MISSING, 'r'))), 'EROFS']);
  });

  test("constants are Node's on Linux", () => {
    for (const [name, value] of Object.entries(fs.constants)) {
      expect([name, value]).toEqual([name, (nodeFs.constants as Record<string, number>)[name]]);
    }
    expect([fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK]).toEqual([0, 4, 2, 1]);
    // Node 20 added two module-loader constants; Node 18 had the rest.
    expect(Object.keys(nodeFs.constants).filter((name) => !(name in fs.constants))).toEqual([
      'EXTENSIONLESS_FORMAT_JAVASCRIPT',
      'EXTENSIONLESS_FORMAT_WASM',
    ]);
  });

  test('each run gets its own fs', () => {
    const other = loadBuiltin('fs', { defer: () => undefined });
    expect(other).not.toBe(fs);
    expect(loadBuiltin('fs', env)).toBe(fs);
  });
});
