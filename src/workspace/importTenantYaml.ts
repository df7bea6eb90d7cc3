import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ImportEntry } from './expandImportFiles';
import { readYamlActions, type FoundAction } from './importActions';
import type { ImportProblem, ItemSource } from './importHooks';
import { folderOf } from './resolvePath';
import { yamlErrorText } from './yamlErrorText';

/**
 * A deploy-cli `tenant.yaml`: each item of its `hooks:` list goes to `importItem`, and the
 * Actions of its `actions:` list are returned. A file with neither list is a problem.
 */
export function importTenantYaml(
  entry: ImportEntry,
  text: string,
  importItem: (value: unknown, at: ItemSource) => void,
  readReferenced: (path: string) => string | undefined,
  problems: ImportProblem[],
): FoundAction[] {
  const problem = (message: string) => problems.push({ file: entry.path, message });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    problem(`YAML syntax error: ${yamlErrorText(syntaxError)}.`);
    return [];
  }
  const actions = readYamlActions(doc, lineCounter, entry.path, readReferenced, problems);
  const root = doc.contents;
  if (isMap(root) && !root.has('hooks') && root.has('actions')) return actions;
  if (!isMap(root) || !root.has('hooks')) {
    problem(
      'No hooks: list in this YAML file (a deploy-cli tenant.yaml lists its hooks under a top-level "hooks:" key).',
    );
    return actions;
  }
  const list = root.get('hooks', true);
  if (isScalar(list) && list.value === null) return actions; // `hooks:` with nothing under it
  if (!isSeq(list)) {
    problem('The "hooks:" key does not hold a list.');
    return actions;
  }
  const values: unknown = (doc.toJS({ maxAliasCount: 100 }) as { hooks?: unknown }).hooks;
  list.items.forEach((node, index) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const line = range ? ` (line ${lineCounter.linePos(range[0]).line})` : '';
    importItem(Array.isArray(values) ? values[index] : undefined, {
      file: entry.path,
      folder: folderOf(entry.path),
      container: entry.container,
      label: `hooks[${index}]${line}`,
    });
  });
  return actions;
}
