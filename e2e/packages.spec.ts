import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  openApp,
  openInput,
  regionJson,
  runToEnd,
  selectPoint,
  setCode,
  test,
} from './support/app';
import { packDirectory, startRegistry } from './support/registryServer.mjs';

// Real npm packages, fetched from a registry the test setup serves on this machine (real
// lodash 4.17.21, jsonwebtoken 9.0.2 and jwks-rsa 3.2.2 with their trees, packed from
// node_modules), stored in the browser and run in the hook's sandbox. Node's own copies of
// the same packages are the oracle.

type Registry = Awaited<ReturnType<typeof startRegistry>>;
let registry: Registry;
let corrupt: Registry;

test.beforeAll(async () => {
  [registry, corrupt] = await Promise.all([
    startRegistry(0),
    startRegistry(0, { corrupt: ['lodash'] }),
  ]);
});
test.afterAll(async () => {
  for (const { server } of [registry, corrupt]) server.close();
});

const nodeRequire = createRequire(import.meta.url);

/** Opens Dependencies and points "Fetch from npm" at `url`. */
async function useRegistry(page: Page, url: string): Promise<Locator> {
  const dependencies = await openInput(page, 'Dependencies');
  await dependencies.getByLabel('npm registry').fill(`${url}/`);
  await dependencies.getByRole('button', { name: 'Set registry' }).click();
  await expect(dependencies.getByLabel('npm registry')).toHaveValue(`${url}/`);
  return dependencies;
}

const dependencyRow = (dependencies: Locator, name: string) =>
  dependencies.getByRole('row', { name: new RegExp(`^${name} `) });

const storedPackages = (dependencies: Locator) =>
  dependencies.getByRole('table', { name: 'Stored packages' });

const LODASH_HOOK = [
  'module.exports = function (user, context, cb) {',
  "  var _ = require('lodash@4.17.21');",
  "  cb(null, { user: { app_metadata: { groups: _.chunk(['a', 'b', 'c'], 2), slug: _.kebabCase('Hook Pad'), version: _.VERSION } } });",
  '};',
].join('\n');

test('a hook requiring lodash@4.17.21 is fixed by "Fetch from npm" and returns real lodash results', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, LODASH_HOOK);
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(page.getByRole('alert')).toContainText(
    "Module 'lodash' is not available in Hookpad",
  );

  const dependencies = await useRegistry(page, registry.url);
  const row = dependencyRow(dependencies, 'lodash');
  await expect(row).toContainText('4.17.21');
  await row.getByRole('button', { name: 'Fetch from npm' }).click();
  await expect(dependencies.getByRole('status').first()).toContainText(`Stored 1 package`);
  await expect(storedPackages(dependencies)).toContainText('lodash@4.17.21');
  await expect(storedPackages(dependencies)).toContainText('npm registry');
  await expect(row.getByRole('button', { name: 'Fetch from npm' })).toHaveCount(0);

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const lodash = nodeRequire('lodash') as {
    chunk(a: unknown[], n: number): unknown;
    kebabCase(s: string): string;
  };
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    app_metadata: {
      groups: lodash.chunk(['a', 'b', 'c'], 2),
      slug: lodash.kebabCase('Hook Pad'),
      version: '4.17.21',
    },
  });
  // What the run used, said in the row.
  await expect(row).toContainText('real 4.17.21');

  // Removed, the module is missing again.
  await storedPackages(dependencies).getByRole('button', { name: 'Remove lodash@4.17.21' }).click();
  await expect(dependencies).toContainText('No stored packages');
  expect(await runToEnd(page)).toMatch(/^Failed/);
  // Auto-mocked instead, the row says so.
  await page.getByRole('alert').getByRole('button', { name: 'Auto-mock' }).click();
  await runToEnd(page);
  await expect(row).toContainText('auto-mock');
});

