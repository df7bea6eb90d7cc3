import { parse } from 'acorn';
import type { PortNote, PortResult } from '../actions/actionSchemas';
import { actionTriggers } from '../actions/actionTriggers';
import { child, childList, type AstNode } from '../lint/astWalk';
import { parseHookScript } from '../lint/parseHookScript';
import { getPoint } from '../points';
import type { PointId } from '../schemas';
import { HELPER_SOURCES, type AnswerHelper } from './answerHelpers';
import type { AnswerScope } from './answerStatements';
import { callbackUse, translateCallbacks } from './callbackCalls';
import { rewriteClaimsInPlace } from './claimsInPlace';
import { findHookExport, type HookExport } from './hookExport';
import { createPortContext, enclosingStatement, note, type PortContext } from './portContext';
import { applyEdits, lineAt, lineStart, type RangeEdit } from './rangeEdits';
import { renameArguments } from './renameArguments';
import { portRequires } from './requires';
import { awaitPromiseChains } from './promiseChains';
import { topLevelNotes } from './topLevelNotes';

// "Port to Action": a hook's code → its Action's code, dependencies and port notes
// (docs/runtime-semantics.md §19). Pure and never throws.

/** The export an Action of each trigger defines (the engine's trigger table). */
export const ACTION_EXPORTS = Object.fromEntries(
  actionTriggers.map((trigger) => [trigger.id, trigger.exportName]),
) as Record<PointId, string>;

export const TODO_PREFIX = '// TODO(port): ';

/** The line of the first syntax error, when `code` does not parse (as a hook, or as an Action). */
function syntaxErrorLine(code: string, asHook = true): number | undefined {
  try {
    parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: asHook,
      allowHashBang: true,
    });
    return undefined;
  } catch (error) {
    const loc = (error as { loc?: { line?: number } }).loc;
    return typeof loc?.line === 'number' ? loc.line : 1;
  }
}

/** A last guard: an Action that does not parse (e.g. a top-level return) says so on line 1. */
function checkedAction(result: PortResult): PortResult {
  const line = syntaxErrorLine(result.code, false);
  if (line === undefined) return result;
  const message = `The Action does not parse on line ${line + 1}: finish this part of the port by hand.`;
  return {
    ...result,
    code: `${TODO_PREFIX}${message}\n${result.code}`,
    notes: [
      { line: 1, hookLine: 1, construct: 'syntax error', message },
      ...result.notes.map((n) => ({ ...n, line: n.line + 1 })),
    ],
  };
}

/** Code kept as it is under one leading note: the port cannot read it. */
function keptWhole(
  code: string,
  dependencies: Record<string, string>,
  hookLine: number,
  construct: string,
  message: string,
): PortResult {
  return {
    code: `${TODO_PREFIX}${message}\n${code}`,
    dependencies: { ...dependencies },
    notes: [{ line: 1, hookLine, construct, message }],
  };
}

function rewriteExport(
  context: PortContext,
  hook: HookExport,
  point: PointId,
  wrap: boolean,
): void {
  const exportName = ACTION_EXPORTS[point];
  const body = child(hook.fn, 'body');
  if (!body) return;
  if (hook.name) {
    context.edits.push({
      start: hook.statement.start,
      end: hook.statement.end,
      text: `exports.${exportName} = ${hook.name};`,
    });
    context.edits.push({
      start: hook.fn.start,
      end: body.start,
      text: `async function ${hook.name}(event, api) `,
    });
  } else {
    context.edits.push({
      start: hook.statement.start,
      end: body.start,
      text: `exports.${exportName} = async (event, api) => `,
    });
  }
  if (!wrap || body.type !== 'BlockStatement') return;
  const awaits = hook.fn.async === true || context.lifted.size > 0;
  const open = awaits
    ? '\n  await new Promise((resolve, reject) => {\n  (async () => {'
    : '\n  await new Promise((resolve, reject) => {';
  const close = awaits ? '  })().catch(reject);\n  });\n' : '  });\n';
  context.edits.push({ start: body.start + 1, end: body.start + 1, text: open });
  context.edits.push({ start: body.end - 1, end: body.end - 1, text: close });
}

