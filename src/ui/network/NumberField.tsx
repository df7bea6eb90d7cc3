import { useId, useState, type ReactNode } from 'react';
import './network.css';

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  className?: string;
  /** Called with valid integers only; other text stays in the field with its problem. */
  onValue(value: number): void;
  /** Describes a problem for the field's current text (shown below it). */
  problemFor(text: string): ReactNode;
  describedBy?: string;
}

/**
 * An integer field that keeps what the user types while it is not valid (so typing "2" on
 * the way to "201" is possible) and stores only valid values.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  className,
  onValue,
  problemFor,
  describedBy,
}: NumberFieldProps) {
  // null: the field shows the stored value.
  const [text, setText] = useState<string | null>(null);
  const invalid = text !== null;
  const id = useId();
  return (
    <div className={className ? `mock-field ${className}` : 'mock-field'}>
      <label className="mock-field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text ?? String(value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const typed = event.target.value;
          const number = typed.trim() === '' ? NaN : Number(typed);
          if (Number.isInteger(number) && number >= min && number <= max) {
            setText(null);
            onValue(number);
          } else {
            setText(typed);
          }
        }}
      />
      {invalid && <span className="field-note field-note-problem">{problemFor(text)}</span>}
    </div>
  );
}
