/** A workspace file with one hook and `count` passing tests, as the app exports it. */
export function runAllWorkspace(count) {
  const code =
    'module.exports = function (user, context, cb) {\n  cb(null, { user: { user_metadata: { signedUpAs: user.email } } });\n};\n';
  const now = Date.now();
  const payloadOf = (email) => ({
    user: { tenant: 'my-tenant', username: 'user1', password: 'xxxxxxx', email },
    context: {
      requestLanguage: 'en-us',
      connection: { id: 'con_1', name: 'Username-Password-Authentication', tenant: 'my-tenant' },
    },
  });
  const tests = Array.from({ length: count }, (_, index) => ({
    id: `bench-test-${index + 1}`,
    name: `Signup ${index + 1}`,
    payloadText: JSON.stringify(payloadOf(`u${index}@example.com`)),
    expectations: {
      outcome: { status: 'succeeded' },
      response: { contains: { user: { user_metadata: { signedUpAs: `u${index}@example.com` } } } },
    },
  }));
  return {
    format: 'hookpad-workspace',
    version: 2,
    exportedAt: now,
    hooks: [
      {
        id: 'bench-run-all',
        name: 'Run all bench',
        pointId: 'pre-user-registration',
        enabled: false,
        draft: {
          code,
          payloadText: tests[0].payloadText,
          secrets: [],
          network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
          dependencies: {},
        },
        storage: {},
        versions: [],
        tests,
        createdAt: now,
        updatedAt: now,
        rev: 0,
      },
    ],
  };
}
