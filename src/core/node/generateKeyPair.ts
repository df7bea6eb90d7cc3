import { nodeError } from './cryptoBytes';
import { KeyObject } from './keyObject';
import { generateRsa } from './rsaKeys';

// crypto.generateKeyPairSync('rsa', …) and its callback form. In the browser node-forge finds
// the primes in JavaScript: a 2048-bit pair takes seconds there (Node: ~0.1 s).

interface Encoding {
  format?: unknown;
  type?: unknown;
}

interface RsaOptions {
  modulusLength?: unknown;
  publicExponent?: unknown;
  publicKeyEncoding?: Encoding;
  privateKeyEncoding?: Encoding;
}

export function generateKeyPairSync(type: unknown, options?: RsaOptions): Record<string, unknown> {
  if (type !== 'rsa') {
    throw nodeError(
      new TypeError(`The argument 'type' must be a supported key type. Received '${String(type)}'`),
      'ERR_INVALID_ARG_VALUE',
    );
  }
  const bits = options?.modulusLength;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 512) {
    throw nodeError(
      new TypeError(
        `The "options.modulusLength" property must be of type number. Received ${typeof bits}`,
      ),
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const exponent = typeof options?.publicExponent === 'number' ? options.publicExponent : 0x10001;
  const key = generateRsa(bits, exponent);
  const privateKey = new KeyObject('private', key);
  const publicKey = new KeyObject('public', { n: key.n, e: key.e });
  const encode = (object: KeyObject, encoding?: Encoding) =>
    encoding ? object.export(encoding) : object;
  return {
    publicKey: encode(publicKey, options?.publicKeyEncoding),
    privateKey: encode(privateKey, options?.privateKeyEncoding),
  };
}

export function generateKeyPair(
  defer: (callback: () => void) => void,
  type: unknown,
  options: RsaOptions | undefined,
  callback: unknown,
): void {
  if (typeof callback !== 'function') {
    throw nodeError(
      new TypeError(
        `The "callback" argument must be of type function. Received ${typeof callback}`,
      ),
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const pair = generateKeyPairSync(type, options);
  defer(() => callback(null, pair.publicKey, pair.privateKey));
}
