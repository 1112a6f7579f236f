// Survey tools' exports in the widget: the template from the data panel,
// one person's export opened as their answers, a group's export refused
// there with the way to a workshop, and a workshop's participants loaded
// from an .xlsx and a .csv. The table reader is its own wasm bundle, fetched
// only when such a file is chosen; when it cannot load, the widget says so.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, xlsx } from './helpers.mjs';

const instrument = JSON.parse(readFileSync(new URL('../../core/data/instrument.json', import.meta.url)));
const statements = instrument.factors.flatMap((f) => f.statements);
const KEY = 'samenwerkingsscan';
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');

/** A header as the template has it, and a row answering every statement with `answer(i)`. */
function table(rows) {
  const header = ['Gemeente', 'Rol', ...statements.map((s) => s.text.nl)];
  return [header, ...rows.map(({ municipality, role, answer }) => [municipality, role, ...statements.map((_, i) => answer(i))])];
}

const csv = (rows) => Buffer.from(rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(';')).join('\r\n'));

test('the data panel offers the template, and opens one person’s export after confirmation', async ({ page }) => {
  const bundles = [];
  page.on('request', (request) => { if (request.url().includes('samenwerkingsscan_import')) bundles.push(request.url()); });
  await page.goto('/#scan=start');
  await expect(widget(page).getByRole('button', { name: 'Download sjabloon voor een enquêtetool (CSV)' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Download sjabloon voor een enquêtetool (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('samenwerkingsscan-sjabloon.csv');
  const template = readFileSync(await download.path(), 'utf8');
  expect(template.startsWith('\ufeffGemeente;Rol;')).toBe(true);
  expect(template.trimEnd().split('\n')).toHaveLength(1);
  expect(template).toContain(statements[0].text.nl);
  // Nothing of the table reader was fetched for the template.
  expect(bundles).toEqual([]);

  // The export of a survey built from the template: one person, answers as
  // the scale's words, one cell that is not an answer.
  const rows = table([{ municipality: 'Wijchen', role: 'raadslid', answer: (i) => (i === 1 ? 'misschien' : 'Helemaal eens') }]);
  await widget(page).getByLabel('Antwoorden openen uit een bestand').setInputFiles({ name: 'forms-export.csv', mimeType: 'text/csv', buffer: csv(rows) });
  const ready = widget(page).locator('.scan-alert--info');
  await expect(ready).toContainText(`Het bestand bevat ${statements.length - 1} van ${statements.length} antwoorden.`);
  await expect(ready).toContainText('Let op bij deze cellen:');
  await expect(ready.locator('code')).toContainText(['D2']);
  expect(bundles.some((url) => url.endsWith('samenwerkingsscan_import_bg.wasm'))).toBe(true);
  await expectNoAxeViolations(page, 'a survey export ready to open');
  await widget(page).getByRole('button', { name: 'Ja, vervang mijn antwoorden' }).click();
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(saved.answers.respondent).toEqual({ role: 'raadslid', municipality: 'Wijchen' });
  expect(saved.answers.responses[statements[0].id]).toBe(5);
  expect(Object.keys(saved.answers.responses)).toHaveLength(statements.length - 1);
});

test('a group’s export is not one person’s answers: the data panel says where it belongs', async ({ page }) => {
  await page.goto('/#scan=start');
  const input = widget(page).getByLabel('Antwoorden openen uit een bestand');
  const rows = table(['Druten', 'Wijchen', 'Druten'].map((municipality) => ({ municipality, role: 'ambtenaar', answer: () => 4 })));
  await input.setInputFiles({ name: 'enquete.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(rows) });
  const alert = widget(page).locator('.scan-alert--error');
  await expect(alert).toContainText('Dit bestand bevat de antwoorden van 3 personen.');
  await expect(alert).toContainText('Kies dan bovenaan ‘Workshop leiden’.');
  await expectNoAxeViolations(page, 'a group export refused in the data panel');
  // An old Excel file: how to save it instead.
  await input.setInputFiles({ name: 'oud.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
  await expect(alert).toContainText('Sla het op als .xlsx of .csv (in Excel of LibreOffice: Opslaan als).');
  // A table without the statements.
  await input.setInputFiles({ name: 'anders.csv', mimeType: 'text/csv', buffer: Buffer.from('Naam;Leeftijd\nAnna;40\n') });
  await expect(alert).toContainText('stelling');
  // Nothing was taken over.
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), KEY);
  expect(saved.answers?.responses ?? {}).toEqual({});
});

test('a workshop loads its participants from an .xlsx and a .csv, and says what became of every row', async ({ page }) => {
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  const rows = table([
    { municipality: 'Druten', role: 'raadslid', answer: () => 'Mee eens' },
    { municipality: 'Wijchen', role: 'wethouder', answer: (i) => (i % 5) + 1 },
    { municipality: 'Wijchen', role: 'ambtenaar', answer: () => 'Helemaal oneens' },
    { municipality: 'Druten', role: 'raadslid', answer: () => 'Mee eens' }, // the same as the first
    // "Don't know" to everything, in Microsoft Forms' words: a participant too.
    { municipality: 'Druten', role: '', answer: () => 'Weet niet / niet van toepassing' },
  ]);
  rows[3][2] = 'zes';
  await widget(page).getByLabel('Of laad bestanden van deelnemers').setInputFiles([
    { name: 'raad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(rows) },
    { name: 'ambtenaren.csv', mimeType: 'text/csv', buffer: csv(table([{ municipality: 'Druten', role: 'ambtenaar', answer: () => 3 }])) },
  ]);
  const outcomes = widget(page).locator('.scan-ws-outcomes li.scan-ws-outcome--added');
  await expect(outcomes.first()).toContainText('‘raad.xlsx’: 4 deelnemers toegevoegd.');
  await expect(outcomes.first()).toContainText('1 rij heeft dezelfde antwoorden, gemeente en rol als een deelnemer die al in de lijst staat.');
  await expect(outcomes.first()).toContainText('Let op bij deze cellen:');
  await expect(outcomes.first().locator('code')).toContainText(['C4']);
  await expect(outcomes.nth(1)).toContainText('‘ambtenaren.csv’: 1 deelnemer toegevoegd.');
  const participants = widget(page).getByRole('table', { name: /deelnemers/i });
  await expect(participants.locator('tbody tr')).toHaveCount(5);
  await expect(participants).toContainText('Wijchen');
  await expect(participants).toContainText('Bestuurder');
  await expectNoAxeViolations(page, 'workshop participants from survey exports');
});

test('when the table reader cannot load, the widget says so and keeps the answers', async ({ page }) => {
  await page.route('**/samenwerkingsscan_import_bg.wasm', (route) => route.abort());
  await page.goto('/#scan=start');
  await widget(page).getByLabel('Antwoorden openen uit een bestand').setInputFiles({
    name: 'export.csv', mimeType: 'text/csv', buffer: csv(table([{ municipality: 'Druten', role: 'raadslid', answer: () => 4 }])),
  });
  await expect(widget(page).locator('.scan-alert--error')).toContainText('Het onderdeel dat Excel- en CSV-bestanden leest, kon niet worden geladen');
  // The next file tries again.
  await page.unroute('**/samenwerkingsscan_import_bg.wasm');
  await widget(page).getByLabel('Antwoorden openen uit een bestand').setInputFiles({
    name: 'export.csv', mimeType: 'text/csv', buffer: csv(table([{ municipality: 'Druten', role: 'raadslid', answer: () => 4 }])),
  });
  await expect(widget(page).locator('.scan-alert--info')).toContainText(`Het bestand bevat ${statements.length} van ${statements.length} antwoorden.`);
});

test('a damaged .xlsx that stops the reader is said, and so is every later file until a reload', async ({ page }) => {
  await page.goto('/#scan=start');
  const input = widget(page).getByLabel('Antwoorden openen uit een bestand');
  const damaged = xlsx([['Gemeente', statements[0].id], ['Druten', { sharedIndex: 99 }]]);
  await input.setInputFiles({ name: 'kapot.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: damaged });
  const alert = widget(page).locator('.scan-alert--error');
  await expect(alert).toContainText('De scan kan dit bestand niet lezen: het is beschadigd.');
  const good = csv(table([{ municipality: 'Druten', role: 'raadslid', answer: () => 4 }]));
  await input.setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: good });
  await expect(alert).toContainText('Laad de pagina opnieuw.');
  await page.reload();
  await widget(page).getByLabel('Antwoorden openen uit een bestand').setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: good });
  await expect(widget(page).locator('.scan-alert--info')).toContainText(`Het bestand bevat ${statements.length} van ${statements.length} antwoorden.`);
});
