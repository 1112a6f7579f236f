// Embedding on municipal websites: the custom element on every example host.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, live, screenshot, watchPage } from './helpers.mjs';

const host = (page, selector = 'samenwerkings-scan') => page.locator(selector);
const inside = (page, css, selector) => host(page, selector).locator(css); // Playwright pierces open shadow roots

async function completeScan(page, selector) {
  const scan = host(page, selector);
  await scan.locator('.scan-intro .scan-button--primary').click();
  // A click on the first screen before the wasm is done once it has mounted.
  // Up to 20 s: with two test workers, Chromium was seen to send the
  // bundle's JavaScript and the instrument requests of the strict-CSP page
  // about 3 s late (the test server's log shows them arriving late, not
  // answered late); cause not found, see the closing note of issue 16.
  // A click that lands exactly while the first screen is swapped for the
  // live widget was seen lost once in a full run (the live intro stayed);
  // this test is about the CSP, so it clicks the live button again then
  // (the lost click is in the closing note of issue 18).
  await expect(scan.locator('[data-first-screen]')).toHaveCount(0, { timeout: 20000 });
  const started = scan.locator('[data-screen-heading]');
  try {
    await expect(started).toHaveText(/De samenwerking|The partnership/, { timeout: 5000 });
  } catch {
    await scan.locator('.scan-intro .scan-button--primary').click();
    await expect(started).toHaveText(/De samenwerking|The partnership/, { timeout: 20000 });
  }
  for (let step = 0; step < 8; step++) {
    const groups = scan.locator('fieldset.scan-statement');
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).locator('input[id$="-4"]').check();
    const next = scan.locator('.scan__nav .scan-button--primary');
    if (!(await next.count())) break;
    // Wait for the next screen before counting its statements (else the
    // count can come from the screen that is just being replaced).
    const heading = scan.locator('[data-screen-heading]');
    const before = await heading.textContent();
    await next.click();
    await expect(heading).not.toHaveText(before);
  }
  await expect(scan.locator('.scan-verdict')).toBeVisible();
}

test('plain host: renders in a shadow root, completes, and tells the host', async ({ page }) => {
  const problems = watchPage(page);
  await page.addInitScript(() => {
    window.scanEvents = [];
    document.addEventListener('samenwerkingsscan-report', (e) => window.scanEvents.push(['report', e.detail]));
    document.addEventListener('samenwerkingsscan-change', (e) => window.scanEvents.push(['change', e.detail]));
  });
  await page.goto('/examples/plain.html');
  await expect(inside(page, 'h1')).toHaveText('Samenwerkingsscan');
  expect(await page.evaluate(() => !!document.querySelector('samenwerkings-scan').shadowRoot)).toBe(true);
  await expectNoAxeViolations(page, 'plain host');
  await completeScan(page);
  // "change" is told once the answers stood still for 250 ms.
  await expect.poll(() => page.evaluate(() => window.scanEvents.some(([type]) => type === 'change'))).toBe(true);
  const events = await page.evaluate(() => window.scanEvents);
  const reports = events.filter(([type]) => type === 'report');
  expect(reports.length).toBeGreaterThan(0);
  const detail = reports.at(-1)[1];
  expect(detail.verdict.level).toBeTruthy();
  expect(detail.factors).toHaveLength(40);
  expect(JSON.parse(JSON.stringify(detail))).toEqual(detail); // plain JSON data
  await expectNoAxeViolations(page, 'plain host report');
  expect(problems).toEqual([]);
});

