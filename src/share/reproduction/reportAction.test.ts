import { describe, expect, it } from 'vitest';
import type { ActionDraft } from '../../core/actions/actionSchemas';
import { decodeShareLink, readShareFragment } from '../shareLink';
import { buildReproduction } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import { API_KEY, draft, input } from './reproductionInput.testSupport';

const action: ActionDraft = {
  code: "exports.onExecutePreUserRegistration = async (event, api) => {\n  api.user.setAppMetadata('echoed', event.secrets.API_KEY);\n};\n",
  dependencies: { axios: '1.6.8' },
  notes: [
    {
      line: 2,
      hookLine: 4,
      construct: 'context.webtask.storage',
      message: `Storage is gone; it held ${API_KEY}.`,
    },
  ],
};
const ported = () =>
  input({ hook: { name: 'Add plan', pointId: 'pre-user-registration', draft: draft({ action }) } });

describe('buildReproduction: a hook with an Action draft', () => {
  it('has no Action section when the hook has no Action', async () => {
    expect((await buildReproduction(input())).markdown).not.toContain('\n## Action\n');
  });

  it('shows the Action code, its dependencies and port notes after the hook code', async () => {
    const { markdown } = await buildReproduction(ported());
    const titles = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(titles.slice(3, 5)).toEqual(['Code', 'Action']);
    const body = section(markdown, 'Action');
    expect(body).toContain('the trigger `pre-user-registration`');
    expect(body).toContain('```js\n' + action.code + '```');
    expect(body).toContain('Action dependencies:\n\n| Module | Version |');
    expect(body).toContain('| `axios` | `1.6.8` |');
    expect(body).toContain('| Action line | Hook line | Construct | Note |');
    expect(body).toContain('| 2 | 4 | `context.webtask.storage` |');
  });

  it('redacts secret values in the port notes as everywhere else', async () => {
    const { markdown } = await buildReproduction(ported());
    expect(section(markdown, 'Action')).toContain('it held \\<secret:API\\_KEY\\>');
    expect(markdown).not.toContain(API_KEY);
    const included = await buildReproduction({ ...ported(), includeSecrets: true });
    expect(section(included.markdown, 'Action')).toContain(API_KEY.replace(/_/g, '\\_'));
  });

  it("the report's link carries the Action", async () => {
    const { link } = await buildReproduction(ported());
    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    expect(decoded.ok && decoded.state.action).toEqual(action);
  });

  it('warns that a secret value written in the Action code is shared as written', async () => {
    const written = { ...action, code: `const key = '${API_KEY}';\n` };
    const report = await buildReproduction(
      input({
        hook: {
          name: 'Add plan',
          pointId: 'pre-user-registration',
          draft: draft({ action: written }),
        },
      }),
    );
    expect(report.warnings.join(' ')).toMatch(/The Action code contains a hidden value/);
  });
});
