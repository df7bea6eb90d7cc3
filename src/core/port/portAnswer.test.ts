import { describe, expect, it } from 'vitest';
import { constructs, port, userHook } from './portTestkit';
import { examples } from '../examples';

// Rule 3: the answer through cb becomes api calls; rule 4: the point's error classes become
// api.access.deny, other errors are thrown.

const exchangeHook = (...body: string[]) =>
  `module.exports = function (client, scope, audience, context, cb) {\n${body.map((line) => `  ${line}`).join('\n')}\n};\n`;

describe('portHookToAction: the answer through cb', () => {
  it('turns a literal pre-user-registration answer into setUserMetadata / setAppMetadata calls', () => {
    const { code } = port(
      userHook(
        "cb(null, { user: { user_metadata: { a: 1 }, app_metadata: { 'b': user.email } } });",
      ),
      'pre-user-registration',
    );
    expect(code).toContain(
      "  api.user.setUserMetadata('a', 1);\n  api.user.setAppMetadata('b', event.user.email);\n  return;\n",
    );
  });

  it('applies an answer built at run time with the generated applyHookResponse helper (the seed hook)', () => {
    const seed = examples.find((example) => example.id === 'pre-user-registration-add-metadata');
    const { code, notes } = port(seed?.code ?? '', 'pre-user-registration');
    expect(code).toContain('  applyHookResponse(api, response);\n  return;\n};');
    expect(code).toContain('function applyHookResponse(api, response) {');
    expect(notes).toEqual([]);
    const apply = new Function(
      'api',
      'response',
      `${code.slice(code.indexOf('function applyHookResponse'))}\napplyHookResponse(api, response);`,
    );
    const calls: unknown[][] = [];
    const api = {
      user: {
        setUserMetadata: (...args: unknown[]) => calls.push(['user', ...args]),
        setAppMetadata: (...args: unknown[]) => calls.push(['app', ...args]),
      },
    };
    apply(api, { user: { user_metadata: { foo: 'bar' }, app_metadata: { vip: true, score: 7 } } });
    expect(calls).toEqual([
      ['user', 'foo', 'bar'],
      ['app', 'vip', true],
      ['app', 'score', 7],
    ]);
  });

  it('turns cb(), cb(null) and cb(null, {}) into return', () => {
    const { code } = port(
      userHook('if (a) return cb();', 'if (b) cb(null);', 'cb(null, {});'),
      'pre-user-registration',
    );
    expect(code).toContain('if (a) return;\n  if (b) return;\n  return;\n};');
  });

  it('ignores the answer at the post points and send-phone-message: return', () => {
    expect(port(userHook('cb(null, user, context);'), 'post-user-registration').code).toContain(
      '{\n  return;\n}',
    );
    const phone =
      'module.exports = function (recipient, text, context, cb) {\n  cb(null, { sent: true });\n};';
    const { code, notes } = port(phone, 'send-phone-message');
    expect(code).toContain('{\n  return;\n}');
    expect(notes).toEqual([]);
  });

  it('turns namespaced claims on the answer variable into setCustomClaim, in place', () => {
    const { code, notes } = port(
      exchangeHook(
        'var access_token = {};',
        'access_token.scope = scope;',
        "access_token['https://x/y'] = client.name;",
        'cb(null, access_token);',
      ),
      'credentials-exchange',
    );
    expect(code).toContain(
      "  var access_token = {};\n  \n  api.accessToken.setCustomClaim('https://x/y', event.client.name);\n  return;\n",
    );
    expect(notes).toEqual([]);
  });

  it('flags a changed scope: Actions cannot replace it', () => {
    const { code, notes } = port(
      exchangeHook(
        "var token = { scope: scope.concat('extra') };",
        "token['https://x/n'] = 1;",
        'cb(null, token);',
      ),
      'credentials-exchange',
    );
    expect(constructs({ code, notes, dependencies: {} })).toEqual(['scope']);
    expect(notes[0]?.message).toMatch(/Actions cannot replace the token’s scope/);
    expect(code).toContain("api.accessToken.setCustomClaim('https://x/n', 1);");
  });

  it('turns a literal access token into claims, and any other into the applyHookAccessToken helper with a note', () => {
    const literal = port(
      exchangeHook("cb(null, { scope: scope, 'https://x/a': 1 });"),
      'credentials-exchange',
    );
    expect(literal.code).toContain(
      "  api.accessToken.setCustomClaim('https://x/a', 1);\n  return;\n",
    );
    expect(literal.notes).toEqual([]);
    const built = port(
      exchangeHook('var t = build();', 't.scope.push("x");', 'cb(null, t);'),
      'credentials-exchange',
    );
    expect(built.code).toContain('  applyHookAccessToken(api, t);\n  return;\n');
    expect(built.code).toContain('function applyHookAccessToken(api, accessToken) {');
    expect(constructs(built)).toEqual(['access token']);
  });
});

describe('portHookToAction: errors through cb', () => {
  it('turns PreUserRegistrationError into api.access.deny with the same messages', () => {
    const { code } = port(
      userHook("cb(new PreUserRegistrationError('log', 'user msg'));"),
      'pre-user-registration',
    );
    expect(code).toContain("  return api.access.deny('log', 'user msg');\n};");
  });

  it('turns the credentials-exchange error classes into api.access.deny with their OAuth codes', () => {
    const { code } = port(
      exchangeHook(
        "if (a) return cb(new InvalidScopeError('m1'));",
        "if (b) return cb(new InvalidRequestError('m2'));",
        "cb(new ServerError('m3'));",
      ),
      'credentials-exchange',
    );
    expect(code).toContain("if (a) return api.access.deny('invalid_scope', 'm1');");
    expect(code).toContain("if (b) return api.access.deny('invalid_request', 'm2');");
    expect(code).toContain("return api.access.deny('server_error', 'm3');");
  });

  it('throws any other error: an Action fails by throwing', () => {
    const { code } = port(
      userHook("if (a) return cb(new Error('boom'));", 'cb(err);'),
      'post-change-password',
    );
    expect(code).toContain("if (a) throw new Error('boom');\n  throw err;\n};");
  });

  it('checks an error that may be null before applying the answer', () => {
    const { code } = port(
      userHook('cb(err, { user: { app_metadata: { a: 1 } } });'),
      'pre-user-registration',
    );
    expect(code).toContain(
      "  if (err) throw err;\n  api.user.setAppMetadata('a', 1);\n  return;\n",
    );
  });

  it('flags an error class the trigger’s Action has no equivalent of and throws a plain Error', () => {
    const hook =
      "module.exports = function (recipient, text, context, cb) {\n  cb(new SendPhoneMessageError('log', 'user'));\n};";
    const { code, notes } = port(hook, 'send-phone-message');
    expect(code).toContain("  throw new Error('log');\n");
    expect(constructs({ code, notes, dependencies: {} })).toEqual(['SendPhoneMessageError']);
  });
});
