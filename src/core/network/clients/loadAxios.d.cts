// See loadAxios.cjs: returns the axios module (its default export, a callable instance).
declare const loadAxios: () => unknown;
export = loadAxios;
