// Node's util.format and util.formatWithOptions (docs/runtime-semantics.md §10.2) on the util
// port's inspect. The port's own format predates Node 12 (no %i, %f, %o, %O, %c; %s of an
// object gave '[object Object]'); debug, for one, logs through formatWithOptions.

export type Inspect = (value: unknown, options: object) => string;

/** The constructors whose toString Node does not call for %s (it inspects their instances). */
const BUILT_IN_CONSTRUCTORS = new Set<unknown>([
  Object,
  Array,
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  Date,
  RegExp,
  Map,
  Set,
  WeakMap,
  WeakSet,
  Promise,
  ArrayBuffer,
  DataView,
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  Uint8ClampedArray,
]);

/** Whether %s should inspect the object rather than call its own toString. */
function hasBuiltInToString(value: object): boolean {
  const toString = (value as { toString?: unknown }).toString;
  if (typeof toString !== 'function') return true;
  if (Object.hasOwn(value, 'toString')) return false;
  let holder: object | null = value;
  while (holder !== null && !Object.hasOwn(holder, 'toString')) {
    holder = Object.getPrototypeOf(holder) as object | null;
  }
  if (holder === null) return true;
  const constructor = Object.getOwnPropertyDescriptor(holder, 'constructor')?.value as unknown;
  return BUILT_IN_CONSTRUCTORS.has(constructor);
}

const formatNumber = (value: number) => (Object.is(value, -0) ? '-0' : String(value));

function stringify(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) return '[Circular]';
    throw error;
  }
}

function asString(value: unknown, inspect: Inspect, options: object): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null || !hasBuiltInToString(value)) {
    return String(value);
  }
  return inspect(value, { ...options, depth: 0, colors: false, compact: 3 });
}

function asNumber(value: unknown, parse: (value: unknown) => number): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return 'NaN';
  return formatNumber(parse(value));
}

/** One `%x` directive: the text it becomes, or undefined when it is not a directive. */
function directive(
  letter: string,
  value: unknown,
  inspect: Inspect,
  options: object,
): string | undefined {
  switch (letter) {
    case 's':
      return asString(value, inspect, options);
    case 'j':
      return stringify(value);
    case 'd':
      return asNumber(value, Number);
    case 'i':
      return asNumber(value, (v) => Number.parseInt(String(v)));
    case 'f':
      return asNumber(value, (v) => Number.parseFloat(String(v)));
    case 'O':
      return inspect(value, options);
    case 'o':
      return inspect(value, { ...options, showHidden: true, showProxy: true, depth: 4 });
    case 'c':
      return '';
    default:
      return undefined;
  }
}

export function formatWithOptions(
  inspect: Inspect,
  options: unknown,
  ...args: readonly unknown[]
): string {
  if (typeof options !== 'object' || options === null) {
    const received = options === null ? 'null' : typeof options;
    throw Object.assign(
      new TypeError(`The "inspectOptions" argument must be of type object. Received ${received}`),
      { code: 'ERR_INVALID_ARG_TYPE' },
    );
  }
  const [first] = args;
  let used = 0;
  let text = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    used = 1;
    let start = 0;
    for (let at = 0; at < first.length - 1; at += 1) {
      if (first[at] !== '%') continue;
      const letter = first[at + 1] ?? '';
      if (letter === '%') {
        text += first.slice(start, at + 1);
        start = at + 2;
        at += 1;
        continue;
      }
      if (used >= args.length) continue;
      const replaced = directive(letter, args[used], inspect, options);
      if (replaced === undefined) continue;
      text += first.slice(start, at) + replaced;
      used += 1;
      start = at + 2;
      at += 1;
    }
    text += first.slice(start);
  }
  for (let index = used; index < args.length; index += 1) {
    const value = args[index];
    if (index > 0) text += ' ';
    text += typeof value === 'string' ? value : inspect(value, options);
  }
  return text;
}
