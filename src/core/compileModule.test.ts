import { describe, expect, test, vi } from 'vitest';
import { HOST_NAMES } from './buildModuleFactory';
import { compileModule, type HostBindings } from './compileModule';

const prelude = 'class PreUserRegistrationError extends Error {}';
const host = (overrides: Partial<HostBindings> = {}) =>
  ({ ...Object.fromEntries(HOST_NAMES.map((n) => [n, undefined])), ...overrides }) as HostBindings;
const noRequire = () => undefined;

describe('compileModule', () => {
  test('compiles the code once: one Function per run, not a check and then a build', () => {
    const spy = vi.spyOn(globalThis, 'Function');
    const compiled = compileModule(prelude, 'module.exports = 1;', host(), noRequire);
    expect(compiled).toEqual({ ok: true, exports: 1 });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  test('code that closes the wrapper early fails as on the platform, and none of it runs', () => {
    const log = vi.fn();
    const code = "};\nconsole.log('escaped');\n(function () {";
    const compiled = compileModule(prelude, code, host({ console: { log } }), noRequire);
    expect(compiled).toMatchObject({
      ok: false,
      error: { name: 'SyntaxError', location: { line: 1, column: 1 } },
    });
    // The platform's message: the same text parsed as one function body on its own.
    let platform = '';
    try {
      new Function('module', 'exports', 'require', prelude + '\n' + code);
    } catch (error) {
      platform = (error as Error).message;
    }
    expect(compiled.ok === false && compiled.error.message).toBe(platform);

    const sneaky = "}, console.log('escaped'), function () {";
    expect(compileModule(prelude, sneaky, host({ console: { log } }), noRequire).ok).toBe(false);
    const redeclared = '}\nfunction hookpadModule(module, exports, require) {';
    expect(compileModule(prelude, redeclared, host(), noRequire).ok).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  test('keeps line numbers exact: a top-level throw is located on the user’s line', () => {
    const compiled = compileModule(prelude, '\n\nthrow new Error("top");', host(), noRequire);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.error.location).toEqual({ line: 3, column: 7 });
    expect(compiled.error.stack).toContain('hook.js:3:7');
  });

  test('binds the host shims, and the hook may shadow them', () => {
    const shim = { log: () => 'shim' };
    const uses = compileModule(
      '',
      'module.exports = console.log();',
      host({ console: shim }),
      noRequire,
    );
    expect(uses).toEqual({ ok: true, exports: 'shim' });
    const shadows = compileModule(
      '',
      'let console = 2;\nmodule.exports = console;',
      host(),
      noRequire,
    );
    expect(shadows).toEqual({ ok: true, exports: 2 });
  });
});
