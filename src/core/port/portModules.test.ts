import { describe, expect, it } from 'vitest';
import { constructs, port, userHook } from './portTestkit';

// Rule 6: versioned requires become dependencies. Rule 7: webtask storage, meta, headers and
// global caches are kept and noted.

describe('portHookToAction: requires', () => {
  it('strips a pinned version from require and records it as a dependency', () => {
    const hook = `var axios = require('axios@1.6.8');\nvar scoped = require('@acme/sdk@2.0.0');\n${userHook('cb();')}`;
    const { code, dependencies, notes } = port(hook, 'post-user-registration');
    expect(code).toContain("var axios = require('axios');\nvar scoped = require('@acme/sdk');\n");
    expect(dependencies).toEqual({ axios: '1.6.8', '@acme/sdk': '2.0.0' });
    expect(notes).toEqual([]);
  });

  it('carries the hook’s own dependencies over, and needs none for Node built-ins', () => {
    const hook = `var util = require('util@0.12.5');\nvar crypto = require('node:crypto');\nvar _ = require('lodash');\n${userHook('cb();')}`;
    const { code, dependencies, notes } = port(hook, 'post-change-password', { lodash: '4.17.21' });
    expect(code).toContain("var util = require('util');\nvar crypto = require('node:crypto');\n");
    expect(dependencies).toEqual({ lodash: '4.17.21' });
    expect(notes).toEqual([]);
  });

  it('flags an npm module required without a version the Action would have to declare', () => {
    const result = port(
      `var slack = require('slack-notify');\n${userHook('cb();')}`,
      'post-user-registration',
    );
    expect(constructs(result)).toEqual(["require('slack-notify')"]);
    expect(result.dependencies).toEqual({});
  });
});

describe('portHookToAction: what Actions do not have', () => {
  it('keeps context.webtask.storage with a note suggesting api.cache or an external store', () => {
    const result = port(
      userHook('context.webtask.storage.get(function (error, data) {', '  cb();', '});'),
      'post-user-registration',
    );
    expect(result.code).toContain('  context.webtask.storage.get(function (error, data) {');
    expect(result.notes).toEqual([
      {
        line: 3,
        hookLine: 2,
        construct: 'context.webtask.storage',
        message:
          'Actions have no webtask storage: use api.cache for data within one execution, or an external store.',
      },
    ]);
  });

  it('notes webtask meta, headers, query and body, and the whole context handed on', () => {
    const result = port(
      userHook(
        'log(context.webtask.meta.owner, context.webtask.headers, context.webtask.query.a);',
        'log(context.webtask.body);',
        'helper(context);',
        'cb();',
      ),
      'pre-user-registration',
    );
    expect(constructs(result)).toEqual([
      'context.webtask.meta',
      'context.webtask.headers',
      'context.webtask.query',
      'context.webtask.body',
      'context',
    ]);
  });

  it('notes webtask fields read by a function outside the hook', () => {
    const hook = `function token(context) {\n  return context.webtask.storage;\n}\n${userHook('cb();')}`;
    expect(constructs(port(hook, 'post-user-registration'))).toEqual(['context.webtask.storage']);
  });

  it('notes global caches', () => {
    const hook = `${userHook('global.token = global.token || make();', 'cb();')}`;
    const result = port(hook, 'post-user-registration');
    expect(constructs(result)).toEqual(['global']);
    expect(result.notes[0]?.message).toMatch(/api\.cache/);
  });
});
