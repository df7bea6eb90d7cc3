import { useId, useState } from 'react';
import { MAX_MOCK_CHUNKS } from '../../core/inputLimits';
import './network.css';

export interface ChunksFieldProps {
  /** Absent: Node's own chunks (one up to 16 KiB). */
  value: number | undefined;
  onValue(value: number | undefined): void;
}

/**
 * How many 'data' chunks an http/https hook gets the mock's body in. Empty keeps Node's
 * default; a number stress-tests a hook that parses one chunk (docs/runtime-semantics.md §12).
 * Text that is not 1–64 stays in the field with its problem and is not stored.
 */
export function ChunksField({ value, onValue }: ChunksFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const invalid = text !== null;
  const id = useId();
  return (
    <div className="mock-chunks">
      <label className="mock-field-label" htmlFor={id}>
        Chunks
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_MOCK_CHUNKS}
        step={1}
        placeholder="auto"
        value={text ?? (value === undefined ? '' : String(value))}
        aria-invalid={invalid}
        aria-describedby={`${id}-note`}
        onChange={(event) => {
          const typed = event.target.value;
          if (typed.trim() === '') {
            setText(null);
            onValue(undefined);
            return;
          }
          const number = Number(typed);
          if (Number.isInteger(number) && number >= 1 && number <= MAX_MOCK_CHUNKS) {
            setText(null);
            onValue(number);
          } else {
            setText(typed);
          }
        }}
      />
      <span id={`${id}-note`} className={invalid ? 'field-note field-note-problem' : 'field-note'}>
        {invalid
          ? `1–${MAX_MOCK_CHUNKS}, or empty for Node's chunks; runs use ${value ?? "Node's chunks"} until this is fixed.`
          : value === undefined
            ? "http/https get the body as Node sends it: one 'data' chunk up to 16 KiB."
            : `http/https get the body in ${value} 'data' chunk${value === 1 ? '' : 's'}.`}
      </span>
    </div>
  );
}
