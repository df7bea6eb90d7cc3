import type { JsonValue } from '../../core/schemas';
import { plural } from '../redact';
import { cut, fence } from '../reproductionMarkdown';
import { parseJson } from './parseJson';
import { MAX_BODY_CHARS } from './reportBudget';

/** A fenced block of at most `max` characters, saying how many were cut. */
export function codeBlock(content: string, language: string, max: number): string {
  const part = cut(content, max);
  const block = fence(part.text, language);
  return part.cut > 0 ? `${block}\n\n_${plural(part.cut, 'more character')} cut._` : block;
}

export const jsonText = (value: JsonValue): string => JSON.stringify(value, null, 2);

/** A body as a block, marked as JSON when it is. */
export function bodyBlock(body: string): string {
  return codeBlock(body, parseJson(body).ok ? 'json' : 'text', MAX_BODY_CHARS);
}
