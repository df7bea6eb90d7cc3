/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy require() is the point of this file */
// acorn, loaded when a syntax error is first located (a bundler keeps this require where it
// is; see node/loadPorts.cjs): the sandbox worker compiles it only then.
module.exports = () => require('acorn');
