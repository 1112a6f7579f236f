// One language per visit (issue 16): the built-in questionnaire comes as
// instrument.nl.json or instrument.en.json, the other only on a switch.
// What happens when that file is slow, missing or wrong, and that the
// first screen's presses are neither lost nor doubled.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './helpers.mjs';

const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');

/// Holds every response matching `glob` until `release()` is called.
async function hold(page, glob) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(glob, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function start(page) {
  await page.goto('/');
  await widget(page).getByRole('button', { name: 'Start de scan →' }).click();
  await expect(heading(page)).toHaveText('De samenwerking');
}

test('the last language chosen wins, also when the file of an earlier choice arrives later', async ({ page }) => {
  await start(page);
  const release = await hold(page, '**/instrument.en.json');
  await widget(page).getByRole('button', { name: 'English' }).click();
  await widget(page).getByRole('button', { name: 'Nederlands' }).click();
  release();
  await page.waitForResponse('**/instrument.en.json');
  await page.waitForTimeout(300);
  await expect(heading(page)).toHaveText('De samenwerking');
  await expect(widget(page).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
});

test('a language that cannot be loaded is said once, in the language shown, and the message goes when it works', async ({ page }) => {
  await page.route('**/instrument.en.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await start(page);
  const alert = widget(page).getByRole('alert');
  for (let i = 0; i < 2; i++) await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveText('De taal English kon niet worden geladen. De teksten blijven in het Nederlands. Controleer de internetverbinding en kies de taal opnieuw. (Foutmelding: instrument.en.json: HTTP 503)');
  await page.unroute('**/instrument.en.json');
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('The partnership');
  await expect(alert).toHaveCount(0);
});

test('a file of another version of the questionnaire is refused', async ({ page }) => {
  const other = JSON.parse(readFileSync(new URL('../../dist/instrument.en.json', import.meta.url)));
  other.version = 'other';
  await page.route('**/instrument.en.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(other) }));
  await start(page);
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(widget(page).getByRole('alert')).toContainText('instrument.en.json is another version of the questionnaire');
  await expect(heading(page)).toHaveText('De samenwerking');
});

test('workshop mode says so too when a language cannot be loaded', async ({ page }) => {
  await page.route('**/instrument.en.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(widget(page).getByRole('alert')).toContainText('De taal English kon niet worden geladen');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  await expectNoAxeViolations(page, 'workshop, language that cannot be loaded');
});

test('English chosen on the first screen while its file is missing: the scan starts in Dutch and says why', async ({ page }) => {
  await page.route('**/instrument.en.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const release = await hold(page, '**/*.wasm');
  await page.goto('/');
  await widget(page).locator('[data-first-screen]').getByRole('button', { name: 'English' }).click();
  release();
  await expect(widget(page).locator('[data-first-screen]')).toHaveCount(0);
  await expect(widget(page).getByRole('alert')).toContainText('De taal English kon niet worden geladen');
  await expect(widget(page).getByRole('button', { name: 'Start de scan →' })).toBeVisible();
});

test('a host with its own questionnaire never downloads the built-in one', async ({ page }) => {
  const own = readFileSync(new URL('../../core/data/instrument.json', import.meta.url), 'utf8');
  await page.route('**/examples/own.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Eigen vragenlijst</title><script type="module" src="../samenwerkingsscan.js"></script></head><body><main><h1>Eigen vragenlijst</h1><samenwerkings-scan instrument="own.json"></samenwerkings-scan></main></body></html>',
  }));
  await page.route('**/examples/own.json', (route) => route.fulfill({ contentType: 'application/json', body: own }));
  const asked = [];
  page.on('request', (r) => { if (/instrument\.\w+\.json$/.test(r.url())) asked.push(r.url()); });
  await page.goto('/examples/own.html');
  await expect(page.locator('samenwerkings-scan').getByRole('heading', { level: 1 })).toHaveText('Samenwerkingsscan');
  await expect(page.locator('samenwerkings-scan').getByRole('button', { name: /Start de scan/ })).toBeVisible();
  expect(asked).toEqual([]);
});

test('a touch on the first screen that ends after the swap starts the scan once and answers nothing', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const release = await hold(page, '**/*.wasm');
  await page.goto('/');
  const button = widget(page).locator('[data-first-screen]').getByRole('button', { name: 'Start de scan →' });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  const cdp = await context.newCDPSession(page);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  release();
  await expect(widget(page).locator('[data-first-screen]')).toHaveCount(0);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(heading(page)).toHaveText('De samenwerking');
  await page.waitForTimeout(500);
  await expect(heading(page)).toHaveText('De samenwerking');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('samenwerkingsscan') ?? 'null'));
  const context_ = saved?.answers?.context ?? {};
  expect(Object.values(context_).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0))).toEqual([]);
  await context.close();
});
