import { generateKeyPairSync, sign } from 'node:crypto';
import {
  test,
  expect,
  openApp,
  openInput,
  regionJson,
  runToEnd,
  selectPoint,
  setCode,
  setPayload,
} from './support/app';

// A jsonwebtoken-style RS256 check with nothing but Node's crypto: the hook verifies an
// invitation token from the signup form against a PEM public key kept as a secret.
// The key pair and the tokens are made here, with Node's own crypto.

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// A secret is one line: the PEM's line breaks travel as "\n", as in the platform's dashboard.
const PEM_SECRET = (publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(
  /\n/g,
  '\\n',
);
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(claims: object): string {
  const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const HOOK = `const crypto = require('crypto');

function verify(token, pem) {
  const [header, payload, signature] = token.split('.');
  const ok = crypto
    .createVerify('RSA-SHA256')
    .update(header + '.' + payload)
    .verify(crypto.createPublicKey(pem), signature.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return ok ? JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) : null;
}

module.exports = function (user, context, cb) {
  const pem = context.webtask.secrets.INVITE_KEY.replace(/\\\\n/g, '\\n');
  const claims = verify(user.user_metadata.invite, pem);
  if (!claims) return cb(new PreUserRegistrationError('Bad invitation', 'Your invitation is not valid.'));
  cb(null, { user: { app_metadata: { org: claims.org } } });
};
`;

function payload(invite: string) {
  return {
    user: { email: 'ana@example.com', user_metadata: { invite }, app_metadata: {} },
    context: { requestLanguage: 'en-us', connection: { id: 'con_1', name: 'DB', tenant: 't' } },
  };
}

test('an RS256 invitation token verifies with crypto.createVerify; a tampered one is denied', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  const secrets = await openInput(page, 'Secrets');
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByRole('textbox', { name: 'Secret name' }).last().fill('INVITE_KEY');
  await secrets.getByLabel('Secret value').last().fill(PEM_SECRET);
  await setCode(page, HOOK);

  const good = token({ sub: 'invite|7', org: 'acme' });
  await setPayload(page, payload(good));
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const merged = (await regionJson(page, 'Merged user')) as { app_metadata: unknown };
  expect(merged.app_metadata).toEqual({ org: 'acme' });

  const [header, , signature] = good.split('.');
  const forged = `${header}.${part({ sub: 'invite|7', org: 'evil' })}.${signature}`;
  await setPayload(page, payload(forged));
  expect(await runToEnd(page)).toMatch(/^Denied/);
  await expect(page.getByText('Your invitation is not valid.').first()).toBeVisible();
});
