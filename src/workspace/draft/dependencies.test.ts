import { describe, expect, it } from 'vitest';
import {
  exportedDependencies,
  hookDependencies,
  mergeDependencies,
  scanRequires,
} from './dependencies';

describe('hookDependencies', () => {
  it('lists literal requires with their pinned version or latest, without core modules', () => {
    const code = [
      "const axios = require('axios@1.6.0');",
      'const lodash = require("lodash");',
      "const crypto = require('crypto');",
      "const fs = require('node:fs');",
      "const sdk = require('@scope/sdk@2.0.0');",
      'const t = require(`twilio`);',
      "// const gone = require('commented-out');",
      "/* require('also-gone') */",
      'const dynamic = require(name);',
    ].join('\n');
    expect(hookDependencies(code)).toEqual({
      axios: '1.6.0',
      lodash: 'latest',
      '@scope/sdk': '2.0.0',
      twilio: 'latest',
    });
  });

  it("merges the last run's requires; a pinned version beats latest", () => {
    expect(
      hookDependencies("var u = 'https://x.test//y'; require('request'); require('b') // c", [
        { name: 'request', version: '2.88.0', kind: 'client' },
        { name: 'stripe', kind: 'auto-mock' },
        { name: 'util', kind: 'builtin' },
      ]),
    ).toEqual({ request: '2.88.0', b: 'latest', stripe: 'latest' });
  });

  it('finds nothing in code without requires', () => {
    expect(scanRequires('module.exports = function (u, c, cb) { cb(); };')).toEqual([]);
    expect(hookDependencies('')).toEqual({});
  });
});

describe('mergeDependencies and exportedDependencies', () => {
  it('pins unpinned requires with declared versions and keeps declared-only modules', () => {
    expect(
      mergeDependencies(
        { axios: 'latest', lodash: '4.17.21' },
        { axios: '1.6.8', bcrypt: '3.0.6', lodash: '1' },
      ),
    ).toEqual({
      axios: { version: '1.6.8', source: 'both' },
      lodash: { version: '4.17.21', source: 'both' },
      bcrypt: { version: '3.0.6', source: 'declared' },
    });
  });

  it('gives an export what the code requires, pinned by the declared versions', () => {
    const code =
      "const axios = require('axios'); const crypto = require('crypto'); require('uuid@9.0.0');";
    expect(exportedDependencies(code, { axios: '1.6.8', bcrypt: '3.0.6' })).toEqual({
      axios: '1.6.8',
      uuid: '9.0.0',
      bcrypt: '3.0.6',
    });
  });
});
