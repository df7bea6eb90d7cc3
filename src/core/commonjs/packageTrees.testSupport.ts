import type { PackageTree } from './packageTree';

/** A tree from `path → text`, the shape hand-made test trees are easiest to write in. */
export function treeOf(files: Record<string, string>): PackageTree {
  return { files: Object.entries(files).map(([path, text]) => ({ path, text })) };
}

export const manifest = (fields: Record<string, unknown>): string => JSON.stringify(fields);

/**
 * A tiny package shaped like real ones (a JWT helper): conditional `exports` with an ESM
 * build beside the CommonJS one, an exported subpath, a JSON file, `crypto` from Node, and
 * a dependency (`ms`) whose nested copy shadows the hoisted one the hook itself pins; plus a
 * scoped package with `exports` patterns.
 */
export function realisticTree(): PackageTree {
  return treeOf({
    'node_modules/tiny-jwt/package.json': manifest({
      name: 'tiny-jwt',
      version: '9.0.2',
      main: './index.js',
      exports: {
        '.': { import: './esm/index.mjs', require: './index.js' },
        './decode': './lib/decode.js',
        './package.json': './package.json',
      },
      dependencies: { ms: '^2.1.0' },
    }),
    'node_modules/tiny-jwt/index.js': [
      "'use strict';",
      "const decode = require('./lib/decode');",
      "const sign = require('./lib/sign');",
      "module.exports = { decode, sign, version: require('./package.json').version };",
    ].join('\n'),
    'node_modules/tiny-jwt/esm/index.mjs': "export * from '../lib/decode.js';",
    'node_modules/tiny-jwt/lib/decode.js': [
      "const { Buffer } = require('buffer');",
      'module.exports = function decode(token) {',
      "  const part = String(token).split('.')[1];",
      "  return JSON.parse(Buffer.from(part, 'base64').toString('utf8'));",
      '};',
    ].join('\n'),
    'node_modules/tiny-jwt/lib/sign.js': [
      "const crypto = require('crypto');",
      "const ms = require('ms');",
      "const defaults = require('./defaults.json');",
      // As jws does: base64, then the URL-safe alphabet.
      "const toUrl = (base64) => base64.replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');",
      "const encode = (value) => toUrl(Buffer.from(JSON.stringify(value)).toString('base64'));",
      'module.exports = function sign(payload, secret, options = {}) {',
      '  const expiresIn = options.expiresIn ?? defaults.expiresIn;',
      '  const body = { ...payload, exp: 1000 + Math.floor(ms(expiresIn) / 1000), msVersion: ms.version };',
      "  const head = encode({ alg: 'HS256', typ: 'JWT' }) + '.' + encode(body);",
      "  return head + '.' + toUrl(crypto.createHmac('sha256', secret).update(head).digest('base64'));",
      '};',
    ].join('\n'),
    'node_modules/tiny-jwt/lib/defaults.json': '{ "expiresIn": "1h" }',
    'node_modules/tiny-jwt/node_modules/ms/package.json': manifest({
      name: 'ms',
      version: '2.1.3',
    }),
    'node_modules/tiny-jwt/node_modules/ms/index.js': [
      'const units = { s: 1000, m: 60000, h: 3600000, d: 86400000 };',
      'function ms(text) {',
      '  const match = /^(\\d+)([smhd])$/.exec(text);',
      '  if (!match) throw new Error("ms: cannot parse " + text);',
      '  return Number(match[1]) * units[match[2]];',
      '}',
      "ms.version = '2.1.3';",
      'module.exports = ms;',
    ].join('\n'),
    'node_modules/ms/package.json': manifest({ name: 'ms', version: '0.7.1' }),
    'node_modules/ms/index.js':
      "module.exports = function ms() { return 0; };\nmodule.exports.version = '0.7.1';",
    'node_modules/@acme/claims/package.json': manifest({
      name: '@acme/claims',
      version: '1.4.0',
      exports: {
        '.': { node: './dist/node.js', default: './dist/browser.js' },
        './rules/*': './dist/rules/*.js',
        './rules/internal/*': null,
      },
    }),
    'node_modules/@acme/claims/dist/node.js': "exports.platform = 'node';",
    'node_modules/@acme/claims/dist/browser.js': "exports.platform = 'browser';",
    'node_modules/@acme/claims/dist/rules/email.js':
      "module.exports = (user) => typeof user.email === 'string' && user.email.includes('@');",
    'node_modules/@acme/claims/dist/rules/internal/secret.js': 'module.exports = 42;',
  });
}
