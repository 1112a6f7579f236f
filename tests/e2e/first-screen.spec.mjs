// The first screen before the wasm (issue 16): painted from static HTML on
// the stand-alone page and in the custom element, readable and accessible
// without WebAssembly, and its buttons (Start, the language switch) keep
// working: what was clicked before the wasm arrived happens once it has.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchPage } from './helpers.mjs';

/// Holds every .wasm response until `release()` is called.
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const pages = [
  { name: 'stand-alone page', url: '/', root: (page) => page.locator('#samenwerkingsscan') },
  { name: 'custom element', url: '/examples/plain.html', root: (page) => page.locator('samenwerkings-scan') },
];

for (const { name, url, root } of pages) {
  test(`${name}: the first screen is there before the wasm, and Start clicked early goes on`, async ({ page }) => {
    const problems = watchPage(page);
    const release = await holdWasm(page);
    await page.goto(url);
    const first = root(page).locator('[data-first-screen]');
    await expect(first.getByRole('heading', { level: 1 })).toHaveText('Samenwerkingsscan');
    await expect(first.getByRole('button', { name: 'Start de scan →' })).toBeVisible();
    await expectNoAxeViolations(page, `${name}, first screen before the wasm`);
    await first.getByRole('button', { name: 'Start de scan →' }).click();
    await expect(first.getByRole('status')).toHaveText('Een ogenblik: de scan wordt geladen…');
    release();
    // The widget mounts and does what was clicked: the context screen, its
    // heading focused as after any step.
    const heading = root(page).locator('[data-screen-heading]');
    await expect(heading).toHaveText('De samenwerking');
    await expect(heading).toBeFocused();
    await expect(root(page).locator('[data-first-screen]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test(`${name}: the language switch works before the wasm`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(url);
    const first = root(page).locator('[data-first-screen]');
    await first.getByRole('button', { name: 'English' }).click();
    await expect(first.getByRole('heading', { level: 1 })).toHaveText('Partnership readiness scan');
    await expect(first.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(first.getByRole('button', { name: 'English' })).toBeFocused();
    release();
    await expect(root(page).locator('[data-first-screen]')).toHaveCount(0);
    await expect(root(page).getByRole('button', { name: 'Start the scan →' })).toBeVisible();
    await expect(root(page).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
}

test('without its wasm the first screen stays readable, under a message that says why', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  await page.goto('/');
  const root = page.locator('#samenwerkingsscan');
  await expect(root.locator('.scan-load-error')).toContainText('application/wasm');
  await expect(root.getByRole('heading', { level: 1 })).toHaveText('Samenwerkingsscan');
  await expect(root.getByText('Uw gegevens blijven bij u')).toBeVisible();
  // No button that would do nothing.
  await expect(root.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page, 'first screen without its wasm');
});

test('a browser with saved answers sees "Ga verder" on the first screen too', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('samenwerkingsscan', JSON.stringify({ format: 2, saved_at: 1, lang: 'nl', answers: { responses: {} }, changes: {} })));
  const release = await holdWasm(page);
  await page.reload();
  const first = page.locator('#samenwerkingsscan [data-first-screen]');
  await expect(first.getByRole('button', { name: 'Ga verder waar u was →' })).toBeVisible();
  release();
});
