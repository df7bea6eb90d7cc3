// See loadAcorn.cjs: returns the acorn module.
declare const loadAcorn: () => typeof import('acorn');
export = loadAcorn;
