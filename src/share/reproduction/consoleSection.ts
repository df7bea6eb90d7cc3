import type { LogEntry } from '../../core/schemas';
import { plural, type Redactor } from '../redact';
import { cut, fence } from '../reproductionMarkdown';
import { MAX_CONSOLE_CHARS, MAX_CONSOLE_LINES, MAX_LOG_ENTRY_CHARS } from './reportBudget';
import type { ReproductionRun } from './reproductionInput';

function logLine(entry: LogEntry, redactor: Redactor): string {
  const level = entry.source === 'runtime' ? `runtime ${entry.level}` : entry.level;
  const where = entry.location ? ` (line ${entry.location.line}:${entry.location.column})` : '';
  const after = entry.afterCallback ? ' [after callback]' : '';
  const part = cut(redactor.text(entry.text), MAX_LOG_ENTRY_CHARS);
  const more = part.cut > 0 ? ` … (${plural(part.cut, 'more character')} cut)` : '';
  return `+${Math.round(entry.timeMs)} ms [${level}]${after}${where} ${part.text}${more}`;
}

export function consoleSection(run: ReproductionRun | null, redactor: Redactor): string {
  if (run === null) return 'Not run yet.';
  if (run.logs.length === 0 && run.droppedLogs === 0) return 'none';
  const lines: string[] = [];
  let size = 0;
  for (const entry of run.logs) {
    if (lines.length >= MAX_CONSOLE_LINES || size >= MAX_CONSOLE_CHARS) break;
    const line = logLine(entry, redactor);
    lines.push(line);
    size += line.length + 1;
  }
  const parts = [fence(lines.join('\n'), 'text')];
  const omitted = run.logs.length - lines.length;
  if (omitted > 0) {
    parts.push(`${plural(omitted, 'more console line')} omitted from this report.`);
  }
  if (run.droppedLogs > 0) {
    parts.push(
      `The run dropped ${plural(run.droppedLogs, 'more console line')} beyond Hookpad’s limit.`,
    );
  }
  return parts.join('\n\n');
}
