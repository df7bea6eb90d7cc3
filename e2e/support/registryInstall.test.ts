import { generateKeyPairSync } from 'node:crypto';
import { createRequire as nodeRequireFrom } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOST_NAMES } from '../../src/core/buildModuleFactory';
import { createRequire } from '../../src/core/createRequire';
import {
  createPackageLoader,
  type HostBindings,
} from '../../src/core/commonjs/createPackageLoader';
import { indexPackageTree } from '../../src/core/commonjs/packageTree';
import { fetchPlannedPackages } from '../../src/packages/fetchPlannedPackages';
import { planInstall } from '../../src/packages/planInstall';
import { createRegistryClient } from '../../src/packages/registryClient';
import { storedTree } from '../../src/packages/storedTree';
import { hook, mock, runHook } from '../../src/core/network/runHook.testkit';
import { startRegistry } from './registryServer.mjs';

// The journeys' registry and Hookpad's package code together, in Node: real lodash,
// jsonwebtoken and jwks-rsa (with their trees) are planned, downloaded, verified, laid out
// offline from what was stored, and run through the engine's require; Node's own copies are
// the oracle.

type Registry = Awaited<ReturnType<typeof startRegistry>>;
type Jwt = {
  sign(payload: object, key: string, options: object): string;
  verify(token: string, key: string): unknown;
};
type Lodash = { chunk(a: unknown[], n: number): unknown[][]; kebabCase(s: string): string };

const node = nodeRequireFrom(import.meta.url);
const ROOTS = [
  { name: 'jsonwebtoken', range: '9.0.2' },
  { name: 'lodash', range: '4.17.21' },
  { name: 'jwks-rsa', range: '^3.2.0' },
];
const host = Object.fromEntries(
  HOST_NAMES.map((name) => [name, name === 'global' ? globalThis : Reflect.get(globalThis, name)]),
) as HostBindings;

let good: Registry;
let corrupt: Registry;
beforeAll(async () => {
  [good, corrupt] = await Promise.all([
    startRegistry(0),
    startRegistry(0, { corrupt: ['lodash'] }),
  ]);
});
afterAll(() => {
  good.server.close();
  corrupt.server.close();
});

const client = (registry: Registry) =>
  createRegistryClient({ registry: registry.url, fetch: (url, init) => fetch(url, init) });

async function installFrom(registry: Registry) {
  const { getPackument, getTarball } = client(registry);
  return fetchPlannedPackages(await planInstall(ROOTS, getPackument), getTarball);
}

describe("the local registry's packages, installed and run by Hookpad's package code", () => {
  it('installs the whole tree once per version and runs real lodash and jsonwebtoken', async () => {
    const records = await installFrom(good);
    const ids = records.map((record) => `${record.name}@${record.version}`);
    expect(ids).toEqual(
      expect.arrayContaining(['jsonwebtoken@9.0.2', 'lodash@4.17.21', 'jws@3.2.3']),
    );
    expect(new Set(ids).size).toBe(ids.length);

    const tree = await storedTree(ROOTS, records);
    const require = createRequire({
      env: { defer: (callback) => callback() },
      packages: createPackageLoader(indexPackageTree(tree), host),
    }) as (id: string) => unknown;

    const lodash = require('lodash@4.17.21') as Lodash;
    const realLodash = node('lodash') as Lodash;
    expect(lodash.chunk([1, 2, 3, 4, 5], 2)).toEqual(realLodash.chunk([1, 2, 3, 4, 5], 2));
    expect(lodash.kebabCase('Hookpad Runs Real Code')).toBe('hookpad-runs-real-code');

    const jwt = require('jsonwebtoken') as Jwt;
    const realJwt = node('jsonwebtoken') as Jwt;
    const claims = { sub: 'auth0|42', plan: 'gold' };
    const hs256 = { algorithm: 'HS256', noTimestamp: true };
    expect(jwt.sign(claims, 'shh', hs256)).toBe(realJwt.sign(claims, 'shh', hs256));
    expect(jwt.verify(realJwt.sign(claims, 'shh', hs256), 'shh')).toEqual(claims);
    expect(() => jwt.verify(jwt.sign(claims, 'shh', hs256), 'other')).toThrow('invalid signature');

    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = {
      private: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      public: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    };
    const rs256 = { algorithm: 'RS256', noTimestamp: true };
    // PKCS#1 v1.5 signatures are deterministic: Hookpad's token is Node's, byte for byte.
    expect(jwt.sign(claims, pem.private, rs256)).toBe(realJwt.sign(claims, pem.private, rs256));
    expect(jwt.verify(realJwt.sign(claims, pem.private, rs256), pem.public)).toEqual(claims);
  });

  it("real jwks-rsa fetches the tenant's keys through the run's HTTP mocks and gives the key as PEM", async () => {
    const tree = await storedTree(ROOTS, await installFrom(good));
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    const jwksUri = 'https://tenant.example.com/.well-known/jwks.json';
    const run = await runHook(
      hook(`const jwksClient = require('jwks-rsa');
const key = await jwksClient({ jwksUri: '${jwksUri}' }).getSigningKey('k1');
cb(null, { kid: key.kid, pem: key.getPublicKey() });`),
      {
        mocks: [
          mock({
            urlPattern: jwksUri,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ keys: [jwk] }),
          }),
        ],
      },
      { packages: tree },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { kid: 'k1', pem: publicKey.export({ type: 'spki', format: 'pem' }) },
      requires: [{ name: 'jwks-rsa', kind: 'package', installed: '3.2.2' }],
    });
    expect(run.entries).toEqual([expect.objectContaining({ method: 'GET', url: jwksUri })]);
  });

  it('a tarball that does not match its integrity fails the whole install', async () => {
    await expect(installFrom(corrupt)).rejects.toThrow(/lodash@4\.17\.21/);
    await expect(installFrom(corrupt)).rejects.toThrow(/integrity|sha512/i);
  });
});
