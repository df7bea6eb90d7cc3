import type { JsonValue } from '../schemas';
import { getPoint } from '../points';
import type { HookExample } from './types';

// Send Phone Message: a custom SMS/voice provider for MFA (docs/runtime-semantics.md §8.4).

function phonePayload(messageType: 'sms' | 'voice'): JsonValue {
  const payload = JSON.parse(JSON.stringify(getPoint('send-phone-message').defaultPayload)) as {
    context: Record<string, JsonValue>;
  };
  payload.context.message_type = messageType;
  return payload as JsonValue;
}

const tokenCache: HookExample = {
  id: 'send-phone-message-token-cache',
  point: 'send-phone-message',
  title: 'Cache the gateway token in storage',
  description:
    'Keeps the SMS gateway’s access token in webtask storage across runs: get it, and only when it is missing or about to expire request a new one and set it. Run it twice: the second run reuses the token.',
  code: `var crypto = require('crypto');

// Stand-in for the gateway's POST /oauth/token (Hookpad has no network).
function requestGatewayToken(apiKey, done) {
  setTimeout(function () {
    done(null, { access_token: 'gw_' + crypto.randomBytes(12).toString('hex'), expires_in: 3600 });
  }, 10);
}

function getGatewayToken(context, done) {
  var storage = context.webtask.storage;
  storage.get(function (error, data) {
    if (error) return done(error);
    var cached = data && data.gatewayToken;
    if (cached && cached.expiresAt > Date.now() + 60 * 1000) {
      console.log('Using the cached gateway token');
      return done(null, cached.value);
    }
    console.log(cached ? 'Cached gateway token expired; requesting a new one' : 'No cached gateway token; requesting one');
    requestGatewayToken(context.webtask.secrets.GATEWAY_API_KEY, function (error, token) {
      if (error) return done(error);
      var next = Object.assign({}, data, {
        gatewayToken: { value: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 }
      });
      storage.set(next, { force: 1 }, function (error) {
        if (error) return done(error);
        done(null, token.access_token);
      });
    });
  });
}

module.exports = function (recipient, text, context, cb) {
  getGatewayToken(context, function (error, token) {
    if (error) return cb(error);
    console.log('Sending', context.message_type, 'to', recipient, 'with token', token.slice(0, 6) + '…');
    cb(null, { provider: 'example-gateway', recipient: recipient });
  });
};
`,
  // Hand-finished: api.cache takes the place of webtask storage, with promises for callbacks.
  action: {
    code: `var crypto = require('crypto');

// Stand-in for the gateway's POST /oauth/token (Hookpad has no network).
function requestGatewayToken(apiKey) {
  return new Promise(function (resolve) {
    setTimeout(function () {
      resolve({ access_token: 'gw_' + crypto.randomBytes(12).toString('hex'), expires_in: 3600 });
    }, 10);
  });
}

async function getGatewayToken(event, api) {
  // TODO(port): Actions have no webtask storage: use api.cache for data within one execution, or an external store.
  // api.cache starts empty (the hook's stored token is not carried over) and may forget a
  // value before it expires: the token is requested again when it is missing.
  var cached = api.cache.get('gatewayToken');
  if (cached) {
    console.log('Using the cached gateway token');
    return cached.value;
  }
  console.log('No cached gateway token; requesting one');
  var token = await requestGatewayToken(event.secrets.GATEWAY_API_KEY);
  api.cache.set('gatewayToken', token.access_token, { ttl: (token.expires_in - 60) * 1000 });
  return token.access_token;
}

exports.onExecuteSendPhoneMessage = async (event, api) => {
  var token = await getGatewayToken(event, api);
  var options = event.message_options;
  console.log('Sending', options.message_type, 'to', options.recipient, 'with token', token.slice(0, 6) + '…');
};
`,
  },
  secrets: { GATEWAY_API_KEY: 'gw-demo-api-key' },
  storage: { data: { gatewayToken: { value: 'gw_expired', expiresAt: 1700000000000 } } },
  expected:
    'Succeeds; the first run replaces the expired token in storage, the next run logs "Using the cached gateway token"',
};

const voiceDenied: HookExample = {
  id: 'send-phone-message-sms-only',
  point: 'send-phone-message',
  title: 'SMS only: refuse voice messages',
  description:
    'A provider that cannot place calls refuses voice messages with SendPhoneMessageError (a message for the logs, a friendly message for the user).',
  code: `module.exports = function (recipient, text, context, cb) {
  if (context.message_type !== 'sms') {
    return cb(new SendPhoneMessageError(
      'Unsupported message type ' + context.message_type + ' for ' + recipient,
      'We can only send codes by text message. Please choose SMS.'
    ));
  }

  console.log('Sending SMS to', recipient, '(' + context.action + ')');
  cb(null, {});
};
`,
  payload: phonePayload('voice'),
  expected:
    'Fails with SendPhoneMessageError "Unsupported message type voice for 1-808-555-5555": the message is not sent',
};

export const sendPhoneMessageExamples: readonly HookExample[] = [tokenCache, voiceDenied];
