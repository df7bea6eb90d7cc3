import { strToU8 } from 'fflate';
import type { ImportFile, ImportResult } from './importHooks';

// The deploy-cli fixtures under ./fixtures and small helpers the import tests share.

const fixtures = import.meta.glob<string>('./fixtures/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The fixture files under `folder`, with paths as a folder picker gives them ("directory/hooks/a.js"). */
export function fixtureFiles(folder: string): ImportFile[] {
  return Object.entries(fixtures)
    .filter(([path]) => path.startsWith(`./fixtures/${folder}/`))
    .map(([path, text]) => ({ path: path.slice('./fixtures/'.length), bytes: strToU8(text) }));
}

export const fixtureText = (path: string): string => {
  const text = fixtures[`./fixtures/${path}`];
  if (text === undefined) throw new Error(`no fixture ${path}`);
  return text;
};

export const file = (path: string, text: string): ImportFile => ({ path, bytes: strToU8(text) });

export const byName = (result: ImportResult, name: string) => {
  const hook = result.hooks.find((imported) => imported.record.name === name);
  if (!hook) throw new Error(`no hook named ${name}`);
  return hook;
};

export const secretsOf = (result: ImportResult, name: string) =>
  byName(result, name).record.draft.secrets.map(({ name, value, notExported }) => ({
    name,
    value,
    notExported,
  }));
