import { useId } from 'react';
import type { TestsTarget } from '../../workspace/testCases/testResultKey';

const CHOICES: { value: TestsTarget; label: string }[] = [
  { value: 'hook', label: 'Hook' },
  { value: 'action', label: 'Action' },
  { value: 'both', label: 'Both' },
];

export interface TestsTargetChoiceProps {
  value: TestsTarget;
  /** Without an Action draft only the hook can be chosen. */
  hasAction: boolean;
  onChange(value: TestsTarget): void;
}

/** "Run tests on": the hook, its Action, or both, so a port is accepted when the same tests pass on both. */
export function TestsTargetChoice({ value, hasAction, onChange }: TestsTargetChoiceProps) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label="Run tests on"
      className="tests-target"
      title={hasAction ? undefined : 'Port to Action first to run the tests on an Action.'}
    >
      <span aria-hidden="true">on</span>
      {CHOICES.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            disabled={choice.value !== 'hook' && !hasAction}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
