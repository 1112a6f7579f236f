// The release bundle (`cargo xtask dist`): a host page with the embed
// snippet, as a webmaster pastes it. The browser checks the loader and the
// scan's glue against their `integrity` hashes, and the loader checks what it
// fetches itself (the wasm, the questionnaire); a changed file is refused
// and the scan says so, visibly.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, live } from './helpers.mjs';

const version = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8').match(/^version = "([^"]+)"/m)[1];
const base = `/release/samenwerkingsscan-${version}/`;
const snippet = readFileSync(new URL(`../../target/release-bundle/samenwerkingsscan-${version}/EMBED.html`, import.meta.url), 'utf8')
  .replaceAll('https://example.nl/scan/', base);
const scan = (page) => page.locator('samenwerkings-scan');

/// A host page on the test server's origin with the snippet in it.
async function hostPage(page) {
  await page.route('**/host-with-release.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Voorbeeld</title></head><body><main><h1>Samenwerken</h1>${snippet}</main></body></html>`,
  }));
  await page.goto('/host-with-release.html');
}

test('the snippet pins the loader and the glue, and the scan runs from the release', async ({ page }) => {
  expect(snippet).toMatch(/<script type="module" src="[^"]+samenwerkingsscan\.js"\s+integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous">/);
  expect(snippet).toMatch(/"[^"]+samenwerkingsscan_web\.js": "sha384-[A-Za-z0-9+/=]{64}"/);
  expect(snippet).toMatch(/"[^"]+samenwerkingsscan_workshop\.js": "sha384-/);
  expect(snippet).toMatch(/"[^"]+samenwerkingsscan_import\.js": "sha384-/);
  await hostPage(page);
  await live(page);
  await expect(scan(page).locator('.scan-load-error')).toHaveCount(0);
  await expectNoAxeViolations(page, 'release host');
});

/// Serves `file` of the release changed, as a damaged or altered copy
/// would be: one bit flipped, or (`change`) bytes of our own.
async function tamper(page, file, change = (body) => { body[body.length - 2] ^= 1; return body; }) {
  await page.route(`**${base}${file}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: change(Buffer.from(await response.body())) });
  });
}

test('a changed wasm is refused, and the scan says which file and what to do', async ({ page }) => {
  await tamper(page, 'samenwerkingsscan_web_bg.wasm');
  await hostPage(page);
  const alert = scan(page).locator('.scan-load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('samenwerkingsscan_web_bg.wasm');
  await expect(alert).toContainText('controle op echtheid');
  await expectNoAxeViolations(page, 'release: changed wasm');
});

test('a changed questionnaire file is refused: the other language is used, and the scan says which file', async ({ page }) => {
  await tamper(page, 'instrument.nl.json');
  await hostPage(page);
  await live(page);
  const alert = scan(page).getByRole('alert');
  await expect(alert).toContainText('instrument.nl.json');
  await expect(alert).toContainText('integrity');
});

test("a changed glue script is refused by the browser (the import map's integrity), and the scan says so", async ({ page }) => {
  // Still valid JavaScript that would run: only the hash can refuse it.
  await tamper(page, 'samenwerkingsscan_web.js', (body) => Buffer.concat([body, Buffer.from('\n// changed\n')]));
  await hostPage(page);
  await expect(scan(page).locator('.scan-load-error')).toBeVisible();
});

test("workshop mode's glue is pinned by the same import map", async ({ page }) => {
  await tamper(page, 'samenwerkingsscan_workshop.js', (body) => Buffer.concat([body, Buffer.from('\n// changed\n')]));
  await hostPage(page);
  await live(page);
  await scan(page).getByRole('button', { name: 'Workshop leiden' }).click();
  await expect(scan(page).locator('.scan-load-error')).toBeVisible();
});

for (const [file, change] of [
  ['samenwerkingsscan_import_bg.wasm', undefined],
  ['samenwerkingsscan_import.js', (body) => Buffer.concat([body, Buffer.from('\n// changed\n')])],
]) {
  test(`the survey import is pinned too: a changed ${file} is refused, visibly`, async ({ page }) => {
    await tamper(page, file, change);
    await hostPage(page);
    await live(page);
    await scan(page).getByLabel('Antwoorden openen uit een bestand').setInputFiles({
      name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from('Gemeente;Rol\nDruten;raadslid\n'),
    });
    await expect(scan(page).locator('.scan-alert--error')).toContainText('Het onderdeel dat Excel- en CSV-bestanden leest, kon niet worden geladen');
    expect(readFileSync(new URL(`../../target/release-bundle/samenwerkingsscan-${version}/SHA256SUMS`, import.meta.url), 'utf8'))
      .toMatch(new RegExp(` ${file.replace('.', '\\.')}\n`));
  });
}
