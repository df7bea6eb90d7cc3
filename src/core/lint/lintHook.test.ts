import { describe, expect, test } from 'vitest';
import { lintHook } from './lintHook';
import { NO_CB_ON_PATH } from './callbackRules';
import { JSON_PARSE_OF_CHUNK } from './dataChunkRule';
import { points } from '../points';
import { examples } from '../examples';

const user = (body: string) => `module.exports = function (user, context, cb) {\n${body}\n};`;
const messages = (code: string, point = 'pre-user-registration' as const) =>
  lintHook(code, point).map((hint) => hint.message);

describe('no false positives', () => {
  test.each(points.map((point) => [point.id, point] as const))('%s starter code', (id, point) => {
    expect(lintHook(point.starterCode, id)).toEqual([]);
  });

  // The one example that demonstrates a missing cb is meant to trigger the callback rule.
  const TRIGGERS: Record<string, string[]> = {
    'post-user-registration-async-no-cb': [
      '`cb` is never called: the hook never answers, so the platform waits until it times out',
    ],
  };
  test.each(examples.map((example) => [example.id, example] as const))(
    'example %s',
    (id, example) => {
      expect(lintHook(example.code, example.point).map((hint) => hint.message)).toEqual(
        TRIGGERS[id] ?? [],
      );
    },
  );

  test('unparseable code yields no hints and does not throw', () => {
    expect(
      lintHook('module.exports = function (user, context, cb) {', 'pre-user-registration'),
    ).toEqual([]);
    expect(lintHook('', 'credentials-exchange')).toEqual([]);
    expect(lintHook('module.exports = 42;', 'credentials-exchange')).toEqual([]);
  });
});

describe('cb not called', () => {
  test('a bare return before any cb call, with its range', () => {
    const code = user('  if (!user.email) {\n    return;\n  }\n  cb(null, {});');
    expect(lintHook(code, 'pre-user-registration')).toEqual([
      { line: 3, column: 5, endLine: 3, endColumn: 12, message: NO_CB_ON_PATH },
    ]);
  });

  test('returning something else than a cb call', () => {
    expect(messages(user("  if (!user.email) return console.log('no email');\n  cb();"))).toEqual([
      NO_CB_ON_PATH,
    ]);
  });

  test('returns after cb, of cb, or handing cb on are fine', () => {
    expect(messages(user('  if (!user.email) return cb();\n  cb(null, {});'))).toEqual([]);
    expect(messages(user('  cb();\n  return;'))).toEqual([]);
    expect(messages(user('  if (x) { cb(); return; }\n  cb();'))).toEqual([]);
    expect(
      messages(user('  context.webtask.storage.get(function () { cb(); });\n  return;')),
    ).toEqual([]);
    expect(
      messages(
        user('  if (x) return finish();\n  finish();\n  function finish() { cb(null, {}); }'),
      ),
    ).toEqual([]);
    expect(messages(user('  var done = cb;\n  if (x) return;\n  done();'))).toEqual([]);
  });

  test('declaring a helper that calls cb does not call it', () => {
    expect(messages(user('  function finish() { cb(); }\n  if (x) return;\n  finish();'))).toEqual([
      NO_CB_ON_PATH,
    ]);
  });

  test('returns in nested functions belong to them', () => {
    expect(messages(user('  [1].forEach(function () { return; });\n  cb();'))).toEqual([]);
  });

  test('returns inside try, switch and loops', () => {
    const code = user(
      '  try { if (a) return; } catch (e) { return; }\n  switch (a) { case 1: return; }\n  for (;;) { return; }\n  cb();',
    );
    expect(messages(code)).toEqual([NO_CB_ON_PATH, NO_CB_ON_PATH, NO_CB_ON_PATH, NO_CB_ON_PATH]);
  });

  test('a callback that is never referenced', () => {
    const code = 'module.exports = async (user, context, callback) => {\n  await 1;\n};';
    expect(lintHook(code, 'post-user-registration')).toEqual([
      {
        line: 1,
        column: 40,
        endLine: 1,
        endColumn: 48,
        message:
          '`callback` is never called: the hook never answers, so the platform waits until it times out',
      },
    ]);
    expect(messages('module.exports = (user, context, cb) => cb();')).toEqual([]);
    expect(messages(user('  arguments[2]();'))).toEqual([]);
  });

  test('the exported function is found through a name or a chained assignment', () => {
    const named = 'function hook(user, context, cb) {\n  return;\n}\nmodule.exports = hook;';
    expect(messages(named)).toEqual([
      '`cb` is never called: the hook never answers, so the platform waits until it times out',
    ]);
    const chained =
      'var hook = function (user, context, cb) { if (a) return; cb(); };\nexports = module.exports = hook;';
    expect(messages(chained)).toEqual([NO_CB_ON_PATH]);
  });

  test('a signature written for another point', () => {
    expect(
      messages(
        'module.exports = function (user, context, cb) { cb(); };',
        'credentials-exchange' as never,
      ),
    ).toEqual([
      'This point calls the hook with (client, scope, audience, context, cb): here `cb` receives `audience` and the callback is not a parameter',
    ]);
    const cce = 'module.exports = function (client, scope, audience, context, cb) { cb(); };';
    expect(messages(cce)).toEqual([
      'This point calls the hook with (user, context, cb): here the callback arrives as `audience` and `cb` is undefined',
    ]);
    expect(messages('module.exports = function () { arguments[2](); };')).toEqual([]);
  });
});

