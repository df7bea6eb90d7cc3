import type { ReactNode } from 'react';
import type { JsonValue } from '../../core/schemas';
import './results.css';

export type KeyMark = 'added' | 'changed';

export interface MarkedJsonProps {
  value: JsonValue;
  /** Marks by path as the core writes them: `user_metadata.foo`, `user_metadata["a.b"]`. */
  marks: ReadonlyMap<string, KeyMark>;
  /** Applied to the text of every key and value (e.g. masking secrets); display only. */
  mask?: (text: string) => string;
}

const identity = (text: string) => text;

/** The core's path notation (mergedUserView): dots for identifiers, brackets otherwise. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * JSON laid out exactly like JSON.stringify(value, null, 2), so its text can be copied and
 * parsed, with the lines of marked keys wrapped in spans. The badge text comes from CSS
 * (attr(data-mark)), so it is not part of the copied text.
 */
export function MarkedJson({ value, marks, mask = identity }: MarkedJsonProps) {
  return <pre className="json">{render(value, '', '', marks, mask)}</pre>;
}

function render(
  value: JsonValue,
  indent: string,
  path: string,
  marks: ReadonlyMap<string, KeyMark>,
  mask: (text: string) => string,
): ReactNode {
  if (value === null || typeof value !== 'object') return mask(JSON.stringify(value));
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return (
      <>
        {'[\n'}
        {value.map((item, index) => (
          <span key={index}>
            {inner}
            {render(item, inner, childPath(path, index), marks, mask)}
            {index < value.length - 1 ? ',\n' : '\n'}
          </span>
        ))}
        {`${indent}]`}
      </>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return (
    <>
      {'{\n'}
      {entries.map(([key, child], index) => {
        const keyPath = childPath(path, key);
        const mark = marks.get(keyPath);
        const line = (
          <>
            <span className="json-key">{mask(JSON.stringify(key))}</span>
            {': '}
            {render(child, inner, keyPath, marks, mask)}
          </>
        );
        return (
          <span key={key}>
            {inner}
            {mark ? (
              <span className={`json-mark json-mark-${mark}`} data-mark={mark}>
                {line}
              </span>
            ) : (
              line
            )}
            {index < entries.length - 1 ? ',\n' : '\n'}
          </span>
        );
      })}
      {`${indent}}`}
    </>
  );
}
