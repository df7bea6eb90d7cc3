// Renders public/favicon.svg into the PNG icons the web app manifest names
// (public/icon-192.png, public/icon-512.png), with the Chromium the tests use.
// Run it again after changing the favicon: node scripts/makeIcons.mjs
import { readFile } from 'node:fs/promises';
import { URL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromium.mjs';

const publicDir = new URL('../public/', import.meta.url);
const svg = await readFile(new URL('favicon.svg', publicDir), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
    await page.locator('svg').screenshot({
      path: new URL(`icon-${size}.png`, publicDir).pathname,
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
