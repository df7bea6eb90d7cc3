import { points } from '../core/points';
import type { PointId } from '../core/schemas';
import { STORAGE_KEY } from './legacy/persistedState';
import { starterHookDraft } from '../workspace/newHook';
import { createMemoryStorage, type MemoryStorage } from './storageFakes.testSupport';

/** The localStorage drafts of earlier Hookpad versions, as the migration tests read them. */

const starterFor = (pointId: PointId) => {
  const { code, payloadText } = starterHookDraft(pointId);
  return { code, payloadText };
};

/** The foundation's localStorage JSON, version 1: code and payload text per point. */
export const legacyV1 = {
  state: {
    pointId: 'post-user-registration',
    drafts: {
      'credentials-exchange': starterFor('credentials-exchange'),
      'post-user-registration': {
        code: 'module.exports = function (user, context, cb) { cb(null, { v: 1 }); };',
        payloadText: '{ "user": {} }',
      },
    },
    timeoutMs: 2500,
    codePaneFraction: 0.4,
  },
  version: 1,
};

/** Version 2: secrets rows and per-point webtask storage. */
export const legacyV2 = {
  state: {
    pointId: 'send-phone-message',
    drafts: {
      'pre-user-registration': {
        ...starterFor('pre-user-registration'),
        secrets: [{ id: 'secret-1', name: 'API_KEY', value: 'k-123' }],
      },
      'send-phone-message': { ...starterFor('send-phone-message'), secrets: [] },
    },
    storage: {
      'send-phone-message': { data: { sent: 2 }, etag: 'etag-1' },
      'post-change-password': {},
    },
    timeoutMs: 7000,
    codePaneFraction: 0.6,
  },
  version: 2,
};

/** Version 3: network settings per draft. */
export const legacyV3 = {
  state: {
    pointId: 'credentials-exchange',
    drafts: {
      'post-change-password': {
        ...starterFor('post-change-password'),
        secrets: [],
        network: {
          mocks: [
            {
              id: 'mock-1',
              method: 'GET',
              urlPattern: 'https://api.example.com/*',
              status: 200,
              headers: {},
              body: '{"ok":true}',
              delayMs: 0,
            },
          ],
          allowNetwork: true,
          moduleMocks: [{ name: 'axios', code: 'module.exports = {};' }],
          autoMocks: ['request'],
        },
      },
      'credentials-exchange': { ...starterFor('credentials-exchange'), secrets: [] },
    },
    storage: {},
    timeoutMs: 20000,
    codePaneFraction: 0.55,
  },
  version: 3,
};

/** Every point at its starter, storage empty: nothing to migrate. */
export const legacyStarters = {
  state: {
    pointId: 'pre-user-registration',
    drafts: Object.fromEntries(
      points.map((point) => [point.id, { ...starterFor(point.id), secrets: [] }]),
    ),
    storage: Object.fromEntries(points.map((point) => [point.id, {}])),
    timeoutMs: 3000,
    codePaneFraction: 0.5,
  },
  version: 3,
};

export const legacyStorageWith = (value: unknown): MemoryStorage =>
  createMemoryStorage({ [STORAGE_KEY]: JSON.stringify(value) });
