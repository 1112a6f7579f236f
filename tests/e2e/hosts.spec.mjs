// Embedding in the wild (issue 14): the municipal host pages the widget will
// really land on. Each page is in web/examples/; README "Embedding" says what
// each needs from the webmaster.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, live, watchPage } from './helpers.mjs';

const scan = (page) => page.locator('samenwerkings-scan');
const heading = (page) => scan(page).locator('[data-screen-heading]');

async function next(page) {
  const before = await heading(page).textContent();
  await scan(page).locator('.scan__nav .scan-button--primary').click();
  await expect(heading(page)).not.toHaveText(before);
}

test('a host with <base href="/"> keeps its own address', async ({ page }) => {
  await page.goto('/examples/base.html');
  await expect(scan(page).locator('h1')).toHaveText('Samenwerkingsscan');
  await expect.poll(() => page.evaluate(() => location.pathname + location.hash)).toBe('/examples/base.html#base=start');
  await scan(page).locator('.scan-intro .scan-button--primary').click();
  await expect(page).toHaveURL(/\/examples\/base\.html#base=samenwerking$/);
  // The share link points at this page, not the site root.
  await page.goto('/examples/base.html#base=rapport');
  await expect(scan(page).getByLabel('Deellink')).toHaveValue(/\/examples\/base\.html#base-code=/);
  await page.reload();
  await expect(page).toHaveURL(/\/examples\/base\.html#base=rapport$/);
  await expectNoAxeViolations(page, 'base-href host');
});

test("a host's router keeps its history.state, and back/forward show what the URL says", async ({ page }) => {
  await page.goto('/examples/router.html');
  await expect(scan(page).locator('h1')).toHaveText('Samenwerkingsscan');
  await live(scan(page));
  // The widget recorded its start without touching the host's state.
  expect(await page.evaluate(() => history.state)).toEqual({ route: 'scan', host: true });
  expect(await page.evaluate(() => location.hash)).toBe('#router=start');
  await scan(page).locator('.scan-intro .scan-button--primary').click();
  await expect(heading(page)).toHaveText('De samenwerking');
  // The host navigates (pushState, no fragment), then the visitor goes back.
  await page.getByRole('link', { name: 'Contact' }).click();
  await expect(page.locator('#page-title')).toHaveText('Contact');
  await page.goBack();
  await expect(page).toHaveURL(/#router=samenwerking$/);
  await expect(heading(page)).toHaveText('De samenwerking');
  await page.goBack();
  await expect(page).toHaveURL(/#router=start$/);
  await expect(heading(page)).toHaveText('Samenwerkingsscan');
  expect(await page.evaluate(() => history.state)).toEqual({ route: 'scan', host: true });
  await page.goForward();
  await expect(heading(page)).toHaveText('De samenwerking');
  await expectNoAxeViolations(page, 'router host');
});

test('copying the share link says what happened, and falls back to selecting it', async ({ page }) => {
  // Without a clipboard (an http:// intranet): the link is selected instead.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  const problems = watchPage(page);
  await page.goto('/examples/plain.html#scan=rapport');
  await scan(page).getByRole('button', { name: 'Kopieer link' }).click();
  await expect(scan(page).locator('.scan__sr-only[role="status"]')).toContainText('Kopiëren lukte niet');
  const selected = await scan(page).getByLabel('Deellink').evaluate((input) =>
    input.getRootNode().activeElement === input && input.selectionEnd - input.selectionStart === input.value.length);
  expect(selected).toBe(true);
  expect(problems).toEqual([]);
});

test('a refused clipboard is not announced as copied', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
      configurable: true,
    });
  });
  await page.goto('/examples/plain.html#scan=rapport');
  await scan(page).getByRole('button', { name: 'Kopieer link' }).click();
  await expect(scan(page).locator('.scan__sr-only[role="status"]')).toContainText('Kopiëren lukte niet');
  await expect(scan(page).locator('.scan__sr-only[role="status"]')).not.toContainText('gekopieerd');
});

