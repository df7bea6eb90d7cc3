/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy require() is the point of this file */
// The real axios, loaded when a hook first requires it (a bundler keeps this require where
// it is; see node/loadPorts.cjs). Its self-contained browser build, in the worker and in
// Node alike: Hookpad replaces the adapter, so only axios' own logic runs.
module.exports = () => require('axios/dist/browser/axios.cjs');
