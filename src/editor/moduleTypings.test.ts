import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HOOK_GLOBALS_TYPINGS } from './hookGlobalsTypings';
import { MODULE_TYPINGS } from './moduleTypings';

function program(code: string) {
  const files: Record<string, string> = {
    '/globals.d.ts': HOOK_GLOBALS_TYPINGS,
    '/modules.d.ts': MODULE_TYPINGS,
    '/hook.ts': code,
  };
  const options = {
    target: ts.ScriptTarget.ESNext,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name]!, version) : getSourceFile(name, version);
  return ts.createProgram(Object.keys(files), options, host);
}

const messages = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

describe('module typings', { timeout: 30_000 }, () => {
  it('declare the provided modules without a type error', () => {
    const p = program('');
    expect(messages(ts.getPreEmitDiagnostics(p))).toEqual([]);
  });

  it('type what require returns for the provided modules, any for the others', () => {
    const p = program(
      [
        "const axios = require('axios');",
        "axios.get<{ id: string }>('https://x').then((r) => r.data.id.toUpperCase());",
        "require('node:crypto').createHash('sha256').update('x').digest('hex').toUpperCase();",
        "require('request').post({ url: 'https://x', json: {} }, (e, res) => res.statusCode);",
        "require('twilio')('sid', 'token').messages.create({});",
        "require('crypto').createVerify('RSA-SHA256').update('a.b').verify('pem', 'sig', 'base64') === true;",
        "require('crypto').createCipheriv('aes-256-gcm', new Uint8Array(32), new Uint8Array(12)).getAuthTag();",
        "require('path').join('a', 'b').toUpperCase();",
        "require('node:zlib').gzipSync('x').toString('base64');",
        "require('timers/promises').setTimeout(10, 'x').then((v) => v.toUpperCase());",
        "require('axios').nope();",
      ].join('\n'),
    );
    expect(messages(ts.getPreEmitDiagnostics(p))).toEqual([
      "Property 'nope' does not exist on type 'AxiosStatic'.",
    ]);
  });
});
