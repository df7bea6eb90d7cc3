// The errors stored packages fail with. Each names the package (`name@version`) and, where a
// file is involved, its path in the tree, and carries Node's error code where Node has one.

export type PackageErrorCode =
  | 'MODULE_NOT_FOUND'
  | 'ERR_PACKAGE_PATH_NOT_EXPORTED'
  | 'ERR_INVALID_PACKAGE_TARGET'
  | 'ERR_INVALID_PACKAGE_CONFIG'
  | 'ERR_REQUIRE_ESM'
  | 'ERR_PACKAGE_LOAD';

// Errors made here pass unchanged through the requires that led to them: a failure three
// packages deep is reported once, by the package where it happened.
const ours = new WeakSet<object>();

export function packageError(code: PackageErrorCode, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  (error as Error & { code: string }).code = code;
  ours.add(error);
  return error;
}

export function isPackageError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ours.has(error);
}

/** `TypeError: boom` for what a package threw; a hostile value cannot make this throw. */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'a value that cannot be printed';
  }
}
