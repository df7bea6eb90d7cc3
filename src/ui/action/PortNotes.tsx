import type { PortNote } from '../../core/actions/actionSchemas';
import { revealInCode } from '../../editor/codeEditorHandle';
import { appStore } from '../../store';
import './action.css';

/**
 * What the port could not translate, one entry per `// TODO(port):` it left in the Action,
 * each with a button to that line in the Action editor.
 */
export function PortNotes({ hookId, notes }: { hookId: string; notes: readonly PortNote[] }) {
  const goTo = (line: number) => {
    appStore.getState().setCodeTab('action');
    revealInCode(hookId, { line, column: 1 }, 'action');
  };
  return (
    <section className="port-notes" aria-label="Port notes">
      <h3 className="port-notes-title">Port notes</h3>
      {notes.length === 0 ? (
        <p className="port-notes-empty">No port notes</p>
      ) : (
        <ul className="port-notes-list">
          {notes.map((note) => (
            <li key={`${note.line}-${note.construct}`}>
              <span>
                Line {note.line}: {note.construct} — {note.message}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => goTo(note.line)}>
                Go to line {note.line}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
