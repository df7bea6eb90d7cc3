import { useAppStore } from '../../store';
import { ResponseBody } from './lazyRunViews';
import './results.css';

/** The callback's value as formatted JSON: plain text, complete and selectable. */
export function ResponseView() {
  const idle = useAppStore((state) => state.run.status === 'idle');
  return (
    <section className="result" aria-label="Response">
      <h2 className="result-title">Response</h2>
      {idle ? (
        <p className="empty">The value your hook passes to the callback appears here.</p>
      ) : (
        <ResponseBody />
      )}
    </section>
  );
}
