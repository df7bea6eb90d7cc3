import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ACTION_EXPORTS_GLOBAL, actionTypings } from './actionTypings';
import { actionTriggers, getActionTrigger } from './actionTriggers';
import { pointTypings } from '../pointTypings';
import type { PointId } from '../schemas';

// The editor checks an Action as TypeScript against these declarations; so does this test,
// with the hook's declarations of the same point loaded beside them (one language service).

const PRELUDE =
  'declare class ExtensibilityUserError extends Error { constructor(message?: string); }';
const ACTION = '/action.ts';

/**
 * One registry for the file's language services: TypeScript's lib declarations are parsed
 * once, not once per test. A file's version is its text, so a changed file is parsed again.
 */
const registry = ts.createDocumentRegistry();
const libTexts = new Map<string, string | undefined>();
const libText = (name: string) => {
  if (!libTexts.has(name)) libTexts.set(name, ts.sys.readFile(name));
  return libTexts.get(name);
};

function service(pointId: PointId, secretNames: string[], code: string) {
  const files: Record<string, string> = {
    '/globals.d.ts': `${PRELUDE}\n${ACTION_EXPORTS_GLOBAL}`,
    '/point.d.ts': pointTypings(pointId, secretNames),
    '/action.d.ts': actionTypings(pointId, secretNames),
    [ACTION]: code,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: (name) => files[name] ?? '1',
    getScriptSnapshot: (name) => {
      const text = files[name] ?? libText(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => ({ target: ts.ScriptTarget.ESNext, lib: ['lib.es2022.d.ts'] }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name in files || ts.sys.fileExists(name),
    readFile: (name) => files[name] ?? libText(name),
  };
  return ts.createLanguageService(host, registry);
}

function problems(pointId: PointId, code: string, secrets: string[] = []): string[] {
  const program = service(pointId, secrets, code).getProgram();
  return ['/globals.d.ts', '/point.d.ts', '/action.d.ts', ACTION].flatMap((name) => {
    const file = program?.getSourceFile(name);
    return [
      ...(program?.getSyntacticDiagnostics(file) ?? []),
      ...(program?.getSemanticDiagnostics(file) ?? []),
    ].map((d) => `${name}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

/** The trigger's starter with `line` as the handler's body. */
function handler(pointId: PointId, line: string): string {
  return `exports.${getActionTrigger(pointId).exportName} = async (event, api) => {\n  ${line}\n};\n`;
}

function completionsAfter(pointId: PointId, code: string, marker: string, secrets: string[] = []) {
  const position = code.lastIndexOf(marker) + marker.length;
  const completions = service(pointId, secrets, code).getCompletionsAtPosition(
    ACTION,
    position,
    {},
  );
  return completions?.entries.map((entry) => entry.name) ?? [];
}

// A TypeScript program per test (the lib's declarations shared): slow on a busy machine.
describe('actionTypings', { timeout: 30_000 }, () => {
  it.each(actionTriggers.map((t) => t.id))(
    '%s: the starter checks clean beside the hook’s declarations',
    (pointId) => {
      expect(problems(pointId, getActionTrigger(pointId).starterCode, ['API_KEY'])).toEqual([]);
    },
  );

  it('types the handler’s api per trigger: documented methods only', () => {
    const pre = 'pre-user-registration';
    expect(completionsAfter(pre, handler(pre, 'api.'), 'api.')).toEqual(
      expect.arrayContaining(['access', 'user', 'validation', 'cache']),
    );
    expect(completionsAfter(pre, handler(pre, 'api.user.'), 'api.user.')).toEqual(
      expect.arrayContaining(['setUserMetadata', 'setAppMetadata']),
    );
    expect(problems(pre, handler(pre, "api.user.setUserMetadata('plan', 'gold');"))).toEqual([]);
    expect(problems(pre, handler(pre, "api.accessToken.setCustomClaim('x', 1);"))).toEqual([
      `${ACTION}: Property 'accessToken' does not exist on type 'PreUserRegistrationAPI'.`,
    ]);
    const cce = 'credentials-exchange';
    expect(problems(cce, handler(cce, "api.access.deny('invalid_scope', 'no');"))).toEqual([]);
    expect(problems(cce, handler(cce, "api.access.deny('nope', 'no');"))).toHaveLength(1);
    expect(
      completionsAfter('send-phone-message', handler('send-phone-message', 'api.'), 'api.'),
    ).toEqual(['cache']);
  });

  it('types the event per trigger, with the hook’s secret names under event.secrets', () => {
    const phone = 'send-phone-message';
    expect(
      completionsAfter(phone, handler(phone, 'event.message_options.'), 'message_options.'),
    ).toEqual(expect.arrayContaining(['recipient', 'text', 'code', 'action', 'message_type']));
    const cce = 'credentials-exchange';
    expect(completionsAfter(cce, handler(cce, 'event.'), 'event.')).toEqual(
      expect.arrayContaining(['accessToken', 'client', 'resource_server', 'tenant', 'secrets']),
    );
    const post = 'post-user-registration';
    expect(completionsAfter(post, handler(post, 'event.user.'), 'user.')).toEqual(
      expect.arrayContaining(['user_id', 'email', 'user_metadata']),
    );
    const secrets = handler(post, 'event.secrets.');
    expect(completionsAfter(post, secrets, 'secrets.', ['API_KEY', 'my-secret'])).toContain(
      'API_KEY',
    );
    expect(completionsAfter(post, secrets, 'secrets.', [])).not.toContain('API_KEY');
  });

  it('a cache record is typed, and a wrong argument is an error', () => {
    const post = 'post-change-password';
    const code = handler(
      post,
      "const hit = api.cache.get('k'); const v: string | undefined = hit?.value;",
    );
    expect(problems(post, code)).toEqual([]);
    expect(problems(post, handler(post, "api.user.setUserMetadata('a', 1);"))).toHaveLength(1);
  });
});
