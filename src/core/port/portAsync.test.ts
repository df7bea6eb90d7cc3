import { describe, expect, it } from 'vitest';
import { constructs, port, userHook } from './portTestkit';

// Rule 5: cb inside nested callbacks and promise chains.

describe('portHookToAction: cb inside async code', () => {
  it('turns a promise .then chain into await, so cb answers directly', () => {
    const { code, notes } = port(
      userHook(
        'lookup(user.email).then(function (plan) {',
        '  cb(null, { user: { app_metadata: { plan: plan } } });',
        '});',
      ),
      'pre-user-registration',
    );
    expect(code).toContain('  const plan = await lookup(event.user.email);\n');
    expect(code).toContain("    api.user.setAppMetadata('plan', plan);\n    return;\n");
    expect(code).not.toContain('.then');
    expect(code).not.toContain('new Promise');
    expect(notes).toEqual([]);
  });

  it('turns .then(…).catch(…) into try/catch around the await', () => {
    const { code } = port(
      userHook(
        'fetchPlan().then(function (plan) {',
        '  cb(null, { user: { app_metadata: { plan: plan } } });',
        '}).catch(function (error) {',
        '  cb(error);',
        '});',
      ),
      'pre-user-registration',
    );
    expect(code).toContain('  try {\n    const plan = await fetchPlan();\n');
    expect(code).toContain('} catch (error) {\n    throw error;\n  }\n};');
  });

  it('turns a concise arrow .then into await', () => {
    const { code } = port(userHook('ping().then(() => cb());'), 'post-user-registration');
    expect(code).toContain('  await ping();\n  { return; };\n');
  });

  it('keeps a chain whose callback answers an error before a catch (the catch would see it) in a promise', () => {
    const { code } = port(
      userHook(
        'go().then(function (r) {',
        '  cb(new Error("x"));',
        '}).catch(function (e) {',
        '  cb(null);',
        '});',
      ),
      'post-user-registration',
    );
    expect(code).toContain('.then(function (r) {');
    expect(code).toContain('await new Promise((resolve, reject) => {');
  });

  it('wraps the body in await new Promise when cb is called from a nested callback: resolve / reject', () => {
    const { code, notes } = port(
      userHook(
        'request(user.email, function (error, body) {',
        '  if (error) return cb(error);',
        '  cb(null, { user: { app_metadata: { body: body } } });',
        '});',
      ),
      'pre-user-registration',
    );
    expect(code).toBe(
      [
        'exports.onExecutePreUserRegistration = async (event, api) => {',
        '  await new Promise((resolve, reject) => {',
        '  request(event.user.email, function (error, body) {',
        '    if (error) return reject(error);',
        "    api.user.setAppMetadata('body', body);",
        '    return resolve();',
        '  });',
        '  });',
        '};',
        '',
      ].join('\n'),
    );
    expect(notes).toEqual([]);
  });

  it('denies then resolves inside the promise', () => {
    const { code } = port(
      userHook("setTimeout(function () { cb(new PreUserRegistrationError('log', 'msg')); }, 10);"),
      'pre-user-registration',
    );
    expect(code).toContain(
      "setTimeout(function () { api.access.deny('log', 'msg');\n  return resolve(); }, 10);",
    );
  });

  it('runs an async hook’s body in an async function inside the promise, rejecting on failure', () => {
    const hook =
      'module.exports = async function (user, context, cb) {\n  await x();\n  setTimeout(function () { cb(); });\n};';
    const { code } = port(hook, 'post-change-password');
    expect(code).toContain(
      'await new Promise((resolve, reject) => {\n  (async () => {\n  await x();',
    );
    expect(code).toContain('  })().catch(reject);\n  });\n};');
  });

  it('flags cb handed on as a value, and cb called inside an expression', () => {
    const result = port(
      userHook('save(user, cb);', 'ok ? cb() : fail();'),
      'post-user-registration',
    );
    expect(constructs(result)).toEqual(['user', 'cb', 'cb()']);
    expect(result.code).toContain('save(event.user, cb);');
  });

  it('flags statements after cb: the hook went on, the Action returns', () => {
    const result = port(userHook('cb();', 'console.log("after");'), 'post-user-registration');
    expect(result.code).toContain(
      '  // TODO(port): The hook went on after cb(); the Action returns here',
    );
    expect(constructs(result)).toEqual(['cb()']);
  });

  it('notes a hook that never calls cb', () => {
    const result = port(userHook('console.log(1);'), 'post-user-registration');
    expect(result.notes).toEqual([
      expect.objectContaining({ line: 1, hookLine: 1, construct: 'cb' }),
    ]);
  });
});
