/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy require() is the point of this file */
// CommonJS on purpose: a bundler keeps each `require()` where it is written, so a port is
// evaluated only when a hook first requires it. ES imports would evaluate all of them when
// the sandbox worker starts (≈ 70 ms of its cold start, measured in Chromium).
// The trailing slash picks the npm port, not Node's built-in of the same name (in Vitest).
// In the sandbox worker the largest (assert, url, readable-stream, fflate, node-forge) are not even
// in its script: their specifiers are late modules (scripts/sandboxBundles.mjs).
module.exports = {
  assert: () => require('assert/'),
  events: () => require('events/'),
  querystring: () => require('querystring-es3'),
  url: () => require('url/'),
  util: () => require('util/'),
  path: () => require('path-browserify'),
  // The CommonJS file: a bundler would pick the package's ES build, which lacks `ucs2` and `version`.
  punycode: () => require('punycode/punycode.js'),
  stringDecoder: () => require('string_decoder/'),
  stream: () => require('readable-stream'),
  fflate: () => require('fflate'),
  // RSA keys and signatures, AES: only the parts of node-forge crypto needs.
  forge: () => {
    require('node-forge/lib/rsa');
    require('node-forge/lib/aes');
    return require('node-forge/lib/forge');
  },
};
