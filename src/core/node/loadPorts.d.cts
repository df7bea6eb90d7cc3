// Loaders of the untyped npm ports (see loadPorts.cjs); each returns the module's exports.
declare const loadPorts: Record<
  | 'assert'
  | 'events'
  | 'querystring'
  | 'url'
  | 'util'
  | 'path'
  | 'punycode'
  | 'stringDecoder'
  | 'stream'
  | 'fflate'
  | 'forge',
  () => unknown
>;
export = loadPorts;
