import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../core/schemas';
import { useAppStore } from '../../store';
import { selectTimeoutProblem, selectTimeoutText } from '../../store/selectors';
import './runner.css';

/** Per-run time limit; stays editable during a run (it applies to the next one). */
export function TimeoutField() {
  const text = useAppStore(selectTimeoutText);
  const problem = useAppStore(selectTimeoutProblem);
  const setTimeoutInput = useAppStore((state) => state.setTimeoutInput);
  return (
    <div className="field">
      <label htmlFor="timeout-ms">Timeout (ms)</label>
      <input
        id="timeout-ms"
        type="number"
        inputMode="numeric"
        min={MIN_TIMEOUT_MS}
        max={MAX_TIMEOUT_MS}
        step={1}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby="timeout-ms-note"
        onChange={(event) => setTimeoutInput(event.target.value)}
      />
      <span
        id="timeout-ms-note"
        className={problem ? 'field-note field-note-problem' : 'field-note'}
      >
        {problem ?? `${MIN_TIMEOUT_MS}–${MAX_TIMEOUT_MS}; the platform allowed 20000.`}
      </span>
    </div>
  );
}
