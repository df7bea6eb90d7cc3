import { bytesToText } from '../bytes';
import { hookLocation, type ClientContext } from './clientContext';

// slack-notify (the 0.1.x API hooks were written against): require('slack-notify')(url)
// gives send/extend and the presets bug/success/alert/note, with the library's defaults and
// its `fields` → attachment convention. Decision: the payload is POSTed as JSON
// (`content-type: application/json`, the body is the payload itself) — Slack's webhooks
// accept it, and the trace shows it readably; 0.1.x sent the same JSON as a form field
// `payload=…`. `done(err)` gets an error unless Slack answers "ok", as in the library; the
// methods also return a promise (as slack-notify 2 does), which never reports an unhandled
// rejection by itself.

type Message = Record<string, unknown>;
type Done = (error?: unknown) => void;

const DEFAULTS: Message = {
  channel: '#general',
  username: 'Robot',
  text: '',
  icon_emoji: ':bell:',
};

const PRESETS: Record<string, Message> = {
  bug: { channel: '#bugs', icon_emoji: ':bomb:', username: 'Bug' },
  success: { channel: '#alerts', icon_emoji: ':trophy:', username: 'Hoorah' },
  alert: { channel: '#alerts', icon_emoji: ':warning:', username: 'Alert' },
  note: { channel: '#alerts', icon_emoji: ':bulb:', username: 'Note' },
};

/** The JSON payload slack-notify sends for these options (defaults, fields → attachment). */
export function slackPayload(input: unknown): Message {
  const options: Message = typeof input === 'string' ? { text: input } : { ...(input as Message) };
  const data: Message = { ...DEFAULTS, ...options };
  if (options.fields && typeof options.fields === 'object') {
    const attachments = Array.isArray(data.attachments) ? [...data.attachments] : [];
    attachments.push({
      fallback: 'Alert details',
      fields: Object.entries(options.fields as Record<string, unknown>).map(([title, value]) => ({
        title,
        value,
        short: String(value).length < 25,
      })),
    });
    data.attachments = attachments;
    delete data.fields;
  }
  if (options.icon_url && !options.icon_emoji) delete data.icon_emoji;
  return data;
}

export function createSlackNotify(context: ClientContext) {
  return function slackNotify(url?: unknown) {
    const pub: Record<string, unknown> = {};

    function post(data: Message, done: unknown): Promise<void> {
      const callback: Done = typeof done === 'function' ? (done as Done) : () => undefined;
      const later = (fn: () => void) => context.timers.setTimeout(fn, 0);
      if (!url) {
        context.log('No Slack URL configured.');
        return Promise.resolve();
      }
      const location = hookLocation();
      const result = context.router
        .route({
          client: 'slack-notify',
          method: 'POST',
          url: String(url),
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(data),
          ...(location ? { location } : {}),
        })
        .then(
          (response) => {
            const body = bytesToText(response.body);
            const error = body === 'ok' ? undefined : new Error(body);
            later(() => callback(error));
            if (error) throw error;
          },
          (error: unknown) => {
            later(() => callback(error));
            throw error;
          },
        );
      result.catch(() => undefined);
      return result;
    }

    pub.request = (data: unknown, done?: unknown) => post(data as Message, done);
    pub.send = (options: unknown, done?: unknown) => post(slackPayload(options), done);
    pub.extend = (defaults: unknown) => (options: unknown, done?: unknown) => {
      const own = typeof options === 'string' ? { text: options } : (options as Message);
      return post(slackPayload({ ...(defaults as Message), ...own }), done);
    };
    for (const [name, preset] of Object.entries(PRESETS)) {
      pub[name] = (pub.extend as (d: unknown) => unknown)(preset);
    }
    return pub;
  };
}
