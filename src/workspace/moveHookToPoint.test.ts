import { describe, expect, it } from 'vitest';
import type { PointId } from '../core/schemas';
import type { HookRecord } from './hookRecord';
import { moveHookToPoint } from './moveHookToPoint';
import { newHook, starterHookDraft } from './newHook';

const CCE: PointId = 'credentials-exchange';
const PRE: PointId = 'pre-user-registration';
const POST: PointId = 'post-user-registration';

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

describe('moveHookToPoint with an Action draft', () => {
  const action = {
    code: 'exports.onExecuteCredentialsExchange = async () => {};',
    dependencies: { axios: '1.6.8' },
    notes: [],
  };
  const ported = (extra: Partial<HookRecord> = {}) =>
    hook({ name: 'Mine', draft: { ...starterHookDraft(CCE), code: 'mine', action }, ...extra });

  it('keeps the draft with its Action as a version, and the moved draft has none', () => {
    const moved = moveHookToPoint(ported(), PRE);
    expect(moved.pointId).toBe(PRE);
    expect(moved.draft.action).toBeUndefined();
    expect(moved.draft.code).toBe('mine');
    expect(moved.versions).toHaveLength(1);
    expect(moved.versions[0]).toMatchObject({
      pointId: CCE,
      message: 'Draft with its Action, before moving to Pre-User Registration',
    });
    expect(moved.versions[0]!.draft.action).toEqual(action);
  });

  it('adds no version when one already holds the draft with its Action', () => {
    const record = ported();
    const saved = {
      ...record,
      versions: [{ id: 'v', savedAt: 1, message: '', pointId: CCE, draft: record.draft }],
    };
    const moved = moveHookToPoint(saved, POST);
    expect(moved.versions).toEqual(saved.versions);
    expect(moved.draft.action).toBeUndefined();
  });

  it('a hook without an Action moves without a version', () => {
    expect(
      moveHookToPoint(hook({ draft: { ...starterHookDraft(CCE), code: 'mine' } }), PRE).versions,
    ).toEqual([]);
  });
});
