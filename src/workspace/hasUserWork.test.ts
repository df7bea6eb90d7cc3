import { describe, expect, it } from 'vitest';
import { hasUserWork } from './hasUserWork';
import type { HookRecord } from './hookRecord';
import { newHook, starterHookDraft } from './newHook';

const first = (extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id: 'h', pointId: 'credentials-exchange', name: 'Client Credentials Exchange' }),
  ...extra,
});

describe('hasUserWork', () => {
  it('sees none in a first visit’s workspace, whatever point its starter hook is on', () => {
    expect(hasUserWork([first()])).toBe(false);
    expect(
      hasUserWork([
        first({
          pointId: 'send-phone-message',
          name: 'Send Phone Message',
          draft: starterHookDraft('send-phone-message'),
        }),
      ]),
    ).toBe(false);
  });

  it('sees a second hook, an edited draft, a saved version or a name of the user’s', () => {
    const hook = first();
    expect(hasUserWork([hook, { ...hook, id: 'h2' }])).toBe(true);
    expect(hasUserWork([first({ draft: { ...hook.draft, code: '// mine' } })])).toBe(true);
    expect(hasUserWork([first({ draft: { ...hook.draft, payloadText: '{}' } })])).toBe(true);
    const version = {
      id: 'v',
      savedAt: 1,
      message: '',
      pointId: hook.pointId,
      draft: hook.draft,
    };
    expect(hasUserWork([first({ versions: [version] })])).toBe(true);
    expect(hasUserWork([first({ name: 'My exchange' })])).toBe(true);
  });
});
