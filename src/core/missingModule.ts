import type { SerializedError } from './schemas';

/**
 * The module a run failed on because Hookpad does not have it (createRequire's not-found
 * error), or undefined. A module mock that breaks also names its module, but the module is
 * there: that is the mock's error, not a missing module.
 */
export function missingModuleOf(error: SerializedError): string | undefined {
  const name = error.props?.hookpadModule;
  if (typeof name !== 'string' || name === '') return undefined;
  return error.props?.code === 'MODULE_NOT_FOUND' ? name : undefined;
}

export const missingModuleHeadline = (name: string): string =>
  `Module '${name}' is not available in Hookpad`;
