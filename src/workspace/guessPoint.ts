import type { Comment } from 'acorn';
import type { PointId } from '../core/schemas';
import { child, childList, walk, type AstNode } from '../core/lint/astWalk';
import { exportedFunction } from '../core/lint/callbackRules';
import { parseHookScript } from '../core/lint/parseHookScript';

interface Signature {
  /** Parameter names in order; '' for a destructured one. */
  params: string[];
  /** Whether the callback (the last parameter) is ever called with a response value. */
  respondsWithValue: boolean;
  /** The code without comments, and the comments alone (starter codes document the point). */
  code: string;
  comments: string;
}

/**
 * The extensibility point a hook file was most likely written for, from the exported
 * function's parameters: `(client, scope, audience, context, cb)` is credentials-exchange,
 * `(recipient, text, context, cb)` send-phone-message. `(user, context, cb)` is shared by
 * the three user points; what the body does decides (`last_password_reset` → post-change-
 * password; a response such as `response.user` or metadata → pre-user-registration;
 * `context.connection` or `user.id` without a response → post-user-registration), else
 * pre-user-registration. A guess: the importer asks the user to confirm it.
 */
export function guessPoint(code: string): PointId {
  const signature = readSignature(code);
  const names = signature.params.map((name) => name.toLowerCase());
  const has = (name: string) => names.includes(name);

  if (names.length >= 5 || has('client') || has('scope') || has('audience')) {
    return 'credentials-exchange';
  }
  if (names.length === 4 || has('recipient') || has('text')) return 'send-phone-message';
  return guessUserPoint(signature);
}

function guessUserPoint({ code, comments, respondsWithValue }: Signature): PointId {
  if (
    /\blast_password_reset\b/.test(code + comments) ||
    /password (was )?changed/i.test(comments)
  ) {
    return 'post-change-password';
  }
  const preInCode =
    /\bresponse\.user\b/.test(code) ||
    /\.(user|app)_metadata\s*=[^=]/.test(code) ||
    /\buser\.password\b/.test(code);
  if (preInCode || respondsWithValue) return 'pre-user-registration';
  if (/being created|user\.password\b/i.test(comments)) return 'pre-user-registration';
  const postInCode = /\bcontext\.connection\b/.test(code) || /\buser\.id\b/.test(code);
  if (postInCode || /who registered|after (the )?(user )?regist/i.test(comments)) {
    return 'post-user-registration';
  }
  return 'pre-user-registration';
}

function readSignature(code: string): Signature {
  const comments: Comment[] = [];
  const program = parseHookScript(code, comments);
  const fn = program ? exportedFunction(program) : undefined;
  if (!fn) return readSignatureLoosely(code);

  const params = childList(fn, 'params').map(paramName);
  const callback = params.at(-1);
  const body = child(fn, 'body');
  return {
    params,
    respondsWithValue: callback ? callsWithValue(body, callback) : false,
    code: withoutRanges(code, comments),
    comments: comments.map((comment) => comment.value).join('\n'),
  };
}

function paramName(param: AstNode): string {
  if (param.type === 'Identifier') return String(param.name);
  if (param.type === 'AssignmentPattern') return paramName(child(param, 'left') ?? param);
  return '';
}

/** True when `callback(x, value)` is called with a value that is not null or undefined. */
function callsWithValue(body: AstNode | undefined, callback: string): boolean {
  if (!body) return false;
  let found = false;
  walk(body, (node) => {
    if (found) return false;
    if (node.type !== 'CallExpression') return;
    const callee = child(node, 'callee');
    if (callee?.type !== 'Identifier' || callee.name !== callback) return;
    const value = childList(node, 'arguments')[1];
    if (!value) return;
    const empty =
      (value.type === 'Literal' && value.value === null) ||
      (value.type === 'Identifier' && value.name === 'undefined');
    if (!empty) found = true;
  });
  return found;
}

/** When the code does not parse (or exports no function), a textual reading of the export. */
function readSignatureLoosely(code: string): Signature {
  const stripped = stripComments(code);
  const comments = (code.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g) ?? []).join('\n');
  const exported =
    /module\.exports\s*=\s*(?:async\s+)?(?:function\b[^(]*)?\(([^)]*)\)/.exec(stripped) ??
    /(?:function\b[^(]*|=\s*(?:async\s*)?)\(([^)]*)\)/.exec(stripped);
  const params = (exported?.[1] ?? '')
    .split(',')
    .map((param) => param.trim().replace(/\s*=.*$/, ''))
    .filter((param) => param !== '');
  const callback = params.at(-1);
  const respondsWithValue = callback
    ? new RegExp(
        `\\b${escapeRegExp(callback)}\\s*\\(\\s*[^,)]*,\\s*(?!null\\b|undefined\\b)[^\\s)]`,
      ).test(stripped)
    : false;
  return { params, respondsWithValue, code: stripped, comments };
}

/** The code with the comments blanked out (kept as spaces, so nothing joins up). */
function withoutRanges(code: string, comments: readonly Comment[]): string {
  let result = '';
  let from = 0;
  for (const comment of comments) {
    result += `${code.slice(from, comment.start)} `;
    from = comment.end;
  }
  return result + code.slice(from);
}

/** A textual approximation for code that does not parse (strings are not understood). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/[^\n]*/g, '$1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
