import type { z } from '../core/schemaKit';

/**
 * A zod error as one line a user can act on: `path: message` per issue, joined by "; ",
 * e.g. `enabled: must be true or false; secrets.api-key: must be text`.
 */
export function describeZodError(error: z.core.$ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length - limit;
  if (more > 0) parts.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
  return parts.join('; ');
}
