import { atLeast, parseVersion, versionText, type Version } from './clientVersion';

// What differs between axios versions that a hook sees (from axios' own source, by tag); the
// library Hookpad runs is the one it bundles (1.x), adjusted to the required version:
// - User-Agent `axios/<version>` (every version sets it from its own package version);
// - before 0.27.0: a status error is a plain `Error` (name 'Error') without a `code`;
// - before 1.7.5: no `error.status` (toJSON's status is response.status or null);
// - before 1.0.0: `response.headers` is a plain object, not AxiosHeaders.
// docs/runtime-semantics.md §12.

/* eslint-disable @typescript-eslint/no-explicit-any -- axios is untyped here, as in createAxios */
type Loose = any;

export interface AxiosFlavour {
  /** The version the User-Agent names; undefined: the bundled library's own. */
  version: string | undefined;
  response(response: Loose): Loose;
  error(error: Loose): Loose;
}

const STATUS_ERRORS = new Set(['ERR_BAD_REQUEST', 'ERR_BAD_RESPONSE']);

export function axiosFlavour(pinned: string | undefined): AxiosFlavour {
  const version = parseVersion(pinned);
  const before = (floor: Version) => version !== undefined && !atLeast(version, floor);
  const plainHeaders = before([1, 0, 0]);
  const noStatus = before([1, 7, 5]);
  const legacyErrors = before([0, 27, 0]);

  function response(value: Loose): Loose {
    if (plainHeaders && value?.headers && typeof value.headers.toJSON === 'function') {
      value.headers = { ...value.headers.toJSON() };
    }
    return value;
  }

  function error(value: Loose): Loose {
    if (!value || typeof value !== 'object' || value.isAxiosError !== true) return value;
    if (value.response) response(value.response);
    if (legacyErrors && STATUS_ERRORS.has(value.code)) {
      value.name = 'Error';
      delete value.code;
    }
    if (noStatus) {
      delete value.status;
      const own = Object.getPrototypeOf(value).toJSON as
        (() => Record<string, unknown>) | undefined;
      Object.defineProperty(value, 'toJSON', {
        configurable: true,
        writable: true,
        enumerable: false,
        value(this: Loose) {
          const json = own ? own.call(this) : {};
          return { ...json, status: this.response?.status ? this.response.status : null };
        },
      });
    }
    return value;
  }

  return { version: version ? versionText(version) : undefined, response, error };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