test('real jsonwebtoken signs and verifies HS256 and RS256 tokens, and real jwks-rsa gets its keys from an HTTP mock', async ({
  page,
}) => {
  const jwt = nodeRequire('jsonwebtoken') as {
    sign(payload: object, key: string, options: object): string;
  };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const jwk = {
    ...(await import('node:crypto')).createPublicKey(publicKey).export({ format: 'jwk' }),
    kid: 'k1',
    use: 'sig',
    alg: 'RS256',
  };
  const JWKS_URL = 'https://tenant.example.com/.well-known/jwks.json';

  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  var jwt = require('jsonwebtoken@9.0.2');",
      "  var jwksClient = require('jwks-rsa@3.2.2');",
      `  var privateKey = ${JSON.stringify(privateKey)};`,
      "  var hs = jwt.sign({ sub: 'auth0|1' }, 'shh', { algorithm: 'HS256', noTimestamp: true });",
      "  var rs = jwt.sign({ sub: 'auth0|2' }, privateKey, { algorithm: 'RS256', noTimestamp: true, keyid: 'k1' });",
      `  var client = jwksClient({ jwksUri: ${JSON.stringify(JWKS_URL)} });`,
      "  client.getSigningKey('k1').then(function (key) {",
      '    cb(null, { user: { app_metadata: {',
      '      hs: hs,',
      "      hsSub: jwt.verify(hs, 'shh').sub,",
      "      rsSub: jwt.verify(rs, key.getPublicKey(), { algorithms: ['RS256'] }).sub,",
      '      pem: key.getPublicKey()',
      '    } } });',
      '  }, cb);',
      '};',
    ].join('\n'),
  );
  const dependencies = await useRegistry(page, registry.url);
  await dependencies.getByRole('button', { name: 'Fetch all' }).click();
  await expect(storedPackages(dependencies)).toContainText('jsonwebtoken@9.0.2');
  await expect(storedPackages(dependencies)).toContainText('jwks-rsa@3.2.2');
  await expect(storedPackages(dependencies)).toContainText('jws@');

  const mocks = await openInput(page, 'HTTP mocks');
  await mocks.getByRole('button', { name: 'Add mock' }).click();
  await mocks.getByLabel('URL pattern', { exact: true }).fill(JWKS_URL);
  await mocks.getByLabel('Response body', { exact: true }).fill(JSON.stringify({ keys: [jwk] }));

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    app_metadata: {
      hs: jwt.sign({ sub: 'auth0|1' }, 'shh', { algorithm: 'HS256', noTimestamp: true }),
      hsSub: 'auth0|1',
      rsSub: 'auth0|2',
      pem: publicKey,
    },
  });
  const outbound = page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');
  await expect(outbound).toHaveCount(1);
  await expect(outbound.first()).toContainText('GET');
  await expect(outbound.first()).toContainText(JWKS_URL);
  await expect(dependencyRow(dependencies, 'jsonwebtoken')).toContainText('real 9.0.2');
  await expect(dependencyRow(dependencies, 'jwks-rsa')).toContainText('real 3.2.2');
});

test('an unreachable registry and a corrupted tarball are refused with clear messages and nothing stored; the package from a file then runs', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, LODASH_HOOK);
  // A registry nobody answers at: said as such, nothing stored.
  const unreachable = 'http://127.0.0.1:9';
  const dependencies = await useRegistry(page, unreachable);
  await dependencyRow(dependencies, 'lodash')
    .getByRole('button', { name: 'Fetch from npm' })
    .click();
  await expect(dependencies.getByRole('alert')).toContainText(
    `Nothing was stored: lodash@4.17.21: Could not reach the registry ${unreachable}/ for package lodash: Failed to fetch: ${unreachable} is out of reach, or it does not allow downloads from a web page (CORS).`,
  );

  await useRegistry(page, corrupt.url);
  await dependencyRow(dependencies, 'lodash')
    .getByRole('button', { name: 'Fetch from npm' })
    .click();
  const alert = dependencies.getByRole('alert');
  await expect(alert).toContainText(
    /Nothing was stored: Integrity check failed for lodash@4\.17\.21: expected sha512-.*, got sha512-.*\. The download was discarded\./,
  );
  await expect(dependencies).toContainText('No stored packages');
  expect(await runToEnd(page)).toMatch(/^Failed/);

  // The same package from a file (as `npm pack` makes it) is stored and runs.
  const chooser = page.waitForEvent('filechooser');
  await dependencies.getByRole('button', { name: 'Add package file' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'lodash-4.17.21.tgz',
    mimeType: 'application/gzip',
    buffer: packDirectory(fileURLToPath(new URL('../node_modules/lodash', import.meta.url))).bytes,
  });
  await expect(storedPackages(dependencies)).toContainText('lodash@4.17.21');
  await expect(storedPackages(dependencies)).toContainText('package file');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(dependencyRow(dependencies, 'lodash')).toContainText('real 4.17.21');
});

test('a share link names the stored versions; its receiver gets "Fetch from npm" for them', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  cb(null, { user: { app_metadata: { version: require('lodash').VERSION } } });",
      '};',
    ].join('\n'),
  );
  // The code pins no version: the registry's latest is fetched, and the link names it.
  const dependencies = await useRegistry(page, registry.url);
  const row = dependencyRow(dependencies, 'lodash');
  await expect(row).toContainText('latest');
  await row.getByRole('button', { name: 'Fetch from npm' }).click();
  await expect(storedPackages(dependencies)).toContainText('lodash@4.17.21');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const shared = JSON.parse(
    inflateRawSync(Buffer.from(link.split('#share=')[1]!, 'base64url')).toString('utf8'),
  ) as { dependencies?: Record<string, string> };
  expect(shared.dependencies).toEqual({ lodash: '4.17.21' });

  // The receiver has no lodash stored.
  await storedPackages(dependencies).getByRole('button', { name: 'Remove lodash@4.17.21' }).click();
  await expect(dependencies).toContainText('No stored packages');
  await page.goto(link);
  const banner = page.getByRole('region', { name: 'Opened from a link' });
  await banner.getByRole('button', { name: 'Run this hook' }).click();
  await expect(page.getByRole('alert')).toContainText("Module 'lodash' is not available");
  const received = dependencyRow(await openInput(page, 'Dependencies'), 'lodash');
  await expect(received).toContainText('4.17.21');
  await received.getByRole('button', { name: 'Fetch from npm' }).click();
  await expect(storedPackages(dependencies)).toContainText('lodash@4.17.21');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    app_metadata: { version: '4.17.21' },
  });
});
