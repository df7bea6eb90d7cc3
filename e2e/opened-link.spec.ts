import { deflateRawSync } from 'node:zlib';
import { expect, hookButton, hooksNav, openApp, status, test } from './support/app';

// A link as a support engineer gets it from a ticket: the secret's value was withheld.
const state = {
  v: 2,
  point: 'send-phone-message',
  name: 'Ticket 4242 SMS',
  code: 'module.exports = function (recipient, text, context, cb) { cb(null, { sent: true }); };',
  payload: {
    recipient: '1-808-555-5555',
    text: 'code 123',
    context: {
      message_type: 'sms',
      action: 'enrollment',
      language: 'en',
      code: '123',
      ip: '127.0.0.1',
      user_agent: 'Mozilla/5.0',
      user: { user_id: 'auth0|1' },
    },
  },
  secrets: { TWILIO_TOKEN: '' },
  redactedSecrets: ['TWILIO_TOKEN'],
};
const token = deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url');

test('an opened link says what it left out, runs from its banner, and opens once', async ({
  page,
}) => {
  await openApp(page, `/#share=${token}`);
  const banner = page.getByRole('region', { name: 'Opened from a link' });
  await expect(banner).toContainText('Opened from a link: Ticket 4242 SMS');
  await expect(banner).toContainText('left out the value of secret TWILIO_TOKEN');
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(2);

  await banner.getByRole('button', { name: 'Run this hook' }).click();
  await expect(status(page)).toHaveText(/^Succeeded/);

  // The same link again: its hook is selected, no "Ticket 4242 SMS 2" appears.
  await hookButton(page, 'Ticket 4242 SMS').waitFor();
  await openApp(page, `/#share=${token}`);
  await expect(banner).toContainText('opened before');
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(2);
  await expect(hookButton(page, 'Ticket 4242 SMS 2')).toHaveCount(0);

  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});
