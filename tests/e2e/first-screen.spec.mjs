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
    await expectNoAxeViolations(page, `${name}, first screen before the wasm`, { firstScreen: true });
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

  /// Presses the mouse on the first screen's Start and keeps it down while
  /// the live widget replaces it; gives the button's centre.
  async function pressAcrossSwap(page) {
    const release = await holdWasm(page);
    await page.goto(url);
    const first = root(page).locator('[data-first-screen]');
    const box = await first.getByRole('button', { name: 'Start de scan →' }).boundingBox();
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    release();
    await expect(root(page).locator('[data-first-screen]')).toHaveCount(0);
    return centre;
  }

  test(`${name}: a press begun on the first screen and released on the live widget is a click`, async ({ page }) => {
    // The browser fires no click when the pressed button is replaced before
    // the release; the loader ends the press on the live button.
    await pressAcrossSwap(page);
    await page.mouse.up();
    await expect(root(page).locator('[data-screen-heading]')).toHaveText('De samenwerking');
  });

  test(`${name}: a press released outside the widget stays without a click, as in any browser`, async ({ page }) => {
    const centre = await pressAcrossSwap(page);
    await page.mouse.move(2, 2);
    await page.mouse.up();
    // A later release on Start is a press of its own, not the old one.
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.up();
    await expect(root(page).locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
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
  await expectNoAxeViolations(page, 'first screen without its wasm', { firstScreen: true });
});

test('a browser with saved answers sees "Ga verder" on the first screen too', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('samenwerkingsscan', JSON.stringify({ format: 1, saved_at: 1, lang: 'nl', answers: { responses: { 'vergelijkbaarheid-en-bekendheid.1': 4 } }, changes: {} })));
  const release = await holdWasm(page);
  await page.reload();
  const first = page.locator('#samenwerkingsscan [data-first-screen]');
  await expect(first.getByRole('button', { name: 'Ga verder waar u was →' })).toBeVisible();
  release();
  await expect(page.locator('#samenwerkingsscan [data-first-screen]')).toHaveCount(0);
  await expect(page.locator('#samenwerkingsscan').getByRole('button', { name: 'Ga verder waar u was →' })).toBeVisible();
});

// The breaker's review of the first screen, each a test.

test('a host that requires Trusted Types: no first screen, the widget still mounts', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/examples/trusted-types.html');
  const scan = page.locator('samenwerkings-scan');
  await expect(scan.locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
  await scan.getByRole('button', { name: 'Start de scan →' }).click();
  await expect(scan.locator('[data-screen-heading]')).toHaveText('De samenwerking');
  expect(problems.filter((p) => !/TrustedHTML|Trusted Type/i.test(p))).toEqual([]);
});

test('an address for another screen gets no first screen, and that screen once loaded', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#scan=samenwerking');
  const root = page.locator('#samenwerkingsscan');
  await expect(root.locator('[data-first-screen]')).toHaveCount(0);
  await expect(root.getByRole('status')).toHaveText('De Samenwerkingsscan wordt geladen…');
  release();
  await expect(root.locator('[data-screen-heading]')).toHaveText('De samenwerking');
});

test('a saved record without answers still says "Start de scan"', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('samenwerkingsscan', JSON.stringify({ format: 1, saved_at: 1, lang: 'nl', answers: { responses: {} }, changes: {} })));
  const release = await holdWasm(page);
  await page.reload();
  await expect(page.locator('#samenwerkingsscan [data-first-screen]').getByRole('button', { name: 'Start de scan →' })).toBeVisible();
  release();
  await expect(page.locator('#samenwerkingsscan').getByRole('button', { name: 'Start de scan →' })).toBeVisible();
});

test('keyboard focus on the first screen stays on the same button in the live widget', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const first = page.locator('#samenwerkingsscan [data-first-screen]');
  await first.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  await expect(first.getByRole('button', { name: 'English' })).toBeFocused();
  release();
  await expect(page.locator('#samenwerkingsscan [data-first-screen]')).toHaveCount(0);
  await expect(page.locator('#samenwerkingsscan').getByRole('button', { name: 'English' })).toBeFocused();
});

test('an attribute changed while the wasm loads keeps what was clicked', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/examples/plain.html');
  const scan = page.locator('samenwerkings-scan');
  await scan.locator('[data-first-screen]').getByRole('button', { name: 'Start de scan →' }).click();
  await scan.evaluate((el) => el.setAttribute('label', 'Scan van de regio'));
  await expect(scan.locator('[data-first-screen]')).toHaveAttribute('aria-label', 'Scan van de regio');
  await expect(scan.locator('[data-first-screen]').getByRole('status')).toBeVisible();
  release();
  await expect(scan.locator('[data-screen-heading]')).toHaveText('De samenwerking');
});

test('an element taken off the page before the wasm arrives never mounts', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/examples/plain.html');
  await expect(page.locator('samenwerkings-scan [data-first-screen]')).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('samenwerkings-scan').remove();
    history.pushState(null, '', '/examples/elsewhere');
  });
  release();
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => [location.pathname, location.hash, Object.keys(localStorage)])).toEqual(['/examples/elsewhere', '', []]);
});

test('workshop mode opens in the language the scan is in', async ({ page }) => {
  await page.goto('/');
  const root = page.locator('#samenwerkingsscan');
  await root.getByRole('button', { name: 'English' }).click();
  await expect(root.locator('[data-screen-heading]')).toHaveText('Partnership readiness scan');
  await root.getByRole('button', { name: 'Run a workshop' }).click();
  await expect(root.getByRole('heading', { name: 'Prepare the workshop' })).toBeVisible();
  await expect(root.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
});

test('a host resource its CSP blocks is not blamed for a missing wasm', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const img = document.createElement('img');
      img.src = 'https://tracker.example.invalid/pixel.png';
      img.alt = '';
      document.body.append(img);
    });
  });
  await page.goto('/examples/csp.html');
  const alert = page.locator('samenwerkings-scan .scan-load-error');
  await expect(alert).toContainText('application/wasm');
  await expect(alert).not.toContainText('img-src');
});

test('the iframe is sized to the first screen before the wasm arrives', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/examples/iframe.html');
  const frameEl = page.locator('iframe').first();
  const frame = page.frameLocator('iframe').first();
  await expect(frame.locator('[data-first-screen]')).toBeVisible();
  const content = () => frameEl.evaluate((f) => Math.ceil(f.contentDocument.body.getBoundingClientRect().height));
  const height = () => frameEl.evaluate((f) => f.getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await height()) - (await content()))).toBeLessThanOrEqual(2);
  release();
});
