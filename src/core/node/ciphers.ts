import { Buffer } from 'buffer/';
import { encodeOutput, forge, fromBinary, nodeError, toBinary, toBytes } from './cryptoBytes';

// Node's createCipheriv/createDecipheriv for AES (CBC, CTR, GCM) on node-forge's AES.
// forge takes GCM's additional data and tag when it starts, Node takes them by setAAD and
// setAuthTag later, so the forge cipher starts on the first update()/final().

const MODES: Record<string, 'CBC' | 'CTR' | 'GCM'> = { cbc: 'CBC', ctr: 'CTR', gcm: 'GCM' };
const KEY_BYTES: Record<string, number> = { '128': 16, '192': 24, '256': 32 };

export const CIPHERS: readonly string[] = Object.keys(KEY_BYTES).flatMap((bits) =>
  Object.keys(MODES).map((mode) => `aes-${bits}-${mode}`),
);

type ForgeCipher = ReturnType<ReturnType<typeof forge>['cipher']['createCipher']>;

function invalidState(operation: string): Error {
  return nodeError(
    new Error(`Invalid state for operation ${operation}`),
    'ERR_CRYPTO_INVALID_STATE',
  );
}

class CipherBase {
  readonly #decrypt: boolean;
  readonly #mode: 'CBC' | 'CTR' | 'GCM';
  readonly #key: Uint8Array;
  readonly #iv: Uint8Array;
  #cipher: ForgeCipher | undefined;
  #aad: Uint8Array | undefined;
  #tag: Uint8Array | undefined;
  #padding = true;
  #finished = false;
  /** CBC decryption's last block, kept until final() strips its padding (forge's would not). */
  #held: Uint8Array = new Uint8Array(0);
  #inputBytes = 0;

  constructor(decrypt: boolean, algorithm: unknown, key: unknown, iv: unknown) {
    const match = /^aes-(128|192|256)-(cbc|ctr|gcm)$/.exec(String(algorithm).toLowerCase());
    if (!match) throw nodeError(new Error('Unknown cipher'), 'ERR_CRYPTO_UNKNOWN_CIPHER');
    this.#decrypt = decrypt;
    this.#mode = MODES[match[2]!]!;
    this.#key = toBytes(key);
    this.#iv = toBytes(iv);
    if (this.#key.length !== KEY_BYTES[match[1]!]) {
      throw nodeError(new RangeError('Invalid key length'), 'ERR_CRYPTO_INVALID_KEYLEN');
    }
    const ivOk = this.#mode === 'GCM' ? this.#iv.length > 0 : this.#iv.length === 16;
    if (!ivOk)
      throw nodeError(new TypeError('Invalid initialization vector'), 'ERR_CRYPTO_INVALID_IV');
  }

  #started(): ForgeCipher {
    if (this.#cipher) return this.#cipher;
    const f = forge();
    const create = this.#decrypt ? f.cipher.createDecipher : f.cipher.createCipher;
    const cipher = create(`AES-${this.#mode}`, toBinary(this.#key));
    const gcm =
      this.#mode === 'GCM'
        ? {
            additionalData: toBinary(this.#aad ?? new Uint8Array(0)),
            // A placeholder: the real tag is set before final() (see final).
            ...(this.#decrypt ? { tag: '\0'.repeat(16) } : {}),
          }
        : {};
    cipher.start({ iv: toBinary(this.#iv), ...gcm });
    this.#cipher = cipher;
    return cipher;
  }

  update(data: unknown, inputEncoding?: unknown, outputEncoding?: unknown): Buffer | string {
    if (this.#finished) throw invalidState('update');
    const cipher = this.#started();
    const bytes = toBytes(data, inputEncoding);
    this.#inputBytes += bytes.length;
    cipher.update(forge().util.createBuffer(toBinary(bytes)));
    let out: Uint8Array = fromBinary(cipher.output.getBytes());
    if (this.#unpadsHere()) {
      const all = Buffer.concat([this.#held, out]);
      const keep = all.length === 0 ? 0 : ((all.length - 1) % 16) + 1;
      this.#held = all.subarray(all.length - keep);
      out = all.subarray(0, all.length - keep);
    }
    return encodeOutput(out, outputEncoding);
  }

  #unpadsHere(): boolean {
    return this.#decrypt && this.#padding && this.#mode === 'CBC';
  }

  #wrongBlockLength(): Error {
    return nodeError(
      new Error('error:1C80006B:Provider routines::wrong final block length'),
      'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH',
    );
  }

  final(outputEncoding?: unknown): Buffer | string {
    if (this.#finished) throw invalidState('final');
    const cipher = this.#started();
    this.#finished = true;
    const mode = cipher.mode as unknown as Record<string, unknown>;
    if (this.#mode === 'GCM' && this.#decrypt) {
      if (!this.#tag) throw authFailed();
      mode._tag = toBinary(this.#tag);
      mode._tagLength = this.#tag.length * 8;
    }
    if (this.#mode === 'CBC') {
      const unaligned = this.#inputBytes % 16 !== 0;
      if (unaligned && (this.#decrypt || !this.#padding)) throw this.#wrongBlockLength();
      if (this.#decrypt || !this.#padding) {
        mode.pad = null;
        mode.unpad = null;
      }
    }
    if (!cipher.finish()) throw authFailed();
    if (this.#mode === 'GCM' && !this.#decrypt) {
      this.#tag = fromBinary((mode.tag as { getBytes(): string }).getBytes());
    }
    const rest = fromBinary(cipher.output.getBytes());
    return encodeOutput(this.#unpadsHere() ? this.#unpad(rest) : rest, outputEncoding);
  }

  /** PKCS#7 (what Node's auto padding is), checked whole like OpenSSL. */
  #unpad(rest: Uint8Array): Uint8Array {
    const last = Buffer.concat([this.#held, rest]);
    const size = last[last.length - 1] ?? 0;
    const valid =
      last.length === 16 &&
      size >= 1 &&
      size <= 16 &&
      last.subarray(16 - size).every((byte) => byte === size);
    if (!valid) {
      throw nodeError(
        new Error('error:1C800064:Provider routines::bad decrypt'),
        'ERR_OSSL_BAD_DECRYPT',
      );
    }
    return last.subarray(0, 16 - size);
  }

  setAutoPadding(padding = true): this {
    this.#padding = padding !== false;
    return this;
  }

  setAAD(data: unknown): this {
    if (this.#cipher || this.#mode !== 'GCM') throw invalidState('setAAD');
    this.#aad = toBytes(data);
    return this;
  }

  protected readTag(): Buffer {
    if (!this.#finished || this.#decrypt || !this.#tag) throw invalidState('getAuthTag');
    return Buffer.from(this.#tag);
  }

  protected writeTag(tag: unknown, encoding?: unknown): this {
    if (this.#finished || !this.#decrypt || this.#mode !== 'GCM') throw invalidState('setAuthTag');
    this.#tag = toBytes(tag, encoding);
    return this;
  }
}

function authFailed(): Error {
  return new Error('Unsupported state or unable to authenticate data');
}

export class Cipheriv extends CipherBase {
  constructor(algorithm: unknown, key: unknown, iv: unknown) {
    super(false, algorithm, key, iv);
  }

  getAuthTag(): Buffer {
    return this.readTag();
  }
}

export class Decipheriv extends CipherBase {
  constructor(algorithm: unknown, key: unknown, iv: unknown) {
    super(true, algorithm, key, iv);
  }

  setAuthTag(tag: unknown, encoding?: unknown): this {
    return this.writeTag(tag, encoding);
  }
}