test('strict CSP host: works with zero policy violations', async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/examples/csp.html');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(inside(page, 'h1')).toHaveText('Samenwerkingsscan');
  await completeScan(page);
  await expect(inside(page, '.scan-chart')).toBeVisible();
  // Printing works under this policy too: print.css is a linked stylesheet.
  await page.evaluate(() => { window.print = () => {}; });
  await inside(page, '.scan-button', undefined).filter({ hasText: 'Rapport afdrukken' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('main > h1')).toBeHidden();
  await expect(inside(page, '.scan-verdict')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  // Last: axe-core injects an inline <style> of its own, which this CSP
  // (rightly) reports; that is the test tool, not the widget.
  await expectNoAxeViolations(page, 'strict CSP host report');
});

test('hostile host CSS changes nothing inside the widget', async ({ page, browser }) => {
  const style = async (p) => inside(p, '.scan').evaluate((el) => {
    const s = getComputedStyle(el);
    const b = getComputedStyle(el.querySelector('.scan-button'));
    return { font: s.fontFamily, size: s.fontSize, color: s.color, spacing: s.letterSpacing, align: s.textAlign, lineHeight: s.lineHeight,
      button: [b.backgroundColor, b.color, b.borderTopWidth, b.fontSize], width: Math.round(el.getBoundingClientRect().width) };
  });
  await page.goto('/examples/hostile.html');
  await expect(inside(page, 'h1')).toHaveText('Samenwerkingsscan');
  await live(host(page));
  const hostile = await style(page);
  const plain = await browser.newPage();
  await plain.goto('/examples/plain.html');
  // A fresh browser context compiles the wasm again: allow for a busy machine.
  await expect(inside(plain, 'h1')).toHaveText('Samenwerkingsscan', { timeout: 20000 });
  await live(host(plain));
  const reference = await style(plain);
  expect(hostile).toEqual(reference);
  await screenshot(page, 'embed-hostile-1280x800');
  await expectNoAxeViolations(page, 'hostile host');
  await plain.close();
});

test('NL Design System tokens of the host theme the widget', async ({ page }) => {
  await page.goto('/examples/theme.html');
  // The first screen is themed too, before the wasm arrives.
  await expect(inside(page, '.scan-intro .scan-button--primary')).toHaveCSS('background-color', 'rgb(91, 42, 134)');
  await live(host(page));
  await expect(inside(page, '.scan-intro .scan-button--primary')).toHaveCSS('background-color', 'rgb(91, 42, 134)');
  await expect(inside(page, '.scan')).toHaveCSS('font-family', /Georgia/);
  await expectNoAxeViolations(page, 'themed host');
  await screenshot(page, 'embed-theme-1280x800');
});

test('two instances keep separate answers and languages', async ({ page }) => {
  await page.goto('/examples/two.html');
  await expect(inside(page, 'h1', '#scan-a')).toHaveText('Samenwerkingsscan');
  await expect(inside(page, 'h1', '#scan-b')).toHaveText('Partnership readiness scan');
  const a = host(page, '#scan-a');
  await a.locator('.scan-intro .scan-button--primary').click();
  await a.locator('.scan__nav .scan-button--primary').click();
  await a.locator('fieldset.scan-statement').first().locator('input[id$="-5"]').check();
  const stored = await page.evaluate(() => [localStorage.getItem('sociaal-domein'), localStorage.getItem('bedrijfsvoering')]);
  expect(JSON.parse(stored[0]).answers.responses).not.toEqual({});
  expect(stored[1] === null || Object.keys(JSON.parse(stored[1]).answers.responses).length === 0).toBe(true);
  // The second widget stays on its own start screen.
  await expect(host(page, '#scan-b').locator('.scan-intro')).toBeVisible();
  await expectNoAxeViolations(page, 'two instances');
});

test('attribute changes after mount take effect', async ({ page }) => {
  await page.goto('/examples/plain.html');
  await live(host(page));
  await page.evaluate(() => document.querySelector('samenwerkings-scan').setAttribute('lang', 'en'));
  await expect(inside(page, 'h1')).toHaveText('Partnership readiness scan');
});

test('a broken custom instrument is reported and the built-in one is used', async ({ page }) => {
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('samenwerkings-scan').setAttribute('instrument', 'broken-instrument.json'));
  await expect(inside(page, '.scan-alert--error')).toContainText('fouten');
  await expect(inside(page, '.scan-intro')).toBeVisible();
});

test('iframe fallback: the frame grows to its content', async ({ page }) => {
  await page.goto('/examples/iframe.html');
  const frame = page.frameLocator('#samenwerkingsscan-frame');
  await expect(frame.locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
  await expect.poll(async () => page.locator('#samenwerkingsscan-frame').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(700);
  // The frame follows its content by postMessage, a moment after a render:
  // wait for it to settle rather than read it once.
  await expect.poll(() => page.locator('#samenwerkingsscan-frame').evaluate((f) =>
    Math.abs(f.contentDocument.documentElement.scrollHeight - f.getBoundingClientRect().height))).toBeLessThanOrEqual(2);
});
