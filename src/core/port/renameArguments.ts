import { child, type AstNode } from '../lint/astWalk';
import type { PointId } from '../schemas';
import { argumentMaps, mapFields } from './eventFields';
import { note, type PortContext } from './portContext';
import { forEachReference, memberChain } from './references';

// Rule 1 and 2: the hook's arguments become fields of `event`; `context.webtask.secrets` becomes
// `event.secrets`. What has no Action equivalent is kept and noted (rule 7).

const WEBTASK_NOTES: Record<string, string> = {
  storage:
    'Actions have no webtask storage: use api.cache for data within one execution, or an external store.',
  meta: 'Actions have no webtask meta: move these values to the Action’s secrets.',
  headers: 'Actions have no webtask request headers: read the transaction’s event.request instead.',
  query: 'Actions have no webtask query: read the transaction’s event.request instead.',
  body: 'Actions have no webtask body: read the transaction’s fields on event instead.',
};

function webtaskMessage(path: readonly string[]): string {
  const field = path[1];
  const known = field ? WEBTASK_NOTES[field] : undefined;
  return (
    known ?? 'Actions have no webtask context: find the equivalent on event or api, or remove it.'
  );
}

/** Renames every reference to the hook's arguments (all but cb) inside its function. */
export function renameArguments(
  context: PortContext,
  fn: AstNode,
  point: PointId,
  params: string[],
): void {
  const maps = argumentMaps(point);
  const names = new Map<string, number>();
  params.forEach((name, index) => {
    if (index < maps.length) names.set(name, index);
  });
  const body = child(fn, 'body');
  if (!body) return;
  forEachReference(body, new Set(names.keys()), (identifier) => {
    const name = String(identifier.name);
    const map = maps[names.get(name) ?? 0];
    if (!map) return;
    const chain = memberChain(identifier, context.parents);
    const mapping = mapFields(map, chain.names);
    const shownNames = chain.names[0] === 'webtask' ? 2 : Math.max(mapping.consumed, 1);
    const shown = [name, ...chain.names.slice(0, shownNames)].join('.');
    if (mapping.kind === 'none') {
      const message =
        chain.names[0] === 'webtask'
          ? webtaskMessage(chain.names)
          : chain.names.length === 0
            ? `The hook’s ${name} argument has no Action equivalent: use the fields of event it needs.`
            : `No known event field for ${shown}: find it on event, or remove it.`;
      note(context, identifier, shown, message);
      return;
    }
    const end =
      mapping.consumed > 0 ? (chain.ends[mapping.consumed - 1] ?? identifier.end) : identifier.end;
    const parent = context.parents.get(identifier);
    const shorthand = parent?.node.type === 'Property' && parent.node.shorthand === true;
    const text = shorthand ? `${name}: ${mapping.replacement}` : mapping.replacement;
    context.edits.push({ start: identifier.start, end, text });
    if (mapping.guess && map.flagUnknown) {
      const field = chain.names[0] ?? '';
      note(
        context,
        identifier,
        `${name}.${field}`,
        `${mapping.replacement}.${field} is a guess for ${name}.${field}: check the trigger’s event object.`,
      );
    } else if (chain.names.length === 0 && map.flagUnknown && map.whole) {
      note(
        context,
        identifier,
        name,
        `The hook’s ${name} becomes ${mapping.replacement}, whose fields are named differently: check what reads it.`,
      );
    }
  });
}