test('confirmations follow the alertdialog pattern: focus in, kept inside, Esc, focus back', async ({ page }) => {
  await page.goto('/examples/plain.html');
  const wipe = scan(page).getByRole('button', { name: 'Mijn gegevens wissen' });
  await wipe.focus();
  await page.keyboard.press('Enter');
  const dialog = scan(page).getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Nee, terug' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Ja, wissen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Nee, terug' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Ja, wissen' })).toBeFocused();
  await expectNoAxeViolations(page, 'confirmation dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(wipe).toBeFocused();
  // "Nee, terug" by mouse: focus also returns to the opener.
  const restart = scan(page).getByRole('button', { name: 'Opnieuw beginnen' });
  await restart.click();
  await scan(page).getByRole('alertdialog').getByRole('button', { name: 'Nee, terug' }).click();
  await expect(restart).toBeFocused();
});

test('a side column gets the narrow layout: one option per line, no word broken', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/examples/side.html#zijkolom=randvoorwaarden-helpt');
  const options = scan(page).locator('fieldset.scan-statement').first().locator('.scan-option');
  await expect(options).toHaveCount(6);
  const boxes = await options.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThan(boxes[i - 1].top); // one per line
  const labels = await options.locator('label').evaluateAll((els) => els.map((label) => {
    const style = getComputedStyle(label);
    return { text: label.textContent, fits: label.scrollWidth <= label.clientWidth + 1, hyphens: style.hyphens, height: label.getBoundingClientRect().height };
  }));
  for (const l of labels) {
    expect(l.hyphens, l.text).toBe('manual');
    expect(l.fits, l.text).toBe(true);
    expect(l.height, l.text).toBeLessThan(120);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page, 'side-column host');
});

test('a wide page puts the five points in a row with whole words', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#scan=randvoorwaarden-helpt');
  const options = page.locator('#samenwerkingsscan fieldset.scan-statement').first().locator('.scan-option');
  await expect(options).toHaveCount(6);
  const tops = await options.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops.slice(0, 5)).size).toBe(1);
  // No label is broken inside a word: every word fits on its own line.
  const broken = await options.locator('label').evaluateAll((els) => els.flatMap((label) => {
    const words = label.textContent.split(/\s+/).filter(Boolean);
    const range = document.createRange();
    const node = label.lastChild;
    let at = 0;
    return words.filter((word) => {
      const start = node.textContent.indexOf(word, at);
      at = start + word.length;
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      return range.getClientRects().length > 1;
    });
  }));
  expect(broken).toEqual([]);
});

test('printing from a host page prints only the report, on A4', async ({ page }) => {
  await page.goto('/examples/print.html#print=rapport');
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  // The browser's dialog is replaced by a note that it was asked for.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await scan(page).getByRole('button', { name: 'Rapport afdrukken' }).click();
  expect(await page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-menu', '.site-footer', 'main > h1', '.page-text']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  await expect(scan(page).locator('.scan__nav')).toBeHidden();
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf).toMatch(/MediaBox \[0 0 59[0-9.]+ 84[0-9.]+\]/); // A4 in points
  // After printing the host page prints as itself again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.site-header')).toBeVisible();
});

