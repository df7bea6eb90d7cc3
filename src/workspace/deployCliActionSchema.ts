import { z } from '../core/schemaKit';

// An Action as auth0-deploy-cli stores it (docs/runtime-semantics.md §16): an
// `actions/<name>.json` of a directory export, or an item of `tenant.yaml`'s `actions:` list.

/** The runtime an exported Action asks for: the platform's current Node for Actions. */
export const ACTION_RUNTIME = 'node22';
/** The version of each hook point's Action trigger that Hookpad's Actions are written for. */
export const ACTION_TRIGGER_VERSION = 'v2';

const missingOr = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'missing' : `must be ${expected}`;
const text = (expected = 'text') => z.string({ error: missingOr(expected) });
/** YAML reads `version: 4.17` or `value: true` as a number or boolean; the platform stores text. */
const scalarText = z.pipe(
  z.union([z.string(), z.number(), z.boolean()], { error: missingOr('text') }),
  z.transform(String),
);

const DependencySchema = z.object(
  { name: text(), version: scalarText },
  { error: missingOr('an object with name and version') },
);
const SecretSchema = z.object(
  { name: text(), value: scalarText },
  { error: missingOr('an object with name and value') },
);

/**
 * deploy-cli's fields (`src/tools/auth0/handlers/actions.ts`): `name`, `code` (a path, or the
 * code itself), `supported_triggers` and optionally `runtime`, `dependencies`, `secrets`,
 * `deployed`, `status`. Other fields (`id`, `current_version`, `modules`…) are ignored.
 */
export const DeployCliActionSchema = z.object(
  {
    name: text().check(z.minLength(1, 'must not be empty')),
    code: text('a file path'),
    runtime: z.optional(text()),
    status: z.optional(text()),
    deployed: z.optional(z.boolean({ error: missingOr('true or false') })),
    dependencies: z.nullish(
      z.array(DependencySchema, { error: missingOr('a list of {name, version}') }),
    ),
    secrets: z.nullish(z.array(SecretSchema, { error: missingOr('a list of {name, value}') })),
    supported_triggers: z
      .array(
        z.object(
          { id: text(), version: z.optional(scalarText) },
          { error: missingOr('an object with id and version') },
        ),
        { error: missingOr('a list of {id, version}') },
      )
      .check(z.minLength(1, 'must name the trigger')),
  },
  { error: missingOr('an object with name, code and supported_triggers') },
);
export type DeployCliAction = z.infer<typeof DeployCliActionSchema>;
