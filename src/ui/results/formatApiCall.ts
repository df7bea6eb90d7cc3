import type { ApiCall } from '../../core/actions/actionSchemas';

/** A recorded api call as it would be written: `api.user.setUserMetadata("plan", "gold")`. */
export function formatApiCall(call: Pick<ApiCall, 'method' | 'args'>): string {
  return `${call.method}(${call.args.map((arg) => JSON.stringify(arg) ?? 'undefined').join(', ')})`;
}
