import { getPoint } from '../../core/points';
import { networkForRun } from '../../workspace/draft/network';
import { planRedaction } from '../redact';
import { actionSection } from './actionSection';
import { codeBlock } from './codeBlock';
import { consoleSection } from './consoleSection';
import { fitReport, type Section } from './fitReport';
import { autoMocksSection, mocksSection, moduleMocksSection } from './networkSections';
import { outcomeSection } from './outcomeSection';
import { parseJson } from './parseJson';
import { redactedSection, unhiddenValues } from './redactedSection';
import { MAX_CODE_CHARS } from './reportBudget';
import type { ReproductionInput } from './reproductionInput';
import { requestsSection } from './requestsSection';
import { redactTests, testsSection } from './testsSection';
import {
  dependenciesSection,
  linkSection,
  payloadSection,
  runtimeSection,
  secretsSection,
} from './setupSections';
import { text } from '../reproductionMarkdown';
import { encodeShareLink } from '../shareLink';
import { sharedStateOf } from '../sharedStateOf';

export { MAX_REPORT_CHARS } from './reportBudget';
export type { ReproductionInput, ReproductionRun } from './reproductionInput';

export interface Reproduction {
  markdown: string;
  /** A share link that opens the hook's setup; '' when the setup cannot be shared (the report says why). */
  link: string;
  /** What was hidden, as sentences, e.g. "2 secret values (API_KEY, TOKEN) replaced by placeholders". */
  redactions: string[];
  /** What the redaction could not hide or hid too eagerly, as sentences. */
  warnings: string[];
}

/**
 * Everything support needs to reproduce a hook's behaviour, as Markdown for a ticket and
 * as a share link: the setup (code, the Action draft when the hook was ported, payload,
 * secrets, mocks, modules, dependencies, settings), the last run (outcome, console output, outbound requests) and the hook's tests
 * (the link carries them too). Secret values
 * and the user's password are hidden everywhere in both unless the user includes them.
 */
export async function buildReproduction(input: ReproductionInput): Promise<Reproduction> {
  const { hook, run, includeSecrets, includePasswords } = input;
  const { draft } = hook;
  const point = getPoint(hook.pointId);
  const ran = run !== null && run.status !== 'idle' ? run : null;

  const draftPayload = parseJson(draft.payloadText);
  const tests = hook.tests ?? [];
  const testPayloads = tests.map((test) => {
    const parsed = parseJson(test.payloadText);
    return parsed.ok ? parsed.value : null;
  });
  const plan = planRedaction({
    secrets: draft.secrets,
    runSecrets: ran?.secrets,
    testSecrets: tests.map((test) => test.overrides?.secrets ?? {}),
    payloads: [draftPayload.ok ? draftPayload.value : null, ran?.payload, ...testPayloads],
    includeSecrets,
    includePasswords,
  });
  const { redactor } = plan;
  const warnings = [...plan.warnings, ...unhiddenValues(draft, redactor)];

  let link = '';
  let linkProblem: string | null = null;
  const shared = sharedStateOf(hook, input.timeoutMs, { includeSecrets });
  // What the report shows of the tests is what its link carries.
  const redactedTests = redactTests(
    shared.ok ? (shared.state.tests ?? []) : tests.map(({ id: _id, ...test }) => test),
    redactor,
  );
  if (shared.ok) {
    const state = { ...shared.state, payload: redactor.json(shared.state.payload) };
    if (state.tests) state.tests = redactedTests.tests;
    if (state.secrets) {
      state.secrets = Object.fromEntries(
        Object.entries(state.secrets).map(([name, value]) => [name, redactor.text(value)]),
      );
    }
    link = await encodeShareLink(state, input.pageUrl);
  } else {
    linkProblem = shared.message;
  }

  const network = networkForRun(draft.network);
  const sections: Section[] = [
    { title: 'Redacted', body: redactedSection(plan.redactions, warnings, input) },
    { title: 'Runtime', body: runtimeSection(input, point.label) },
    {
      title: 'Link',
      body: linkSection(link, linkProblem, plan.withheldSecrets.length > 0),
      cutRank: 7,
    },
    { title: 'Code', body: codeBlock(draft.code, 'js', MAX_CODE_CHARS), cutRank: 6 },
    ...(draft.action === undefined
      ? []
      : [
          {
            title: 'Action',
            body: actionSection(draft.action, hook.pointId, redactor),
            cutRank: 6,
          },
        ]),
    {
      title: 'Payload',
      body: payloadSection(draft.payloadText, draftPayload, redactor),
      cutRank: 5,
    },
    { title: 'Secrets', body: secretsSection(draft.secrets, includeSecrets, redactor) },
    { title: 'HTTP mocks', body: mocksSection(network.mocks), cutRank: 4 },
    { title: 'Module mocks', body: moduleMocksSection(network.moduleMocks), cutRank: 3 },
    { title: 'Auto-mocks', body: autoMocksSection(network.autoMocks, network.autoMockResults) },
    { title: 'Dependencies', body: dependenciesSection(draft.dependencies) },
    {
      title: 'Outcome',
      body: outcomeSection(ran, hook.pointId, draftPayload, redactor),
      cutRank: 8,
    },
    { title: 'Console output', body: consoleSection(ran, redactor), cutRank: 1 },
    { title: 'Outbound requests', body: requestsSection(ran, redactor), cutRank: 2 },
    { title: 'Tests', body: testsSection(redactedTests.tests, redactedTests.leftOut), cutRank: 0 },
  ];

  const title = `# Hookpad reproduction: ${text(hook.name.trim() || 'Untitled hook')} (${text(point.label)})`;
  return { markdown: fitReport(title, sections), link, redactions: plan.redactions, warnings };
}
