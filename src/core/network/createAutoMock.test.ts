import { describe, expect, test } from 'vitest';
import type { AutoMockResult } from '../networkSchemas';
import { autoMockResultFinder } from './autoMockResults';
import { hook, runHook } from './runHook.testkit';

const rule = (path: string, result: unknown): AutoMockResult => ({
  path,
  resultText: JSON.stringify(result),
});

describe('auto-mock results: which rule answers a call', () => {
  test('an exact path, a wildcard module root, and exact before wildcard whatever the order', () => {
    const find = autoMockResultFinder([
      rule('*.customers.create', { id: 'any' }),
      rule('stripe.customers.create', { id: 'exact' }),
      rule('stripe.customers.create', { id: 'second exact' }),
      rule('*', { root: true }),
    ]);
    expect(find('stripe', 'stripe.customers.create')).toEqual({
      rule: 'stripe.customers.create',
      resultText: '{"id":"exact"}',
    });
    expect(find('braintree', 'braintree.customers.create')?.rule).toBe('*.customers.create');
    expect(find('stripe', 'stripe')?.rule).toBe('*');
    expect(find('stripe', 'stripe.customers.list')).toBeUndefined();
    expect(find('stripe', 'stripe.customers')).toBeUndefined();
  });

  test('rules without a path or with invalid JSON are not used; paths are trimmed', () => {
    const find = autoMockResultFinder([
      { path: '', resultText: '{}' },
      { path: 'stripe.charges.create', resultText: '{"id":' },
      { path: '  stripe.refunds.create ', resultText: '1' },
    ]);
    expect(find('stripe', 'stripe.charges.create')).toBeUndefined();
    expect(find('stripe', 'stripe.refunds.create')?.rule).toBe('stripe.refunds.create');
    expect(autoMockResultFinder()('stripe', 'stripe')).toBeUndefined();
  });
});

describe('auto-mock results in a run', () => {
  test('an awaited call resolves to its result; the entry records the path and the rule', async () => {
    const run = await runHook(
      hook(`
const stripe = require('stripe')('sk_test_1');
const customer = await stripe.customers.create({ email: user.email });
const other = await stripe.customers.list();
cb(null, { id: customer.id, plan: customer.plans[0].name, other });`),
      {
        autoMocks: ['stripe'],
        autoMockResults: [
          rule('*.customers.create', { id: 'cus_any' }),
          rule('stripe.customers.create', { id: 'cus_1', plans: [{ name: 'pro' }] }),
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { id: 'cus_1', plan: 'pro', other: {} },
    });
    expect(
      run.entries.map(({ call, callPath, resultRule }) => ({ call, callPath, resultRule })),
    ).toEqual([
      { call: "stripe('sk_test_1')", callPath: 'stripe', resultRule: undefined },
      {
        call: 'stripe(…).customers.create({email})',
        callPath: 'stripe.customers.create',
        resultRule: 'stripe.customers.create',
      },
      {
        call: 'stripe(…).customers.list()',
        callPath: 'stripe.customers.list',
        resultRule: undefined,
      },
    ]);
  });

  test('a wildcard rule answers any module; a trailing callback gets (null, result)', async () => {
    const run = await runHook(
      hook(`
const Braintree = require('braintree');
const gateway = new Braintree({ environment: 'sandbox' });
gateway.customers.create({ email: user.email }, function (err, customer) {
  cb(null, { err, customer });
});`),
      { autoMocks: ['braintree'], autoMockResults: [rule('*.customers.create', { id: 'c9' })] },
    );
    expect(run.outcome).toMatchObject({ response: { err: null, customer: { id: 'c9' } } });
    // A constructor is recorded without a path: it gives an instance, never a result.
    expect(run.entries[0]).not.toHaveProperty('callPath');
    expect(run.entries[1]).toMatchObject({
      callPath: 'braintree.customers.create',
      resultRule: '*.customers.create',
    });
  });

  test('each call gets its own deep copy, and its fields are plain values', async () => {
    const run = await runHook(
      hook(`
const crm = require('crm');
const first = await crm.contacts.get();
first.tags.push('changed');
first.owner.name = 'changed';
const second = await crm.contacts.get();
const unawaited = crm.contacts.get();
cb(null, {
  second,
  same: first === second,
  plain: typeof second.owner.name,
  isArray: Array.isArray(second.tags),
  keys: Object.keys(second.owner),
  unawaitedId: unawaited.id,
  json: JSON.stringify(second),
});`),
      {
        autoMocks: ['crm'],
        autoMockResults: [rule('crm.contacts.get', { id: 7, tags: ['a'], owner: { name: 'Ada' } })],
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        second: { id: 7, tags: ['a'], owner: { name: 'Ada' } },
        same: false,
        plain: 'string',
        isArray: true,
        keys: ['name'],
        unawaitedId: 7,
        json: '{"id":7,"tags":["a"],"owner":{"name":"Ada"}}',
      },
    });
  });

  test('a result that is not an object (null, a number) resolves as it is', async () => {
    const run = await runHook(
      hook(`
const sdk = require('sdk');
cb(null, { count: await sdk.count(), none: await sdk.find() });`),
      {
        autoMocks: ['sdk'],
        autoMockResults: [rule('sdk.count', 3), rule('sdk.find', null)],
      },
    );
    expect(run.outcome).toMatchObject({ response: { count: 3, none: null } });
  });

  test('without rules every call still resolves to {} and calls back (null, {})', async () => {
    const run = await runHook(
      hook(`
const sdk = require('sdk');
const value = await sdk.a.b();
sdk.c(function (err, got) { cb(null, { value, err, got }); });`),
      { autoMocks: ['sdk'] },
    );
    expect(run.outcome).toMatchObject({ response: { value: {}, err: null, got: {} } });
    expect(run.entries.map((entry) => entry.callPath)).toEqual(['sdk.a.b', 'sdk.c']);
  });
});
