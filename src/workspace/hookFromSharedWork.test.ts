import { describe, expect, test } from 'vitest';
import { hookFromSharedWork, type SharedWork } from './hookFromSharedWork';

const work: SharedWork = {
  point: 'credentials-exchange',
  name: 'Add claim',
  code: 'module.exports = function (client, scope, audience, context, cb) { cb(null, {}); };',
  payload: { client: { id: 'abc' } },
  tests: [
    {
      name: 'adds the claim',
      payloadText: '{}',
      overrides: { secrets: { KEY: '' } },
      expectations: { outcome: { status: 'succeeded' } },
    },
    { name: 'second', payloadText: '[]', expectations: {} },
  ],
};

describe('hookFromSharedWork', () => {
  test("the hook holds the link's tests in order, each with a new id", () => {
    const first = hookFromSharedWork(work, []);
    const second = hookFromSharedWork(work, [first.name]);

    expect(first.tests.map(({ id: _id, ...test }) => test)).toEqual(work.tests);
    const ids = [...first.tests, ...second.tests].map((test) => test.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => id.startsWith('test-'))).toBe(true);
  });

  test('a link without tests makes a hook without tests', () => {
    const { tests: _tests, ...withoutTests } = work;
    expect(hookFromSharedWork(withoutTests, [], 'link-1')).toMatchObject({
      tests: [],
      openedFrom: 'link-1',
    });
  });
});
