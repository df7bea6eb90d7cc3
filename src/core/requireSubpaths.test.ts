import { describe, expect, test } from 'vitest';
import { hook, runHook } from './network/runHook.testkit';
import { splitSubpath } from './createRequire';
import { missingModuleOf } from './missingModule';

// A package's mock covers its subpaths (docs/runtime-semantics.md §10): published hooks
// require `lodash/get` or `twilio/lib/rest/Twilio`, and the user mocks `lodash` or `twilio`.

describe('subpaths of a mocked package', () => {
  test('splitSubpath: plain and scoped packages', () => {
    expect(splitSubpath('lodash/get')).toEqual({ root: 'lodash', subpath: 'get' });
    expect(splitSubpath('@slack/web-api/dist/x')).toEqual({
      root: '@slack/web-api',
      subpath: 'dist/x',
    });
    expect(splitSubpath('lodash')).toBeUndefined();
    expect(splitSubpath('@slack/web-api')).toBeUndefined();
  });

  test('a module mock answers `pkg/name` with its own `name`, other subpaths with itself', async () => {
    const run = await runHook(
      hook(`const get = require('lodash/get');
const fp = require('lodash/fp/compose');
const whole = require('lodash');
cb(null, { got: get({ a: { b: 2 } }, 'a.b'), same: fp === whole, toString: require('lodash/toString') === whole });`),
      {
        moduleMocks: [
          {
            name: 'lodash',
            code: `exports.get = (o, p) => p.split('.').reduce((v, k) => v[k], o);`,
          },
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { got: 2, same: true, toString: true },
      requires: [
        { name: 'lodash/get', kind: 'mock' },
        { name: 'lodash/fp/compose', kind: 'mock' },
        { name: 'lodash', kind: 'mock' },
        { name: 'lodash/toString', kind: 'mock' },
      ],
    });
  });

  test('a mock of the exact subpath wins over the package’s', async () => {
    const run = await runHook(hook(`cb(null, { v: require('lodash/get') });`), {
      moduleMocks: [
        { name: 'lodash', code: `exports.get = 'package';` },
        { name: 'lodash/get', code: `module.exports = 'exact';` },
      ],
    });
    expect(run.outcome).toMatchObject({ response: { v: 'exact' } });
  });

  test('an auto-mocked package answers any subpath with a proxy named for the path', async () => {
    const run = await runHook(
      hook(`const Twilio = require('twilio/lib/rest/Twilio');
const client = new Twilio('AC1', 'token');
await client.messages.create({ to: '+1', body: 'hi' });
cb(null, {});`),
      { autoMocks: ['twilio'] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      requires: [{ name: 'twilio/lib/rest/Twilio', kind: 'auto-mock' }],
    });
    expect(run.entries.map((entry) => entry.call)).toEqual([
      "new twilio/lib/rest/Twilio('AC1', 'token')",
      'new twilio/lib/rest/Twilio(…).messages.create({to, body})',
    ]);
  });

  test('an unmocked subpath names its package as the module to mock', async () => {
    const run = await runHook(hook(`require('twilio/lib/rest/Twilio'); cb();`));
    if (run.outcome.status !== 'failed') throw new Error('expected a failure');
    expect(run.outcome.error.message).toBe(
      "Module 'twilio/lib/rest/Twilio' is not available in Hookpad — add a module mock or choose Auto-mock for it",
    );
    expect(missingModuleOf(run.outcome.error)).toBe('twilio');
  });
});