function finish(context: PortContext, dependencies: Record<string, string>): PortResult {
  const placed: { edit: RangeEdit; hookLine: number; construct: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const pending of context.notes) {
    if (
      context.dropped.some((range) => range.start <= pending.offset && pending.offset < range.end)
    )
      continue;
    const statement = enclosingStatement(context, nodeAt(context, pending.offset));
    const { start, indent } = lineStart(context.code, statement.start);
    const key = `${start}\u0000${pending.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edit = { start, end: start, text: `${indent}${TODO_PREFIX}${pending.message}\n` };
    placed.push({
      edit,
      hookLine: lineAt(context.code, pending.offset),
      construct: pending.construct,
      message: pending.message,
    });
  }
  // Notes go first so that they precede a rewrite starting at the same offset.
  const { code, positions } = applyEdits(context.code, [
    ...placed.map((p) => p.edit),
    ...context.edits,
  ]);
  const notes: PortNote[] = placed
    .filter((p) => positions.has(p.edit))
    .map((p) => ({
      line: lineAt(code, positions.get(p.edit) ?? 0),
      hookLine: p.hookLine,
      construct: p.construct,
      message: p.message,
    }))
    .sort((a, b) => a.line - b.line);
  return { code, dependencies, notes };
}

const nodesByOffset = new WeakMap<PortContext, Map<number, AstNode>>();

function nodeAt(context: PortContext, offset: number): AstNode {
  let index = nodesByOffset.get(context);
  if (!index) {
    index = new Map();
    for (const node of context.parents.keys()) {
      const known = index.get(node.start);
      // The innermost node starting there: the smallest one.
      if (!known || node.end - node.start < known.end - known.start) index.set(node.start, node);
    }
    nodesByOffset.set(context, index);
  }
  return index.get(offset) ?? ({ type: 'Program', start: 0, end: 0 } as AstNode);
}

/** Ports a hook of `point` to the Action of its trigger. */
export function portHookToAction(
  code: string,
  point: PointId,
  dependencies: Record<string, string> = {},
): PortResult {
  const program = parseHookScript(code);
  if (!program) {
    return keptWhole(
      code,
      dependencies,
      syntaxErrorLine(code) ?? 1,
      'syntax error',
      'The hook does not parse, so it was not ported: fix the syntax error and port it again.',
    );
  }
  const hook = findHookExport(program);
  if (!hook) {
    return keptWhole(
      code,
      dependencies,
      1,
      'module.exports',
      'No `module.exports = function (…) {…}` found: write exports.' +
        ACTION_EXPORTS[point] +
        ' = async (event, api) => {…} by hand.',
    );
  }
  const context = createPortContext(code, program);
  const deps = { ...dependencies };
  const names = childList(hook.fn, 'params').map((param) => {
    if (param.type !== 'Identifier')
      note(
        context,
        param,
        'parameter',
        'A destructured or default parameter is not ported: read the fields from event instead.',
      );
    return param.type === 'Identifier' ? String(param.name) : '';
  });
  const cbIndex = getPoint(point).params.length - 1;
  const cbName = names[cbIndex] || undefined;
  renameArguments(context, hook.fn, point, names.slice(0, cbIndex));
  portRequires(context, program, deps);
  topLevelNotes(context, program, child(hook.fn, 'body'));
  const scope: AnswerScope = {
    point,
    scopeName: point === 'credentials-exchange' ? names[1] : undefined,
    appliedVariables: new Set(),
    helpers: new Set(),
  };
  if (cbName) awaitPromiseChains(context, hook.fn, cbName);
  const use = callbackUse(context, hook.fn, cbName);
  if (cbName && point === 'credentials-exchange')
    rewriteClaimsInPlace(context, hook.fn, cbName, scope);
  if (cbName) translateCallbacks(context, hook.fn, cbName, scope, use.nested);
  if (!use.mentioned) {
    note(
      context,
      hook.fn,
      'cb',
      'The hook never calls cb, so on the platform it timed out; the Action ends when its function returns.',
    );
  }
  rewriteExport(context, hook, point, use.nested);
  const helpers = [...scope.helpers].sort() as AnswerHelper[];
  if (helpers.length > 0) {
    context.edits.push({
      start: code.length,
      end: code.length,
      text: `\n${helpers.map((h) => HELPER_SOURCES[h]).join('')}`.replace(/\n+$/, '\n'),
    });
  }
  return checkedAction(finish(context, deps));
}
