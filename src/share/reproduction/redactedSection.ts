import type { HookDraft } from '../../workspace/hookRecord';
import type { Redactor } from '../redact';
import { text } from '../reproductionMarkdown';
import type { ReproductionInput } from './reproductionInput';

/** What was hidden and what was included as it is, with the warnings. */
export function redactedSection(
  redactions: string[],
  warnings: string[],
  input: ReproductionInput,
): string {
  const lines: string[] = redactions.map((sentence) => `- ${text(sentence)}.`);
  if (redactions.length === 0) {
    const reasons = [
      ...(input.includeSecrets ? [] : ['no secret has a value']),
      ...(input.includePasswords ? [] : ['the payload has no user.password']),
    ];
    lines.push(
      reasons.length === 0
        ? 'Nothing was redacted.'
        : `Nothing was redacted: ${reasons.join(' and ')}.`,
    );
  }
  const included = [
    ...(input.includeSecrets ? ['Secret values are included as they are.'] : []),
    ...(input.includePasswords ? ['The user’s password is included as it is.'] : []),
  ];
  if (included.length > 0) {
    const them = input.includeSecrets ? 'them' : 'it';
    lines.push('', `${included.join(' ')} Anyone with this report can read ${them}.`);
  }
  if (warnings.length > 0) lines.push('', ...warnings.map((warning) => `- Note: ${text(warning)}`));
  return lines.join('\n');
}

/** Hidden values that the report shows anyway, because code and mocks are shared as written. */
export function unhiddenValues(draft: HookDraft, redactor: Redactor): string[] {
  const places: [string, string][] = [
    ['the code', draft.code],
    ['the Action code', draft.action?.code ?? ''],
    [
      'the HTTP mocks',
      draft.network.mocks
        .map((mock) => `${mock.urlPattern}\n${JSON.stringify(mock.headers)}\n${mock.body}`)
        .join('\n'),
    ],
    ['the module mocks', draft.network.moduleMocks.map((mock) => mock.code).join('\n')],
  ];
  const found = places
    .filter(([, content]) =>
      redactor.values.some((value) => value.length >= 4 && content.includes(value)),
    )
    .map(([place]) => place);
  return found.length === 0
    ? []
    : [
        `${capitalise(found.join(' and '))} contain${found.length === 1 ? 's' : ''} a hidden value (a secret or the password); ${
          found.length === 1 ? 'it is' : 'they are'
        } shared as written.`,
      ];
}

const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
