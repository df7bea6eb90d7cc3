import type { networkForRun } from '../../workspace/draft/network';
import { code } from '../reproductionMarkdown';
import { bodyBlock, codeBlock, jsonText } from './codeBlock';
import { MAX_BODY_CHARS, MAX_MODULE_CHARS } from './reportBudget';

type RunNetwork = ReturnType<typeof networkForRun>;

export function mocksSection(mocks: RunNetwork['mocks']): string {
  if (mocks.length === 0) return 'none';
  return mocks
    .map((mock, index) => {
      const answer = mock.networkError
        ? 'a network error (connection reset)'
        : `${mock.status}${mock.delayMs > 0 ? ` after ${mock.delayMs} ms` : ''}`;
      const lines = [
        `${index + 1}. ${code(mock.method)} ${code(mock.urlPattern)} → ${answer} (mock ${code(mock.id)})`,
      ];
      if (!mock.networkError && Object.keys(mock.headers).length > 0) {
        lines.push('', 'Headers:', '', codeBlock(jsonText(mock.headers), 'json', MAX_BODY_CHARS));
      }
      if (!mock.networkError && mock.body !== '') {
        lines.push('', 'Body:', '', bodyBlock(mock.body));
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

export function moduleMocksSection(moduleMocks: RunNetwork['moduleMocks']): string {
  return moduleMocks.length === 0
    ? 'none'
    : moduleMocks
        .map((mock) => `### ${code(mock.name)}\n\n${codeBlock(mock.code, 'js', MAX_MODULE_CHARS)}`)
        .join('\n\n');
}

/** The auto-mocked modules, then what their calls resolve to (when results are set). */
export function autoMocksSection(
  autoMocks: RunNetwork['autoMocks'],
  results: RunNetwork['autoMockResults'] = [],
): string {
  const modules = autoMocks.length === 0 ? 'none' : autoMocks.map(code).join(', ');
  if (results.length === 0) return modules;
  const rules = results.map(
    (result) => `- ${code(result.path)} resolves to:\n\n${bodyBlock(result.resultText)}`,
  );
  return [modules, 'Results:', ...rules].join('\n\n');
}
