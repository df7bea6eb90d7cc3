import type { JsonValue } from '../core/schemas';

/**
 * Whether a value is plain JSON: strings, finite numbers, booleans, null, arrays without
 * holes and objects whose prototype is Object.prototype or null — nested as a tree (no
 * object reached twice, hence no cycles). It accepts what JsonValueSchema accepts, except
 * shared references, which JSON.parse and the engine's serializer never produce and which
 * would let a forged message make a small clone render as an exponentially large tree.
 *
 * One iterative pass with no allocations per node, for the sandbox's hot messages: the
 * recursive zod union (z.lazy) does the same check many times slower (every object first
 * fails the four scalar options and the array option).
 */
export function isJsonTree(value: unknown): value is JsonValue {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(item)) return false;
        continue;
      case 'object': {
        if (item === null) continue;
        if (seen.has(item)) return false;
        seen.add(item);
        if (Array.isArray(item)) {
          for (let i = 0; i < item.length; i++) {
            if (!(i in item)) return false;
            stack.push(item[i]);
          }
          continue;
        }
        const proto: unknown = Object.getPrototypeOf(item);
        if (proto !== Object.prototype && proto !== null) return false;
        for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
        continue;
      }
      default:
        return false;
    }
  }
  return true;
}
