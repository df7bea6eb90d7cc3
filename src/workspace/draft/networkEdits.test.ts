import { describe, expect, it } from 'vitest';
import type { HttpMock } from '../../core/networkSchemas';
import type { HookDraft } from '../hookRecord';
import { MODULE_MOCK_STARTER } from './network';
import {
  addAutoMockEdit,
  addHttpMockEdit,
  addModuleMockEdit,
  findHttpMockFor,
  httpMockFor,
  moveHttpMockEdit,
  removeAutoMockEdit,
  removeHttpMockEdit,
  removeModuleMockEdit,
  renameAutoMockEdit,
  setAllowNetworkEdit,
  updateHttpMockEdit,
  updateModuleMockEdit,
} from './networkEdits';

type Network = HookDraft['network'];

const mock = (id: string, extra: Partial<HttpMock> = {}): HttpMock => ({
  id,
  method: 'ANY',
  urlPattern: '',
  status: 200,
  headers: {},
  body: '',
  delayMs: 0,
  ...extra,
});

const network = (extra: Partial<Network> = {}): Network => ({
  mocks: [],
  allowNetwork: false,
  moduleMocks: [],
  autoMocks: [],
  ...extra,
});

/** Deep-frozen, so an edit that mutates its input throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

describe('HTTP mock edits', () => {
  it('add appends the mock', () => {
    const before = frozen(network({ mocks: [mock('a')] }));
    expect(addHttpMockEdit(mock('b'))(before)?.mocks.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('update patches one mock, keeps its id, and is a no-op for an unknown id', () => {
    const before = frozen(network({ mocks: [mock('a'), mock('b')] }));
    const after = updateHttpMockEdit('b', { status: 404, id: 'x' } as never)(before);
    expect(after?.mocks).toEqual([mock('a'), mock('b', { status: 404 })]);
    expect(after?.mocks[0]).toBe(before.mocks[0]);
    expect(updateHttpMockEdit('nope', { status: 500 })(before)).toBeUndefined();
  });

  it('remove drops the mock, and is a no-op for an unknown id', () => {
    const before = frozen(network({ mocks: [mock('a'), mock('b')] }));
    expect(removeHttpMockEdit('a')(before)?.mocks).toEqual([mock('b')]);
    expect(removeHttpMockEdit('nope')(before)).toBeUndefined();
  });

  it('move shifts a mock, clamped at the ends; a no-op move gives undefined', () => {
    const before = frozen(network({ mocks: [mock('a'), mock('b'), mock('c')] }));
    const order = (value: Network | undefined) => value?.mocks.map((m) => m.id);
    expect(order(moveHttpMockEdit('c', -1)(before))).toEqual(['a', 'c', 'b']);
    expect(order(moveHttpMockEdit('a', 9)(before))).toEqual(['b', 'c', 'a']);
    expect(order(moveHttpMockEdit('b', -9)(before))).toEqual(['b', 'a', 'c']);
    expect(moveHttpMockEdit('a', -1)(before)).toBeUndefined();
    expect(moveHttpMockEdit('c', 1)(before)).toBeUndefined();
    expect(moveHttpMockEdit('b', 0)(before)).toBeUndefined();
    expect(moveHttpMockEdit('b', 0.5)(before)).toBeUndefined();
    expect(moveHttpMockEdit('nope', 1)(before)).toBeUndefined();
  });

  it('allow-network switches, and is a no-op when already so', () => {
    const before = frozen(network());
    expect(setAllowNetworkEdit(true)(before)?.allowNetwork).toBe(true);
    expect(setAllowNetworkEdit(false)(before)).toBeUndefined();
  });

  it('keep the other settings as they are', () => {
    const before = frozen(
      network({ moduleMocks: [{ name: 'm', code: 'c' }], autoMocks: ['t'], allowNetwork: true }),
    );
    const after = addHttpMockEdit(mock('a'))(before);
    expect(after?.moduleMocks).toBe(before.moduleMocks);
    expect(after?.autoMocks).toBe(before.autoMocks);
    expect(after?.allowNetwork).toBe(true);
  });
});

describe('a mock for a refused request', () => {
  const url = 'https://api.example.com/users';

  it('answers exactly that method and URL with 200 and an empty body', () => {
    const made = httpMockFor({ method: 'post', url });
    expect(made).toEqual({ ...mock(made.id), method: 'POST', urlPattern: url });
    expect(made.id).not.toBe(httpMockFor({ url }).id);
  });

  it('is GET when the client did not say', () => {
    expect(httpMockFor({ url }).method).toBe('GET');
    expect(httpMockFor({ method: undefined, url }).method).toBe('GET');
  });

  it('is found among the mocks only with the same method and the exact URL', () => {
    const exact = mock('exact', { method: 'GET', urlPattern: url });
    const before = frozen(
      network({
        mocks: [
          mock('any', { urlPattern: url }),
          mock('prefix', { method: 'GET', urlPattern: `${url}*` }),
          mock('post', { method: 'POST', urlPattern: url }),
          exact,
        ],
      }),
    );
    expect(findHttpMockFor(before, { method: 'GET', url })).toBe(exact);
    expect(findHttpMockFor(before, { method: 'get', url })).toBe(exact);
    expect(findHttpMockFor(before, { url })).toBe(exact);
    expect(findHttpMockFor(before, { method: 'POST', url })?.id).toBe('post');
    expect(findHttpMockFor(before, { method: 'DELETE', url })).toBeUndefined();
    expect(findHttpMockFor(before, { method: 'GET', url: `${url}/1` })).toBeUndefined();
  });
});

describe('module mock edits', () => {
  it('add appends a starter row once and takes the module off auto-mocking', () => {
    const before = frozen(network({ autoMocks: ['twilio', 'stripe'] }));
    const after = addModuleMockEdit('twilio')(before);
    expect(after).toEqual(
      network({
        moduleMocks: [{ name: 'twilio', code: MODULE_MOCK_STARTER }],
        autoMocks: ['stripe'],
      }),
    );
    expect(addModuleMockEdit('twilio')(frozen(after!))).toBeUndefined();
  });

  it('add allows one unnamed row to start with', () => {
    expect(addModuleMockEdit('')(frozen(network()))?.moduleMocks).toEqual([
      { name: '', code: MODULE_MOCK_STARTER },
    ]);
  });

  it('update patches by index; a rename carries the auto-mock switch along', () => {
    const before = frozen(
      network({
        moduleMocks: [
          { name: 'a', code: 'x' },
          { name: 'b', code: 'y' },
        ],
        autoMocks: ['a', 'other'],
      }),
    );
    expect(updateModuleMockEdit(1, { code: 'z' })(before)).toEqual({
      ...before,
      moduleMocks: [
        { name: 'a', code: 'x' },
        { name: 'b', code: 'z' },
      ],
    });
    expect(updateModuleMockEdit(0, { name: 'aa' })(before)).toEqual({
      ...before,
      moduleMocks: [
        { name: 'aa', code: 'x' },
        { name: 'b', code: 'y' },
      ],
      autoMocks: ['aa', 'other'],
    });
    // A rename of a module that is not auto-mocked leaves the list alone.
    expect(updateModuleMockEdit(1, { name: 'bb' })(before)?.autoMocks).toBe(before.autoMocks);
  });

  it('update is a no-op for an unknown index or an unchanged row', () => {
    const before = frozen(network({ moduleMocks: [{ name: 'a', code: 'x' }] }));
    expect(updateModuleMockEdit(3, { code: 'z' })(before)).toBeUndefined();
    expect(updateModuleMockEdit(-1, { code: 'z' })(before)).toBeUndefined();
    expect(updateModuleMockEdit(0, { name: 'a', code: 'x' })(before)).toBeUndefined();
    expect(updateModuleMockEdit(0, {})(before)).toBeUndefined();
  });

  it('remove drops the row and its auto-mock switch; an unknown index is a no-op', () => {
    const before = frozen(
      network({
        moduleMocks: [
          { name: 'a', code: 'x' },
          { name: 'b', code: 'y' },
        ],
        autoMocks: ['a', 'c'],
      }),
    );
    expect(removeModuleMockEdit(0)(before)).toEqual({
      ...before,
      moduleMocks: [{ name: 'b', code: 'y' }],
      autoMocks: ['c'],
    });
    expect(removeModuleMockEdit(2)(before)).toBeUndefined();
  });
});

describe('auto-mock edits', () => {
  it('add once, remove, and rename in place', () => {
    const before = frozen(network({ autoMocks: ['twilio'] }));
    expect(addAutoMockEdit('stripe')(before)?.autoMocks).toEqual(['twilio', 'stripe']);
    expect(addAutoMockEdit('twilio')(before)).toBeUndefined();
    expect(removeAutoMockEdit('twilio')(before)?.autoMocks).toEqual([]);
    expect(removeAutoMockEdit('stripe')(before)).toBeUndefined();
    const two = frozen(network({ autoMocks: ['a', 'b'] }));
    expect(renameAutoMockEdit('a', 'c')(two)?.autoMocks).toEqual(['c', 'b']);
    expect(renameAutoMockEdit('a', 'a')(two)).toBeUndefined();
    expect(renameAutoMockEdit('x', 'y')(two)).toBeUndefined();
  });
});
