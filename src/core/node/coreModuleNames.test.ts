import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from './builtinModules';
import { NODE_CORE_MODULES, coreModuleName } from './coreModuleNames';

describe('coreModuleName', () => {
  it('names the core module of a specifier, with or without node:, subpaths kept', () => {
    expect(coreModuleName('fs')).toBe('fs');
    expect(coreModuleName('node:fs')).toBe('fs');
    expect(coreModuleName('fs/promises')).toBe('fs/promises');
    expect(coreModuleName('node:stream/promises')).toBe('stream/promises');
    // One Hookpad lacks is still a core module (requiring it says so by name).
    expect(coreModuleName('worker_threads')).toBe('worker_threads');
  });

  it('leaves npm packages alone, even those named like a core module’s subpath', () => {
    expect(coreModuleName('lodash')).toBeUndefined();
    expect(coreModuleName('@auth0/fs')).toBeUndefined();
    expect(coreModuleName('fsevents')).toBeUndefined();
  });

  it('lists every module Hookpad provides among Node’s core modules', () => {
    const roots = BUILTIN_MODULES.map((name) => name.split('/')[0]);
    expect(roots.filter((root) => !NODE_CORE_MODULES.includes(root!))).toEqual([]);
  });
});
