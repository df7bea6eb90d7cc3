/**
 * The workspace's IndexedDB layout: one object store holding one record per hook, the
 * per-browser settings and the layout's version.
 */
export const STORE_NAME = 'workspace';
export const META_KEY = 'meta';
export const SETTINGS_KEY = 'settings';
export const HOOK_KEY_PREFIX = 'hook:';

export const hookKey = (id: string): string => `${HOOK_KEY_PREFIX}${id}`;