describe('unrendered placeholders', () => {
  test('${…} in a quoted string, %%…%%, ##…## and @@…@@', () => {
    const code = [
      "var SLACK = '${SLACK_WEBHOOK_URL}';",
      'var API = "https://%%API_HOST%%/v1";',
      "var KEY = '##API_KEY##';",
      "var TENANT = '@@TENANT@@';",
      user('  cb();'),
    ].join('\n');
    expect(lintHook(code, 'pre-user-registration')).toEqual([
      {
        line: 1,
        column: 14,
        endLine: 1,
        endColumn: 34,
        message:
          'Looks like an unrendered deploy-time placeholder: ${SLACK_WEBHOOK_URL} in a quoted string is not substituted (only template literals interpolate)',
      },
      {
        line: 2,
        column: 20,
        endLine: 2,
        endColumn: 32,
        message: 'Looks like an unrendered deploy-time placeholder: %%API_HOST%%',
      },
      {
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 23,
        message: 'Looks like an unrendered deploy-time placeholder: ##API_KEY##',
      },
      {
        line: 4,
        column: 15,
        endLine: 4,
        endColumn: 25,
        message: 'Looks like an unrendered deploy-time placeholder: @@TENANT@@',
      },
    ]);
  });

  test('template literals: ${…} is a substitution, %%…%% is still a placeholder', () => {
    expect(messages(user('  var a = `${user.email}`;\n  cb();'))).toEqual([]);
    expect(messages(user('  var a = `https://%%HOST%%/${user.id}`;\n  cb();'))).toEqual([
      'Looks like an unrendered deploy-time placeholder: %%HOST%%',
    ]);
  });

  test('ordinary strings, comments and regexes are fine', () => {
    const code = user(
      "  // '${NOT_A_STRING}' in a comment\n  var s = '100% done, ## heading, a@@b, $ {x}, ${';\n  var r = /%%X%%/;\n  cb();",
    );
    expect(messages(code)).toEqual([]);
  });
});

describe('error classes of other points', () => {
  test('PostUserRegistrationError does not exist anywhere', () => {
    const code = user("  cb(new PostUserRegistrationError('x'));");
    expect(lintHook(code, 'post-user-registration')).toEqual([
      {
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 35,
        message:
          'PostUserRegistrationError does not exist at this extensibility point; the platform throws a ReferenceError (available here: ExtensibilityUserError, PreUserRegistrationError)',
      },
    ]);
  });

  test('a class of another point', () => {
    expect(messages(user("  cb(new InvalidScopeError('x'));"))).toEqual([
      'InvalidScopeError does not exist at this extensibility point; the platform throws a ReferenceError (available here: ExtensibilityUserError, PreUserRegistrationError)',
    ]);
    const spm =
      "module.exports = function (r, t, context, cb) { cb(new PreUserRegistrationError('x')); };";
    expect(lintHook(spm, 'send-phone-message').map((hint) => hint.message)).toEqual([
      'PreUserRegistrationError does not exist at this extensibility point; the platform throws a ReferenceError (available here: ExtensibilityUserError, SendPhoneMessageError)',
    ]);
  });

  test('the point’s own classes, declared names, properties and typeof are fine', () => {
    expect(messages(user("  cb(new PreUserRegistrationError('x', 'y'));"))).toEqual([]);
    const cce =
      "module.exports = function (client, scope, audience, context, cb) { cb(new ServerError('x')); };";
    expect(lintHook(cce, 'credentials-exchange')).toEqual([]);
    expect(
      messages('var InvalidScopeError = Error;\n' + user("  cb(new InvalidScopeError('x'));")),
    ).toEqual([]);
    expect(
      messages(user('  var e = { InvalidScopeError: 1 }; e.ServerError = 2;\n  cb();')),
    ).toEqual([]);
    expect(
      messages(user("  if (typeof SendPhoneMessageError === 'function') {}\n  cb();")),
    ).toEqual([]);
  });
});

describe("JSON.parse of one 'data' chunk", () => {
  test('flags JSON.parse of the chunk in an on/once data handler, with its range', () => {
    const code = user(
      "  require('https').get(url, (res) => {\n    res.on('data', (d) => { cb(null, JSON.parse(d)); });\n  });",
    );
    expect(lintHook(code, 'pre-user-registration')).toEqual([
      { line: 3, column: 38, endLine: 3, endColumn: 48, message: JSON_PARSE_OF_CHUNK },
    ]);
    expect(
      messages(
        user(
          "  res.once('data', function (chunk) { var j = JSON.parse(chunk.toString()); cb(); });",
        ),
      ),
    ).toEqual([JSON_PARSE_OF_CHUNK]);
    expect(JSON_PARSE_OF_CHUNK).toBe(
      "JSON.parse of one 'data' chunk: a larger answer arrives in several chunks; collect them and parse on 'end'",
    );
  });

  test("collecting chunks, parsing on 'end', or parsing something else is fine", () => {
    const collect = user(
      "  let body = '';\n  res.on('data', (d) => { body += d; });\n  res.on('end', () => cb(null, JSON.parse(body)));",
    );
    expect(messages(collect)).toEqual([]);
    expect(
      messages(user("  res.on('data', (d) => { seen.push(JSON.parse(config)); });\n  cb();")),
    ).toEqual([]);
    expect(messages(user("  emitter.on('message', (d) => cb(null, JSON.parse(d)));"))).toEqual([]);
  });
});
