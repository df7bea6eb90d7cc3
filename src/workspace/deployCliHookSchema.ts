import { z } from '../core/schemaKit';
import { MAX_SECRETS, overLimitText } from '../core/inputLimits';

/** deploy-cli writes this instead of a secret's value on export (HOOKS_HIDDEN_SECRET_VALUE). */
export const HIDDEN_SECRET_VALUE = '_VALUE_NOT_SHOWN_';

const missingOr = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'missing' : `must be ${expected}`;

const text = (expected = 'a string') => z.string({ error: missingOr(expected) });
const flag = z.boolean({ error: missingOr('true or false') });

/** YAML reads `key: 123` or `key: true` as a number or boolean; the platform stores text. */
const scalarText = z.pipe(
  z.union([z.string(), z.number(), z.boolean()], { error: 'must be text' }),
  z.transform(String),
);
const textMap = z.record(z.string(), scalarText, {
  error: missingOr('an object of names to text'),
});

/**
 * One hook as deploy-cli stores it: a `hooks/<name>.json` file or an item of `tenant.yaml`'s
 * `hooks:` list. Both field generations are accepted: `enabled`/`script` (current) and
 * `active`/`code` (older deploy-cli). Fields deploy-cli adds (like `id`) are ignored.
 */
export const DeployCliHookSchema = z.object(
  {
    name: text().check(z.minLength(1, 'must not be empty')),
    triggerId: text(),
    enabled: z.optional(flag),
    active: z.optional(flag),
    /** The path of the hook's code file, relative to the json's folder or the yaml file. */
    script: z.optional(text('a file path')),
    code: z.optional(text('a file path')),
    /** At most MAX_SECRETS, counted before the values are read (src/core/inputLimits.ts). */
    secrets: z.nullish(
      z.pipe(
        z.custom<unknown>(
          (value) =>
            typeof value !== 'object' || value === null || Object.keys(value).length <= MAX_SECRETS,
          overLimitText('Secrets', MAX_SECRETS),
        ),
        textMap,
      ),
    ),
    dependencies: z.nullish(textMap),
  },
  { error: missingOr('an object with name, triggerId and script') },
);
export type DeployCliHook = z.infer<typeof DeployCliHookSchema>;
