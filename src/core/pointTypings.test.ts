import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import { points, getPoint } from './points';
import { pointTypings } from './pointTypings';
import type { PointId } from './schemas';

// The editor checks a hook as TypeScript against these declarations; so does this test,
// with the same TypeScript the editor's worker bundles.

const PRELUDE =
  'declare class ExtensibilityUserError extends Error { constructor(message?: string); }';
const HOOK = '/hook.ts';

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
    '/prelude.d.ts': PRELUDE,
    '/point.d.ts': pointTypings(pointId, secretNames),
    [HOOK]: code,
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

/** The completion names after `marker`'s last occurrence in the hook. */
function completionsAfter(pointId: PointId, code: string, marker: string, secrets: string[] = []) {
  const position = code.lastIndexOf(marker) + marker.length;
  const completions = service(pointId, secrets, code).getCompletionsAtPosition(HOOK, position, {});
  return completions?.entries.map((entry) => entry.name) ?? [];
}

/** The starter code with `line` in place of the body's final callback call. */
function starterWith(pointId: PointId, line: string): string {
  const starter = getPoint(pointId).starterCode;
  const at = starter.lastIndexOf('  cb(');
  return `${starter.slice(0, at)}  ${line}\n${starter.slice(at)}`;
}

// A TypeScript program per test (the lib's declarations shared): slow on a busy machine.
describe('pointTypings', { timeout: 30_000 }, () => {
  it.each(points.map((point) => point.id))('declares %s without a type error', (pointId) => {
    const ls = service(pointId, ['API_KEY', 'my-secret'], getPoint(pointId).starterCode);
    const program = ls.getProgram();
    const declarations = program?.getSourceFile('/point.d.ts');
    expect(declarations).toBeDefined();
    const problems = [
      ...(program?.getSyntacticDiagnostics(declarations) ?? []),
      ...(program?.getSemanticDiagnostics(declarations) ?? []),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it("types the user of the point's function, whatever its JSDoc says", () => {
    const names = completionsAfter(
      'pre-user-registration',
      starterWith('pre-user-registration', 'user.'),
      'user.',
    );
    expect(names).toEqual(expect.arrayContaining(['user_metadata', 'app_metadata', 'email']));
    expect(names).toContain('emailVerified');
  });

  it('types an async function export too', () => {
    const code = 'module.exports = async function (user, context, cb) {\n  user.\n};';
    expect(completionsAfter('post-user-registration', code, 'user.')).toContain('user_metadata');
  });

  it('lists the secret names given under context.webtask.secrets', () => {
    const code = starterWith('pre-user-registration', 'context.webtask.secrets.');
    expect(completionsAfter('pre-user-registration', code, 'secrets.', ['API_KEY'])).toEqual(
      expect.arrayContaining(['API_KEY']),
    );
    expect(completionsAfter('pre-user-registration', code, 'secrets.', [])).not.toContain(
      'API_KEY',
    );
  });

  it("types each point's parameters by their names", () => {
    const exchange = starterWith('credentials-exchange', 'client.');
    expect(completionsAfter('credentials-exchange', exchange, 'client.')).toEqual(
      expect.arrayContaining(['id', 'name', 'tenant', 'metadata']),
    );
    const phone = starterWith('send-phone-message', 'context.');
    expect(completionsAfter('send-phone-message', phone, 'context.')).toEqual(
      expect.arrayContaining(['message_type', 'code', 'user', 'webtask']),
    );
  });

  it('gives the callback the signature of its answer', () => {
    const code = starterWith('credentials-exchange', 'cb(');
    const help = service('credentials-exchange', [], code).getSignatureHelpItems(
      HOOK,
      code.lastIndexOf('cb(') + 3,
      {},
    );
    const text = help?.items[0]?.parameters.map((p) => ts.displayPartsToString(p.displayParts));
    expect(text).toEqual(['error?: Error | null', 'answer?: HookAnswer']);
  });

  it("declares only the point's error classes", () => {
    const atExchange = completionsAfter(
      'credentials-exchange',
      starterWith('credentials-exchange', 'new '),
      'new ',
    );
    expect(atExchange).toEqual(expect.arrayContaining(['InvalidScopeError', 'ServerError']));
    expect(atExchange).not.toContain('PreUserRegistrationError');
    const atSignup = completionsAfter(
      'pre-user-registration',
      starterWith('pre-user-registration', 'new '),
      'new ',
    );
    expect(atSignup).toContain('PreUserRegistrationError');
    expect(atSignup).not.toContain('InvalidScopeError');
  });

  it("explains each field on hover with its schema's description", () => {
    const code = starterWith('pre-user-registration', 'user.emailVerified;');
    const info = service('pre-user-registration', [], code).getQuickInfoAtPosition(
      HOOK,
      code.lastIndexOf('emailVerified') + 2,
    );
    expect(ts.displayPartsToString(info?.displayParts)).toContain('emailVerified?: boolean');
    expect(ts.displayPartsToString(info?.documentation)).toBe('boolean — is the email verified?');
  });

  // The editor checks hooks as TypeScript: their JavaScript must not look broken there.
  it('reads every starter and example as TypeScript without a syntax error', () => {
    const hooks = [...points.map((p) => p.starterCode), ...examples.map((e) => e.code)];
    const broken = hooks.filter((code) => {
      const output = ts.transpileModule(code, { fileName: HOOK, reportDiagnostics: true });
      return (output.diagnostics ?? []).length > 0;
    });
    expect(broken).toEqual([]);
  });
});