test('a CSP without wasm-unsafe-eval: the element says so and tells the host', async ({ page }) => {
  await page.goto('/examples/csp-nowasm.html');
  const alert = scan(page).locator('.scan-load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("'wasm-unsafe-eval'");
  await expect(page.locator('#host-status')).toContainText('wasm-unsafe-eval');
  expect(await scan(page).evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(40);
});

test('a server without the .wasm file (404): the element says what to fix', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  await page.goto('/examples/plain.html');
  const alert = scan(page).locator('.scan-load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('application/wasm');
  await expectNoAxeViolations(page, 'load failure');
});

test('iframe behind a consent banner: sized after consent, and shrinks again', async ({ page }) => {
  await page.goto('/examples/consent.html');
  const frameEl = page.locator('#samenwerkingsscan-frame');
  await page.getByRole('button', { name: 'Toestaan' }).click();
  const frame = page.frameLocator('#samenwerkingsscan-frame');
  await expect(frame.locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
  // The live widget, not the first screen (which has no data panel).
  await live(frame);
  const height = () => frameEl.evaluate((f) => f.getBoundingClientRect().height);
  const content = () => frameEl.evaluate((f) => Math.ceil(f.contentDocument.body.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await height()) - (await content()))).toBeLessThanOrEqual(2);
  const intro = await height();
  // Start → next → back to the start: the frame follows both ways.
  await frame.locator('.scan-intro .scan-button--primary').click();
  await frame.locator('.scan__nav .scan-button--primary').click();
  await expect.poll(height).toBeGreaterThan(intro + 100);
  await frame.locator('.scan__nav .scan-button').first().click();
  await frame.locator('.scan__nav .scan-button').first().click();
  await expect(frame.locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
  await expect.poll(async () => Math.abs((await height()) - intro)).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page, 'consent iframe host');
});

test('a browser without WebAssembly gets a message, in the page language', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/examples/two.html');
  const first = page.locator('#scan-a .scan-load-error');
  const second = page.locator('#scan-b .scan-load-error');
  await expect(first).toContainText('WebAssembly ontbreekt');
  await expect(second).toContainText('WebAssembly is missing');
});

test('two scans on one page: each keeps its own deep link, neither rewrites the other', async ({ page }) => {
  await page.goto('/examples/two.html#bedrijfsvoering=samenwerking');
  await expect(page.locator('#scan-b [data-screen-heading]')).toHaveText('The partnership');
  await expect(page.locator('#scan-a [data-screen-heading]')).toHaveText('Samenwerkingsscan');
  expect(await page.evaluate(() => location.hash)).toBe('#bedrijfsvoering=samenwerking');
  await expectNoAxeViolations(page, 'two scans, one deep-linked');
});

test('a host with hash routes keeps its route; the scan moves without the URL', async ({ page }) => {
  await page.goto('/examples/hashrouter.html#/scan');
  await expect(scan(page).locator('h1')).toHaveText('Samenwerkingsscan');
  expect(await page.evaluate(() => location.hash)).toBe('#/scan');
  await scan(page).locator('.scan-intro .scan-button--primary').click();
  await expect(heading(page)).toHaveText('De samenwerking');
  expect(await page.evaluate(() => location.hash)).toBe('#/scan');
  await expect(page.locator('#page-title')).toHaveText('Samenwerken in de regio');
  await next(page);
  expect(await page.evaluate(() => location.hash)).toBe('#/scan');
});

test('a double click on the opener never confirms', async ({ page }) => {
  await page.goto('/examples/plain.html#scan=randvoorwaarden-helpt');
  await scan(page).locator('fieldset.scan-statement').first().locator('input[id$="-4"]').check();
  await page.goto('/examples/plain.html#scan=rapport');
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  const before = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('samenwerkingsscan')).answers.responses).length);
  expect(before).toBe(1);
  await scan(page).getByRole('button', { name: 'Opnieuw beginnen' }).dblclick();
  await expect(scan(page).getByRole('alertdialog')).toBeVisible();
  const after = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('samenwerkingsscan') ?? '{"answers":{"responses":{}}}').answers.responses).length);
  expect(after).toBe(1);
  await expect(scan(page).getByRole('alertdialog').getByRole('button', { name: 'Nee, terug' })).toBeFocused();
});

test('an app shell with its own scroll pane prints the whole report; Ctrl+P prints the page as is', async ({ page }) => {
  await page.goto('/examples/shell.html#shell=rapport');
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  // Ctrl+P (no button): the host page as itself, on the browser's paper.
  await page.emulateMedia({ media: 'print' });
  const plain = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(plain).not.toMatch(/MediaBox \[0 0 59[0-9.]+ 84[0-9.]+\]/);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => { window.print = () => {}; });
  await scan(page).getByRole('button', { name: 'Rapport afdrukken' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.shell-top')).toBeHidden();
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  // Nothing clipped by the pane: the report's last section is laid out.
  const pane = await page.locator('.shell-pane').evaluate((el) => ({ overflow: getComputedStyle(el).overflowY, height: getComputedStyle(el).height }));
  expect(pane.overflow).toBe('visible');
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf).toMatch(/MediaBox \[0 0 59[0-9.]+ 84[0-9.]+\]/);
  expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
});

test('an iframe snippet that loads late still sizes the frame', async ({ page }) => {
  await page.goto('/examples/late.html');
  const frameEl = page.locator('#samenwerkingsscan-frame');
  await expect(page.frameLocator('#samenwerkingsscan-frame').locator('[data-screen-heading]')).toHaveText('Samenwerkingsscan');
  await expect.poll(() => frameEl.evaluate((f) => f.getBoundingClientRect().height), { timeout: 10000 }).toBeGreaterThan(700);
});

test('the report reflows at 320 px: no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/examples/plain.html');
  await scan(page).locator('.scan-intro .scan-button--primary').click();
  await page.goto('/examples/plain.html#scan=rapport');
  await expect(scan(page).locator('.scan-verdict')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a missing workshop bundle keeps the scan working and says so', async ({ page }) => {
  await page.route('**/samenwerkingsscan_workshop*', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }));
  await page.goto('/examples/plain.html');
  await scan(page).getByRole('button', { name: 'Workshop leiden' }).click();
  await expect(scan(page).locator('.scan-load-error')).toBeVisible();
  await expect(scan(page).locator('h1')).toHaveText('Samenwerkingsscan');
  await expect(page).toHaveURL(/#scan=start$/);
  await scan(page).locator('.scan-intro .scan-button--primary').click();
  await expect(heading(page)).toHaveText('De samenwerking');
});
