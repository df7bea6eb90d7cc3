import { z } from '../schemaKit';

// Building blocks that reproduce the platform compilers' body checks (auth0-ext-compilers
// 6.1.0). Those checks are `typeof x !== 'object'` tests, so `null` and arrays often pass;
// each helper states which. Zod reports object keys in shape order, so declaring keys in
// the compiler's check order makes the FIRST issue the platform's own message.

type Shape = Record<string, z.ZodMiniType>;

/** A documented field the platform never checks: anything passes, the text shows on hover. */
export function unchecked(description: string) {
  return z.optional(z.unknown()).check(z.describe(description));
}

/** `typeof v === 'object'`: objects, arrays and null pass; fields are documentation only. */
export function typeofObject(message: string, shape: Shape, description: string) {
  return z
    .union([z.looseObject(shape), z.array(z.unknown()), z.null()], { error: message })
    .check(z.describe(description));
}

/** `!v || typeof v !== 'object'` fails: objects and arrays pass, null does not. */
export function truthyObject(message: string, shape: Shape, description: string) {
  return z
    .union([z.looseObject(shape), z.array(z.unknown())], { error: message })
    .check(z.describe(description));
}

/**
 * An object whose fields the platform checks in turn. `onNull` is what the platform
 * answered for null (a crash message or its not-an-object message); `onArray` the message
 * of the first field check, which a JSON array always fails (arrays have no named keys).
 */
export function checkedObject(
  messages: { notObject: string; onNull: string; onArray: string },
  shape: Shape,
  description: string,
) {
  return z
    .looseObject(shape, {
      error: (issue) =>
        issue.input === null
          ? messages.onNull
          : Array.isArray(issue.input)
            ? messages.onArray
            : messages.notObject,
    })
    .check(z.describe(description));
}

/** `typeof v !== 'string'` fails. */
export function requiredString(message: string, description: string) {
  return z.string({ error: message }).check(z.describe(description));
}

/** Message of the platform's "not an object" check for a body path, e.g. "Body.user". */
export function notAnObject(path: string): string {
  return `${path} received by extensibility point is not an object`;
}

export function notAString(path: string): string {
  return `${path} received by extensibility point is not a string`;
}

/**
 * The TypeError V8 threw when the compiler read a property of a `null` it had let through,
 * e.g. "Cannot read properties of null (reading 'client')". The platform did not answer
 * these as body validation: they were crashes (docs/runtime-semantics.md §2, §9).
 */
export function nullRead(property: string): string {
  return `Cannot read properties of null (reading '${property}')`;
}

export function nullWrite(property: string): string {
  return `Cannot set properties of null (setting '${property}')`;
}

/** True for the messages above: the platform crashed instead of refusing the body. */
export function isNullCrash(message: string): boolean {
  return /^Cannot (read|set) properties of null \((reading|setting) '[^']*'\)$/.test(message);
}
