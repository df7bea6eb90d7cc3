import { child, childList, type AstNode } from '../core/lint/astWalk';
import { exportedFunction } from '../core/lint/callbackRules';
import { parseHookScript } from '../core/lint/parseHookScript';
import { getPoint } from '../core/points';
import type { PointId } from '../core/schemas';
import type { HookRecord } from './hookRecord';
import { starterHookDraft } from './newHook';

/**
 * The exported function's parameters as written (`'{…}'` for a destructured one, `'...name'`
 * for a rest one), or undefined when the code does not parse or exports no function.
 */
export function exportedParams(code: string): string[] | undefined {
  const program = parseHookScript(code);
  const fn = program ? exportedFunction(program) : undefined;
  return fn ? childList(fn, 'params').map(paramText) : undefined;
}

function paramText(param: AstNode): string {
  if (param.type === 'Identifier') return String(param.name);
  if (param.type === 'AssignmentPattern') return paramText(child(param, 'left') ?? param);
  if (param.type === 'RestElement') return `...${paramText(child(param, 'argument') ?? param)}`;
  return param.type === 'ArrayPattern' ? '[…]' : '{…}';
}

/**
 * Whether the code's exported function takes what the point passes: the platform calls it
 * with the point's arguments by position, the callback last, so the count must match (a
 * rest parameter takes any). Code whose function cannot be read is not judged: it fits.
 */
export function signatureFits(code: string, pointId: PointId): boolean {
  const params = exportedParams(code);
  if (params === undefined) return true;
  if (params.some((param) => param.startsWith('...'))) return true;
  return params.length === getPoint(pointId).params.length;
}

/** Why moving a hook to a point deserves a question: its parameters and the point's. */
export interface SignatureMismatch {
  codeParams: string[];
  pointParams: readonly string[];
}

/**
 * The mismatch to ask about before moving the hook to `pointId`, or null to just move it:
 * starter code follows the point (moveHookToPoint), and code that fits needs no question.
 */
export function pointChangeMismatch(hook: HookRecord, pointId: PointId): SignatureMismatch | null {
  if (hook.pointId === pointId) return null;
  const { code } = hook.draft;
  if (code === starterHookDraft(hook.pointId).code || signatureFits(code, pointId)) return null;
  return { codeParams: exportedParams(code) ?? [], pointParams: getPoint(pointId).params };
}
