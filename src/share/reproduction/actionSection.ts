import type { ActionDraft } from '../../core/actions/actionSchemas';
import type { PointId } from '../../core/schemas';
import type { Redactor } from '../redact';
import { code, table, text } from '../reproductionMarkdown';
import { codeBlock } from './codeBlock';
import { MAX_CODE_CHARS } from './reportBudget';
import { dependenciesSection } from './setupSections';

// The hook's Action draft in a reproduction: its code (shared as written, like the hook's),
// its dependencies and the port notes, whose text is redacted like the rest of the report.

export function actionSection(action: ActionDraft, pointId: PointId, redactor: Redactor): string {
  const notes =
    action.notes.length === 0
      ? 'none'
      : table(
          ['Action line', 'Hook line', 'Construct', 'Note'],
          action.notes.map((note) => [
            String(note.line),
            String(note.hookLine),
            code(redactor.text(note.construct)),
            text(redactor.text(note.message)),
          ]),
        );
  return [
    `The hook's Action draft for the trigger ${code(pointId)}:`,
    codeBlock(action.code, 'js', MAX_CODE_CHARS),
    labelled('Action dependencies', dependenciesSection(action.dependencies)),
    labelled('Port notes', notes),
  ].join('\n\n');
}

/** "Label: none" on one line, or the label above its table. */
const labelled = (label: string, body: string): string =>
  body.startsWith('|') ? `${label}:\n\n${body}` : `${label}: ${body}`;
