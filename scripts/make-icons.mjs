/**
 * Writes the web app manifest's PNG icons (public/icons/) from public/favicon.svg, drawn by
 * Chromium (the e2e tests' browser) so they look exactly like the favicon. Run after changing
 * the favicon: `node scripts/make-icons.mjs`; the PNGs are committed, so builds need no tools.
 *
 * The maskable icon fills its square with the favicon's purple and keeps the drawing inside the
 * central 80 % circle every launcher's mask leaves visible (https://web.dev/articles/maskable-icon).
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';

const favicon = readFileSync('public/favicon.svg', 'utf8');
/** The favicon's drawing without its rounded square, for the maskable icon's full-bleed background. */
const drawing = favicon.replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#542788"/>`
  + `<svg x="10" y="10" width="44" height="44" viewBox="0 0 64 64">${drawing.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</svg></svg>`;

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
];

mkdirSync('public/icons', { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const { file, size, svg } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
  await page.close();
  console.log(`public/icons/${file}: ${size}×${size}`);
}
await browser.close();
