import type { SerializedError } from './schemas';
import type { PlatformView } from './platformView';

// The OAuth error `POST /oauth/token` answered when a credentials-exchange hook failed
// (docs/runtime-semantics.md §8.2). The docs give ServerError both 400 and 500; plain Error and
// ServerError "behave identically", so both are 500.

const BY_NAME: Record<string, { status: number; error: string }> = {
  InvalidScopeError: { status: 400, error: 'invalid_scope' },
  InvalidRequestError: { status: 400, error: 'invalid_request' },
};
const SERVER_ERROR = { status: 500, error: 'server_error' };

export function oauthErrorView(
  error: SerializedError,
): Extract<PlatformView, { kind: 'oauth-error' }> {
  const mapped =
    (Object.hasOwn(BY_NAME, error.name) ? BY_NAME[error.name] : undefined) ?? SERVER_ERROR;
  return {
    kind: 'oauth-error',
    status: mapped.status,
    body: { error: mapped.error, error_description: error.message },
  };
}
