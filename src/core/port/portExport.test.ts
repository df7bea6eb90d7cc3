import { describe, expect, it } from 'vitest';
import { PointIdSchema } from '../schemas';
import { ACTION_EXPORTS, portHookToAction } from './portHookToAction';
import { constructs, port, userHook } from './portTestkit';

// Rule 1: the trigger's export, and the hook's arguments as fields of event. Rule 2: secrets.

describe('portHookToAction: the export', () => {
  it('turns module.exports = function (user, context, cb) into the trigger’s async export', () => {
    const { code, notes } = port(
      userHook('console.log(user.email);', 'cb();'),
      'pre-user-registration',
    );
    expect(code).toBe(
      'exports.onExecutePreUserRegistration = async (event, api) => {\n  console.log(event.user.email);\n  return;\n};\n',
    );
    expect(notes).toEqual([]);
  });

  it('names the export after each trigger', () => {
    for (const point of PointIdSchema.options) {
      const hook = `module.exports = function () { cb(); };`;
      expect(port(hook, point).code).toContain(
        `exports.${ACTION_EXPORTS[point]} = async (event, api) =>`,
      );
    }
    expect(ACTION_EXPORTS['credentials-exchange']).toBe('onExecuteCredentialsExchange');
    expect(ACTION_EXPORTS['send-phone-message']).toBe('onExecuteSendPhoneMessage');
  });

  it('ports async functions and arrow functions alike', () => {
    const asyncHook = 'module.exports = async function (user, context, cb) {\n  cb();\n};';
    expect(port(asyncHook, 'post-change-password').code).toBe(
      'exports.onExecutePostChangePassword = async (event, api) => {\n  return;\n};',
    );
    const arrow = 'module.exports = (user, context, cb) => {\n  cb(null, user.id);\n};';
    expect(port(arrow, 'post-change-password').code).toContain(
      'async (event, api) => {\n  return;\n}',
    );
    const concise = 'module.exports = (user, context, cb) => cb();';
    expect(port(concise, 'post-change-password').code).toBe(
      'exports.onExecutePostChangePassword = async (event, api) => { return; };',
    );
  });

  it('ports module.exports = name of a declared function', () => {
    const hook =
      'function hook(user, context, cb) {\n  cb(null, { user: { app_metadata: { a: user.email } } });\n}\nmodule.exports = hook;\n';
    expect(port(hook, 'pre-user-registration').code).toBe(
      "async function hook(event, api) {\n  api.user.setAppMetadata('a', event.user.email);\n  return;\n}\nexports.onExecutePreUserRegistration = hook;\n",
    );
  });

  it('keeps a hook without module.exports under a leading note', () => {
    const result = port('exports.handler = function () {};\n', 'post-change-password');
    expect(result.code).toBe(
      `// TODO(port): ${result.notes[0]?.message}\nexports.handler = function () {};\n`,
    );
    expect(constructs(result)).toEqual(['module.exports']);
  });

  it('keeps unparseable code unchanged under a leading note instead of throwing', () => {
    const broken = 'module.exports = function (user, context, cb) {\n  cb(null, {;\n};\n';
    const ported = portHookToAction(broken, 'pre-user-registration');
    expect(ported.code.endsWith(broken)).toBe(true);
    expect(ported.code.startsWith('// TODO(port): The hook does not parse')).toBe(true);
    expect(ported.notes).toEqual([
      expect.objectContaining({ line: 1, hookLine: 2, construct: 'syntax error' }),
    ]);
  });
});

describe('portHookToAction: hook arguments become event fields', () => {
  it('maps the user points’ user and context fields', () => {
    const { code, notes } = port(
      userHook(
        'log(user.email, user.emailVerified, user.tenant, user.app_metadata.plan);',
        'log(context.connection.name, context.connection.tenant, context.request.ip);',
        "log(context.clientID, context.client_id, context.requestLanguage, context['connection'].id);",
        'cb();',
      ),
      'pre-user-registration',
    );
    expect(code).toContain(
      'log(event.user.email, event.user.email_verified, event.tenant.id, event.user.app_metadata.plan);',
    );
    expect(code).toContain('log(event.connection.name, event.tenant.id, event.request.ip);');
    expect(code).toContain(
      'log(event.client.client_id, event.client.client_id, event.request.language, event.connection.id);',
    );
    expect(notes).toEqual([]);
  });

  it('maps credentials-exchange client, scope and audience', () => {
    const hook =
      'module.exports = function (client, scope, audience, context, cb) {\n  log(client.id, client.name, client.metadata.plan, client.tenant, scope.length, audience);\n  cb(null, { scope: scope });\n};';
    const { code, notes } = port(hook, 'credentials-exchange');
    expect(code).toContain(
      'log(event.client.client_id, event.client.name, event.client.metadata.plan, event.tenant.id, event.accessToken.scope.length, event.resource_server.identifier);',
    );
    expect(notes).toEqual([]);
  });

  it('maps send-phone-message recipient, text and context to message options', () => {
    const hook =
      'module.exports = function (recipient, text, context, cb) {\n  send(recipient, text, context.message_type, context.action, context.code, context.client.client_id);\n  cb(null, {});\n};';
    expect(port(hook, 'send-phone-message').code).toContain(
      'send(event.message_options.recipient, event.message_options.text, event.message_options.message_type, event.message_options.action, event.message_options.code, event.client.client_id);',
    );
  });

  it('follows the arguments by position, whatever the hook named them, and honours shadowing', () => {
    const hook =
      'module.exports = function (u, ctx, done) {\n  [1].forEach(function (u) { log(u); });\n  log(u.email, ctx.requestLanguage);\n  done();\n};';
    const { code } = port(hook, 'pre-user-registration');
    expect(code).toContain('[1].forEach(function (u) { log(u); });');
    expect(code).toContain('log(event.user.email, event.request.language);');
  });

  it('flags a field with no known event equivalent instead of guessing', () => {
    const { code, notes } = port(
      userHook('var p = user.password;', 'var f = user.favourite;', 'cb();'),
      'pre-user-registration',
    );
    expect(code).toContain('var p = user.password;');
    expect(code).toContain('var f = event.user.favourite;');
    expect(constructs({ code, notes, dependencies: {} })).toEqual([
      'user.password',
      'user.favourite',
    ]);
    expect(notes[0]).toMatchObject({ line: 2, hookLine: 2 });
    expect(notes[1]).toMatchObject({ line: 4, hookLine: 3 });
  });

  it('writes a shorthand property out when its value becomes an event field', () => {
    const hook =
      'module.exports = function (recipient, text, context, cb) {\n  send({ recipient, text });\n  cb();\n};';
    expect(port(hook, 'send-phone-message').code).toContain(
      'send({ recipient: event.message_options.recipient, text: event.message_options.text });',
    );
  });

  it("turns context.webtask.secrets.X and ['X'] into event.secrets", () => {
    const { code, notes } = port(
      userHook(
        "var a = context.webtask.secrets.API_KEY, b = context.webtask.secrets['OTHER'];",
        'cb();',
      ),
      'post-user-registration',
    );
    expect(code).toContain("var a = event.secrets.API_KEY, b = event.secrets['OTHER'];");
    expect(notes).toEqual([]);
  });
});
