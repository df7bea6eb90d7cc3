import type { HookDraft } from '../../workspace/hookRecord';
import { secretPlaceholder } from '../../core/maskSecrets';
import type { Redactor } from '../redact';
import { code, cut, table, text } from '../reproductionMarkdown';
import { codeBlock, jsonText } from './codeBlock';
import type { Parsed } from './parseJson';
import { MAX_BODY_CHARS, MAX_PAYLOAD_CHARS } from './reportBudget';
import type { ReproductionInput } from './reproductionInput';
import { testsCount } from './testsSection';

// The hook's setup, apart from its network: what the runtime needs to run it the same way.

export function runtimeSection(input: ReproductionInput, pointLabel: string): string {
  const lines = [
    `- Extensibility point: ${text(pointLabel)} (${code(input.hook.pointId)})`,
    `- Timeout: ${input.timeoutMs} ms`,
    input.hook.draft.network.allowNetwork
      ? '- Network: allowed — requests no mock matches really go out from the browser (CORS applies)'
      : '- Network: not allowed — requests no mock matches fail like a refused connection (ECONNREFUSED)',
    testsCount(input.hook.tests?.length ?? 0),
  ];
  if (input.appVersion !== undefined && input.appVersion !== '') {
    lines.push(`- Hookpad version: ${text(input.appVersion)}`);
  }
  return lines.join('\n');
}

export function linkSection(link: string, problem: string | null, withheld: boolean): string {
  if (problem !== null) return `No link: ${text(problem)}`;
  const shown = /[\s<>]/.test(link) ? code(link) : `<${link}>`;
  const note = withheld ? '; the withheld secret values must be filled in' : '';
  return `Opens this setup in Hookpad (it does not run by itself${note}):\n\n${shown}`;
}

export function payloadSection(payloadText: string, parsed: Parsed, redactor: Redactor): string {
  if (parsed.ok) return codeBlock(jsonText(redactor.json(parsed.value)), 'json', MAX_PAYLOAD_CHARS);
  return `The payload is not valid JSON (${text(parsed.message)}); as typed:\n\n${codeBlock(
    redactor.text(payloadText),
    'json',
    MAX_PAYLOAD_CHARS,
  )}`;
}

export function secretsSection(
  rows: HookDraft['secrets'],
  includeSecrets: boolean,
  redactor: Redactor,
): string {
  if (rows.length === 0) return 'none';
  return table(
    ['Name', 'Value'],
    rows.map((row, index) => {
      const name = row.name.trim();
      const shownName = name === '' ? `(no name, row ${index + 1})` : code(name);
      let value: string;
      if (row.value === '')
        value = row.notExported ? '(empty: not in the export it came from)' : '(empty)';
      else if (includeSecrets) value = code(cut(redactor.text(row.value), MAX_BODY_CHARS).text);
      else
        value = `${code(secretPlaceholder(name === '' ? `row ${index + 1}` : name))} (value not shared)`;
      return [shownName, value];
    }),
  );
}

export function dependenciesSection(dependencies: HookDraft['dependencies']): string {
  return Object.keys(dependencies).length === 0
    ? 'none'
    : table(
        ['Module', 'Version'],
        Object.entries(dependencies).map(([name, version]) => [code(name), code(version)]),
      );
}
