/**
 * Small hand-written declarations of the modules Hookpad provides (core/createRequire.ts,
 * core/node/builtinModules.ts, core/network/clients/), so `require('axios')` and the like
 * give typed values. The published type packages (axios' own 28 KiB index.d.ts, @types/node's
 * 2.4 MiB) would have to ship in the editor chunk; these cover what hooks use.
 */
export const MODULE_TYPINGS = `
interface HttpHeaders { [name: string]: string }
interface AxiosRequestConfig {
  url?: string; method?: string; baseURL?: string; headers?: HttpHeaders;
  params?: Record<string, any>; data?: any; timeout?: number;
  auth?: { username: string; password: string }; responseType?: string;
}
interface AxiosResponse<T = any> {
  data: T; status: number; statusText: string; headers: HttpHeaders; config: AxiosRequestConfig;
}
/** axios: a promise-based HTTP client (requests go through Hookpad's HTTP mocks). */
interface AxiosStatic {
  <T = any>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  <T = any>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  request<T = any>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  get<T = any>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  delete<T = any>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  head<T = any>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  post<T = any>(url: string, data?: any, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  put<T = any>(url: string, data?: any, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  patch<T = any>(url: string, data?: any, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  create(config?: AxiosRequestConfig): AxiosStatic;
  isAxiosError(error: any): boolean;
  defaults: AxiosRequestConfig;
}
interface FetchInit { method?: string; headers?: HttpHeaders; body?: string; timeout?: number }
interface FetchResponse {
  ok: boolean; status: number; statusText: string; url: string;
  headers: { get(name: string): string | null };
  json(): Promise<any>; text(): Promise<string>;
}
/** node-fetch: the WHATWG fetch for Node. */
type NodeFetch = (url: string, init?: FetchInit) => Promise<FetchResponse>;
interface RequestOptions {
  url?: string; uri?: string; method?: string; headers?: HttpHeaders; qs?: Record<string, any>;
  body?: any; json?: any; form?: Record<string, any>; timeout?: number;
}
interface RequestResponse { statusCode: number; headers: HttpHeaders; body: any }
type RequestCallback = (error: Error | null, response: RequestResponse, body: any) => void;
type RequestMethod = (options: string | RequestOptions, callback?: RequestCallback) => void;
/** request: the callback-style HTTP client. */
interface RequestStatic extends RequestMethod {
  get: RequestMethod; post: RequestMethod; put: RequestMethod; patch: RequestMethod;
  del: RequestMethod; delete: RequestMethod; head: RequestMethod;
}
interface GotOptions {
  method?: string; headers?: HttpHeaders; json?: any; body?: string; searchParams?: Record<string, any>;
  responseType?: 'text' | 'json' | 'buffer'; timeout?: any;
}
interface GotResponse<T = any> { body: T; statusCode: number; headers: HttpHeaders; url: string }
type GotPromise = Promise<GotResponse> & { json<T = any>(): Promise<T>; text(): Promise<string> };
type GotMethod = (url: string, options?: GotOptions) => GotPromise;
/** got: the promise-based HTTP client. */
interface GotStatic extends GotMethod {
  get: GotMethod; post: GotMethod; put: GotMethod; patch: GotMethod; delete: GotMethod; head: GotMethod;
}
interface NodeBuffer extends Uint8Array { toString(encoding?: string): string }
interface NodeHash { update(data: string | Uint8Array, encoding?: string): NodeHash; digest(): NodeBuffer; digest(encoding: string): string }
type KeyLike = string | Uint8Array | KeyObject | { key: any; format?: 'pem' | 'der' | 'jwk'; type?: string };
interface KeyObject {
  type: 'public' | 'private' | 'secret'; asymmetricKeyType?: 'rsa';
  export(options?: { format: 'pem' | 'der' | 'jwk'; type?: string }): any;
  equals(other: KeyObject): boolean;
}
interface NodeSign { update(data: string | Uint8Array, encoding?: string): NodeSign; sign(key: KeyLike): NodeBuffer; sign(key: KeyLike, encoding: string): string }
interface NodeVerify { update(data: string | Uint8Array, encoding?: string): NodeVerify; verify(key: KeyLike, signature: string | Uint8Array, encoding?: string): boolean }
interface NodeCipher {
  update(data: string | Uint8Array, inputEncoding?: string): NodeBuffer;
  update(data: string | Uint8Array, inputEncoding: string | undefined, outputEncoding: string): string;
  final(): NodeBuffer; final(encoding: string): string;
  setAAD(data: Uint8Array): NodeCipher; setAutoPadding(padding?: boolean): NodeCipher;
  getAuthTag(): NodeBuffer; setAuthTag(tag: Uint8Array): NodeCipher;
}
interface CryptoModule {
  createHash(algorithm: string): NodeHash;
  createHmac(algorithm: string, key: string | Uint8Array): NodeHash;
  randomBytes(size: number): NodeBuffer;
  randomUUID(): string;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  createSign(algorithm: string): NodeSign;
  createVerify(algorithm: string): NodeVerify;
  sign(algorithm: string | null, data: Uint8Array, key: KeyLike): NodeBuffer;
  verify(algorithm: string | null, data: Uint8Array, key: KeyLike, signature: Uint8Array): boolean;
  createPublicKey(key: KeyLike): KeyObject;
  createPrivateKey(key: KeyLike): KeyObject;
  createSecretKey(key: Uint8Array): KeyObject;
  generateKeyPairSync(type: 'rsa', options: { modulusLength: number; publicExponent?: number; publicKeyEncoding?: object; privateKeyEncoding?: object }): { publicKey: any; privateKey: any };
  createCipheriv(algorithm: string, key: Uint8Array, iv: Uint8Array): NodeCipher;
  createDecipheriv(algorithm: string, key: Uint8Array, iv: Uint8Array): NodeCipher;
  webcrypto: any;
}
interface PathModule {
  join(...parts: string[]): string; resolve(...parts: string[]): string; normalize(path: string): string;
  dirname(path: string): string; basename(path: string, ext?: string): string; extname(path: string): string;
  relative(from: string, to: string): string; isAbsolute(path: string): boolean;
  parse(path: string): { root: string; dir: string; base: string; ext: string; name: string };
  sep: string; delimiter: string;
}
interface OsModule {
  EOL: string; platform(): string; type(): string; arch(): string; release(): string; hostname(): string;
  cpus(): { model: string; speed: number }[]; totalmem(): number; freemem(): number; uptime(): number;
  tmpdir(): string; homedir(): string;
}
type ZlibSync = (data: string | Uint8Array, options?: { level?: number }) => NodeBuffer;
type ZlibAsync = (data: string | Uint8Array, callback: (error: Error | null, result: NodeBuffer) => void) => void;
interface ZlibModule {
  gzipSync: ZlibSync; gunzipSync: ZlibSync; deflateSync: ZlibSync; inflateSync: ZlibSync;
  deflateRawSync: ZlibSync; inflateRawSync: ZlibSync; unzipSync: ZlibSync;
  gzip: ZlibAsync; gunzip: ZlibAsync; deflate: ZlibAsync; inflate: ZlibAsync;
  deflateRaw: ZlibAsync; inflateRaw: ZlibAsync; unzip: ZlibAsync;
}
interface TimersPromisesModule {
  setTimeout<T = void>(ms?: number, value?: T): Promise<T>;
  setImmediate<T = void>(value?: T): Promise<T>;
}
interface UtilModule {
  format(format: any, ...args: any[]): string;
  inspect(value: any, options?: object): string;
  promisify<T = any>(fn: (...args: any[]) => void): (...args: any[]) => Promise<T>;
  isDeepStrictEqual(a: any, b: any): boolean;
}
declare class EventEmitter {
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
  off(event: string | symbol, listener: (...args: any[]) => void): this;
  emit(event: string | symbol, ...args: any[]): boolean;
  removeAllListeners(event?: string | symbol): this;
}
interface UrlModule {
  parse(url: string, parseQueryString?: boolean): { protocol?: string; host?: string; hostname?: string; port?: string; pathname?: string; search?: string; query?: any; hash?: string; href: string };
  format(url: object): string;
  resolve(from: string, to: string): string;
  URL: any; URLSearchParams: any;
}
interface QuerystringModule {
  parse(text: string, sep?: string, eq?: string): Record<string, string | string[]>;
  stringify(object: Record<string, any>, sep?: string, eq?: string): string;
  escape(text: string): string; unescape(text: string): string;
}
interface AssertModule {
  (value: any, message?: string): void;
  ok(value: any, message?: string): void;
  equal(actual: any, expected: any, message?: string): void;
  strictEqual(actual: any, expected: any, message?: string): void;
  deepStrictEqual(actual: any, expected: any, message?: string): void;
  notStrictEqual(actual: any, expected: any, message?: string): void;
  throws(fn: () => any, expected?: any, message?: string): void;
  fail(message?: string): never;
}
interface HookpadModules {
  axios: AxiosStatic; 'node-fetch': NodeFetch; request: RequestStatic; got: GotStatic;
  crypto: CryptoModule; 'node:crypto': CryptoModule; util: UtilModule; 'node:util': UtilModule;
  events: typeof EventEmitter & { EventEmitter: typeof EventEmitter };
  'node:events': typeof EventEmitter & { EventEmitter: typeof EventEmitter };
  url: UrlModule; 'node:url': UrlModule; querystring: QuerystringModule; 'node:querystring': QuerystringModule;
  assert: AssertModule; 'node:assert': AssertModule;
  buffer: { Buffer: any }; 'node:buffer': { Buffer: any };
  'assert/strict': AssertModule; 'node:assert/strict': AssertModule;
  path: PathModule; 'node:path': PathModule; os: OsModule; 'node:os': OsModule;
  zlib: ZlibModule; 'node:zlib': ZlibModule;
  'timers/promises': TimersPromisesModule; 'node:timers/promises': TimersPromisesModule;
  string_decoder: { StringDecoder: new (encoding?: string) => { write(b: Uint8Array): string; end(b?: Uint8Array): string } };
  stream: any; 'node:stream': any; 'util/types': any; 'node:util/types': any;
}
/** A module Hookpad provides (typed), a module mock or an auto-mock. */
declare function require<K extends keyof HookpadModules>(id: K): HookpadModules[K];
declare function require(id: string): any;
`;
