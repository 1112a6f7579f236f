// "Kopieer rapport": the report on the clipboard as HTML (headings, lists,
// tables: what Word and LibreOffice paste as a formatted document) and as
// plain text, read back from Chromium's clipboard.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.mjs';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const widget = (page) => page.locator('#samenwerkingsscan');

test('the report is copied as a formatted document and as text, without its buttons', async ({ page }) => {
  await page.goto('/#scan=rapport');
  const report = widget(page).locator('.scan-report');
  await expect(report).toBeVisible();
  const verdict = (await report.locator('h2, h3').first().textContent()).trim();
  await widget(page).getByRole('button', { name: 'Kopieer rapport' }).click();
  await expect(widget(page).getByRole('status').filter({ hasText: 'Het rapport is gekopieerd' })).toBeVisible();
  const { types, html, text } = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item.types,
      html: await (await item.getType('text/html')).text(),
      text: await (await item.getType('text/plain')).text(),
    };
  });
  expect(types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(html).toMatch(/<h[1-3][^>]*>[^<]*Uw rapport/);
  expect(html).toContain('<table');
  expect(html).toContain('<ul');
  expect(html).not.toContain('<button');
  expect(html).not.toContain('Rapport afdrukken');
  expect(text).toContain('Uw rapport');
  expect(text).toContain(verdict);
  expect(text).not.toContain('Kopieer rapport');
  expect(text).toMatch(/\n- /);
  await expectNoAxeViolations(page, 'report copied');
});

test('without a clipboard the report is not announced as copied, and what to do instead is said', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  await page.goto('/#scan=rapport');
  await widget(page).getByRole('button', { name: 'Kopieer rapport' }).click();
  await expect(widget(page).getByRole('status').filter({ hasText: 'Kopiëren lukte niet' })).toContainText('Opslaan als pdf');
});
