import { describe, expect, it } from 'vitest';
import type { HookRecord } from './hookRecord';
import { moveHookToPoint } from './moveHookToPoint';
import { newHook, starterHookDraft } from './newHook';

const CCE = 'credentials-exchange';
const PRE = 'pre-user-registration';
const POST = 'post-user-registration';

const hook = (extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id: 'h', pointId: CCE, name: 'Client Credentials Exchange', now: 1 }),
  ...extra,
});

describe('moveHookToPoint', () => {
  it('gives back the same record for the hook’s own point', () => {
    const record = hook();
    expect(moveHookToPoint(record, CCE)).toBe(record);
  });

  it('swaps what is still the old point’s starter code, payload and name', () => {
    const moved = moveHookToPoint(hook(), PRE);
    expect(moved).toMatchObject({ pointId: PRE, name: 'Pre-User Registration' });
    expect(moved.draft).toEqual(starterHookDraft(PRE));
  });

  it('keeps what the user wrote, each part on its own', () => {
    const record = hook({
      name: 'My exchange',
      draft: { ...starterHookDraft(CCE), code: 'mine' },
    });
    const moved = moveHookToPoint(record, PRE);
    expect(moved.name).toBe('My exchange');
    expect(moved.draft.code).toBe('mine');
    expect(moved.draft.payloadText).toBe(starterHookDraft(PRE).payloadText);
  });

  it('numbers a point name taken by another hook, and ignores the hook’s own name', () => {
    const other = newHook({ id: 'o', pointId: PRE, name: 'Pre-User Registration' });
    const record = hook({ name: 'Client Credentials Exchange 3' });
    const moved = moveHookToPoint(record, PRE, { others: [other, record] });
    expect(moved.name).toBe('Pre-User Registration 2');
  });

  it('disables an enabled hook moving onto a point that has an enabled hook', () => {
    const enabledPre = { ...newHook({ id: 'o', pointId: PRE, name: 'o' }), enabled: true };
    const record = hook({ enabled: true });
    expect(moveHookToPoint(record, PRE, { others: [enabledPre] }).enabled).toBe(false);
    expect(moveHookToPoint(record, POST, { others: [enabledPre] }).enabled).toBe(true);
  });

  it('moves only the parts the caller says can have come from the point', () => {
    const moved = moveHookToPoint(hook(), PRE, { fromPoint: ['payload'] });
    expect(moved.draft.code).toBe(starterHookDraft(CCE).code);
    expect(moved.draft.payloadText).toBe(starterHookDraft(PRE).payloadText);
    expect(moved.name).toBe('Client Credentials Exchange');
  });
});
