import { useId, useState, type FormEvent } from 'react';
import { appStore, useAppStore } from '../../store';

/** The registry "Fetch from npm" downloads from: the public one, or a company mirror. */
export function RegistryField() {
  const registry = useAppStore((state) => state.packages.registry);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = appStore.getState().setRegistry(text ?? registry);
    setProblem(found);
    if (found === null) setText(null);
  };
  return (
    <form className="registry-form" onSubmit={submit}>
      <label>
        npm registry
        <input
          type="url"
          value={text ?? registry}
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
      </label>
      <button type="submit" className="button button-small" disabled={text === null}>
        Set registry
      </button>
      {problem !== null && (
        <p id={problemId} role="alert" className="field-note field-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
