import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  ADDRESS_BAR_POPUP_FEATURES,
  CHROMIUM_ARGS,
  PLAYWRIGHT_DISABLED_FEATURES,
} from './chromium.mjs';

/** The features the installed Playwright disables, read from its own launcher's source. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('playwright-core/package.json')), 'lib');
  const sources = readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(lib, file), 'utf8'));
  const list = sources
    .map((source) => /disabledFeatures\s*=\s*\[([\s\S]*?)\]/.exec(source)?.[1])
    .find((found) => found !== undefined);
  if (list === undefined) throw new Error("Playwright's list of disabled features was not found");
  return [...list.matchAll(/["']([A-Za-z0-9]+)["']/g)].map((match) => match[1]!);
}

describe('the suite’s Chromium flags', () => {
  it('repeat every feature Playwright disables, since only the last --disable-features counts', () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it('pass one --disable-features, with Playwright’s features and the address bar’s popups', () => {
    const flags = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(flags).toHaveLength(1);
    const features = flags[0]!.slice('--disable-features='.length).split(',');
    expect(features).toEqual([...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUP_FEATURES]);
  });
});
