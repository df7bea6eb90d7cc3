import type { HookExample } from '../core/examples';
import type { HookRecord } from './hookRecord';
import { pointHookName, toHookName } from './hookNames';
import { formatPayload, newHook, starterHookDraft, uniqueHookName } from './newHook';
import { secretRowsOf } from './draft/secrets';

/**
 * A new hook holding the example (code, payload, secrets, storage), named after its title
 * apart from `takenNames`. Parts the example leaves out are the point's starter.
 */
export function hookFromExample(example: HookExample, takenNames: readonly string[]): HookRecord {
  const point = example.point;
  const hook = newHook({
    pointId: point,
    name: uniqueHookName(toHookName(example.title, pointHookName(point)), takenNames),
    draft: {
      ...starterHookDraft(point),
      code: example.code,
      ...(example.payload === undefined ? {} : { payloadText: formatPayload(example.payload) }),
      secrets: secretRowsOf(example.secrets),
    },
  });
  return { ...hook, storage: example.storage ?? {} };
}
