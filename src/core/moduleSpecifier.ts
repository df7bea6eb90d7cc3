// The rule for `require('name@1.2.3')`, in a module of its own so the UI can use it without
// loading the require machinery (which brings in the Node core ports).

export interface ModuleSpecifier {
  /** The module name without a version, e.g. "lodash" or "@scope/pkg". */
  name: string;
  /** The pinned version, e.g. "4.17.21", if the specifier had one. */
  version?: string;
  /** The specifier exactly as the hook wrote it. */
  specifier: string;
}

/** Splits a specifier into the module name and the pinned version, if any. */
export function parseSpecifier(specifier: string): ModuleSpecifier {
  const scoped = specifier.startsWith('@');
  const at = specifier.indexOf('@', scoped ? 1 : 0);
  if (at <= 0) return { name: specifier, specifier };
  return { name: specifier.slice(0, at), version: specifier.slice(at + 1), specifier };
}
