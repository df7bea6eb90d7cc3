import { describe, expect, it } from 'vitest';
import { readPersisted, STORAGE_KEY, STORAGE_VERSION } from './persistedState';

const EMPTY_NETWORK = { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] };

/** What JSON.parse gives for the `state` of the stored `{ state, version }`. */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the legacy localStorage format', () => {
  it('is the foundation’s key and version', () => {
    expect(STORAGE_KEY).toBe('hookpad:v1');
    expect(STORAGE_VERSION).toBe(3);
  });
});

describe('readPersisted (migration reader)', () => {
  it('reads version 3: drafts with secrets and network settings, storage, selection and layout', () => {
    const mock = {
      id: 'm1',
      method: 'GET',
      urlPattern: 'https://plans.example.com/*',
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"tier":"pro"}',
      delayMs: 5,
    };
    const state = roundTrip({
      pointId: 'post-user-registration',
      drafts: {
        'post-user-registration': {
          code: "console.log('edited')",
          payloadText: '{ not json yet',
          secrets: [{ id: 's1', name: 'API_KEY', value: 'k' }],
          network: {
            mocks: [mock],
            allowNetwork: true,
            moduleMocks: [
              { name: 'lib', code: 'module.exports = 1;' },
              { name: '', code: '' },
            ],
            autoMocks: ['twilio'],
          },
        },
      },
      storage: { 'post-user-registration': { data: { count: 2 }, etag: 'e' } },
      timeoutMs: 2500,
      codePaneFraction: 0.4,
    });
    expect(readPersisted(state)).toEqual({
      pointId: 'post-user-registration',
      drafts: {
        'post-user-registration': {
          code: "console.log('edited')",
          payloadText: '{ not json yet',
          secrets: [{ id: 's1', name: 'API_KEY', value: 'k' }],
          network: {
            mocks: [mock],
            allowNetwork: true,
            moduleMocks: [
              { name: 'lib', code: 'module.exports = 1;' },
              { name: '', code: '' },
            ],
            autoMocks: ['twilio'],
          },
        },
      },
      storage: { 'post-user-registration': { data: { count: 2 }, etag: 'e' } },
      timeoutMs: 2500,
      codePaneFraction: 0.4,
    });
  });

  it('migrates version 1 (drafts without secrets, no storage)', () => {
    const read = readPersisted({
      pointId: 'pre-user-registration',
      drafts: { 'pre-user-registration': { code: 'v1 code', payloadText: '{"user":{}}' } },
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    });
    expect(read).toEqual({
      pointId: 'pre-user-registration',
      drafts: {
        'pre-user-registration': {
          code: 'v1 code',
          payloadText: '{"user":{}}',
          secrets: [],
          network: EMPTY_NETWORK,
        },
      },
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    });
    expect(read).not.toHaveProperty('storage');
  });

  it('migrates version 2 (drafts without network settings)', () => {
    expect(
      readPersisted({
        pointId: 'send-phone-message',
        drafts: {
          'send-phone-message': {
            code: 'v2 code',
            payloadText: '{}',
            secrets: [{ id: 's1', name: 'K', value: 'v' }],
          },
        },
        storage: { 'send-phone-message': { data: { n: 1 } } },
        timeoutMs: 3000,
        codePaneFraction: 0.5,
      }),
    ).toEqual({
      pointId: 'send-phone-message',
      drafts: {
        'send-phone-message': {
          code: 'v2 code',
          payloadText: '{}',
          secrets: [{ id: 's1', name: 'K', value: 'v' }],
          network: EMPTY_NETWORK,
        },
      },
      storage: { 'send-phone-message': { data: { n: 1 } } },
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    });
  });

  it('reads state of an unknown older version leniently', () => {
    expect(
      readPersisted({
        pointId: 'post-change-password',
        drafts: { 'post-change-password': { code: 'old', payloadText: '{}' } },
      }),
    ).toEqual({
      pointId: 'post-change-password',
      drafts: {
        'post-change-password': {
          code: 'old',
          payloadText: '{}',
          secrets: [],
          network: EMPTY_NETWORK,
        },
      },
    });
  });

  it('keeps the valid parts of damaged stored state', () => {
    const read = readPersisted({
      pointId: 'no-such-point',
      drafts: {
        'pre-user-registration': { code: 'survivor', payloadText: '{}' },
        'post-change-password': { code: 42 },
        'no-such-point': { code: 'x', payloadText: '' },
      },
      timeoutMs: 5,
      codePaneFraction: 3,
    });
    expect(read.pointId).toBeUndefined();
    expect(read.timeoutMs).toBeUndefined();
    expect(read.codePaneFraction).toBe(0.8);
    expect(Object.keys(read.drafts ?? {})).toEqual(['pre-user-registration']);
    expect(read.drafts?.['pre-user-registration']?.code).toBe('survivor');
  });

  it('keeps a draft whose secrets or storage are damaged, and gives a row without id one', () => {
    const read = readPersisted({
      drafts: {
        'send-phone-message': {
          code: 'kept',
          payloadText: '{}',
          secrets: [{ name: 'OK', value: 'v' }, { name: 1 }, 'junk'],
        },
        'post-change-password': { code: 'also kept', payloadText: '{}', secrets: 'nope' },
      },
      storage: {
        'send-phone-message': { etag: 5 },
        'post-change-password': { data: [1] },
        'no-such-point': { data: 1 },
      },
    });
    expect(read.drafts?.['send-phone-message']).toMatchObject({
      code: 'kept',
      secrets: [{ id: expect.any(String), name: 'OK', value: 'v' }],
    });
    expect(read.drafts?.['send-phone-message']?.secrets[0]?.id).not.toBe('');
    expect(read.drafts?.['post-change-password']).toMatchObject({
      code: 'also kept',
      secrets: [],
    });
    expect(read.storage).toEqual({ 'post-change-password': { data: [1] } });
  });

  it('keeps the valid parts of damaged network settings', () => {
    const good = {
      id: 'a',
      method: 'GET',
      urlPattern: 'u',
      status: 200,
      headers: {},
      body: '',
      delayMs: 0,
    };
    const read = readPersisted(
      roundTrip({
        drafts: {
          'send-phone-message': {
            code: 'kept',
            payloadText: '{}',
            network: {
              mocks: [good, { ...good, status: 999 }, { ...good }, { ...good, id: undefined }],
              allowNetwork: 'yes',
              moduleMocks: [{ name: 'm', code: 'x' }, { name: 'n' }, 3],
              autoMocks: ['t', 4, 't'],
            },
          },
          'post-change-password': { code: 'also kept', payloadText: '{}', network: 'nope' },
        },
      }),
    );
    const network = read.drafts?.['send-phone-message']?.network;
    // The repeated id and the missing one get fresh ids: ids address rows.
    expect(network?.mocks).toHaveLength(3);
    expect(new Set(network?.mocks.map((mock) => mock.id)).size).toBe(3);
    expect(network?.mocks[0]).toEqual(good);
    expect(network?.allowNetwork).toBe(false);
    expect(network?.moduleMocks).toEqual([{ name: 'm', code: 'x' }]);
    expect(network?.autoMocks).toEqual(['t']);
    expect(read.drafts?.['post-change-password']).toMatchObject({
      code: 'also kept',
      network: EMPTY_NETWORK,
    });
  });

  it('reads nothing from what is not an object', () => {
    for (const value of [null, undefined, 'text', 42, true]) {
      expect(readPersisted(value)).toEqual({});
    }
    expect(readPersisted({ drafts: 'nope', storage: null })).toEqual({});
  });
});
