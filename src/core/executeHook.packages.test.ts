import { describe, expect, test } from 'vitest';
import { manifest, treeOf } from './commonjs/packageTrees.testSupport';
import { hook, mock, runHook } from './network/runHook.testkit';

// A run's stored packages (RunRequest.packages) run for real inside the hook's run, with the
// hook's built-ins and routed HTTP clients (docs/runtime-semantics.md §10.1).

const packages = treeOf({
  'node_modules/greeter/package.json': manifest({ name: 'greeter', version: '2.1.0' }),
  'node_modules/greeter/index.js': `
    const { format } = require('util');
    module.exports = (name) => format('Hello, %s!', name);`,
  'node_modules/crm-client/package.json': manifest({
    name: 'crm-client',
    version: '1.0.0',
    main: 'lib/client.js',
  }),
  'node_modules/crm-client/lib/client.js': `
    const https = require('https');
    exports.plan = (id) => new Promise((resolve, reject) => {
      https.get('https://crm.example.com/users/' + id, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body).plan));
      }).on('error', reject);
    });`,
});

describe('stored packages in a run', () => {
  test("a stored package's real code runs, and the run says which version ran", async () => {
    const run = await runHook(
      hook(`cb(null, { greeting: require('greeter')('Ada') });`),
      {},
      { packages },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { greeting: 'Hello, Ada!' },
      requires: [{ name: 'greeter', kind: 'package', installed: '2.1.0' }],
    });
  });

  test("a package's HTTP request goes through the run's mocks and is listed as the hook's own", async () => {
    const run = await runHook(
      hook(`cb(null, { plan: await require('crm-client').plan('42') });`),
      {
        mocks: [
          mock({
            urlPattern: 'https://crm.example.com/users/42',
            body: JSON.stringify({ plan: 'gold' }),
          }),
        ],
      },
      { packages },
    );
    expect(run.outcome).toMatchObject({ status: 'succeeded', response: { plan: 'gold' } });
    expect(run.entries).toEqual([
      expect.objectContaining({ method: 'GET', url: 'https://crm.example.com/users/42' }),
    ]);
  });

  test('a module mock of the same name wins over the stored package', async () => {
    const run = await runHook(
      hook(`cb(null, { greeting: require('greeter')('Ada') });`),
      { moduleMocks: [{ name: 'greeter', code: `module.exports = () => 'mocked';` }] },
      { packages },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { greeting: 'mocked' },
      requires: [{ name: 'greeter', kind: 'mock' }],
    });
  });

  test('without stored packages the module is missing, as before', async () => {
    const run = await runHook(hook(`cb(null, { greeting: require('greeter')('Ada') });`));
    expect(run.outcome).toMatchObject({ status: 'failed' });
  });
});
