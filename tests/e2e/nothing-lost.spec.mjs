// "Never loses answers", tried the way people lose them: two tabs, a huge
// file, a full storage, a hostile spreadsheet cell. Each ends with the
// user's answers intact and a clear message.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, expectNoAxeViolations } from './helpers.mjs';

const KEY = 'samenwerkingsscan';
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');
const statements = (page) => widget(page).locator('fieldset.scan-statement');
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
const instrument = JSON.parse(readFileSync(new URL('../../core/data/instrument.json', import.meta.url), 'utf8'));

/** Opens the first statement screen (the screen after the context form). */
async function firstStatements(page) {
  await page.goto('/');
  await widget(page).getByRole('button', { name: 'Start de scan' }).click();
  await expect(heading(page)).toHaveText('De samenwerking');
  await widget(page).locator('.scan__nav .scan-button--primary').click();
  await expect(heading(page)).toHaveText(/Randvoorwaarden: wat helpt/);
}

async function answer(page, index, value) {
  await statements(page).nth(index).locator(`input[id$="-${value}"]`).check();
}

async function checked(page, index) {
  return statements(page).nth(index).locator('input:checked').getAttribute('id');
}

test('two tabs: a change in one is merged into the other, the later change per statement wins', async ({ page }) => {
  // Tab B is opened first, with two answers; then tab A answers five.
  const tabB = page;
  await firstStatements(tabB);
  await answer(tabB, 0, 1);
  await answer(tabB, 1, 1);
  const tabA = await page.context().newPage();
  await tabA.goto(tabB.url());
  await expect(heading(tabA)).toHaveText(/Randvoorwaarden: wat helpt/);
  // A starts from what B saved, and answers five statements.
  await expect(statements(tabA).nth(0).locator('input[id$="-1"]')).toBeChecked();
  for (let i = 0; i < 5; i++) await answer(tabA, i, 4);
  // B is told and shows A's answers without a reload.
  await expect(statements(tabB).nth(4).locator('input[id$="-4"]')).toBeChecked();
  await expect(widget(tabB).locator('[role=status][aria-live]')).toHaveText('Wat u in een ander venster hebt ingevuld, staat nu ook hier.');
  // Now B changes statement 1: its change is newer than A's.
  await answer(tabB, 0, 2);
  await expect(statements(tabA).nth(0).locator('input[id$="-2"]')).toBeChecked();
  // Nothing is lost: after reloading A, five answers, statement 1 from B.
  await tabA.reload();
  await expect(heading(tabA)).toHaveText(/Randvoorwaarden: wat helpt/);
  expect(await checked(tabA, 0)).toMatch(/-2$/);
  for (let i = 1; i < 5; i++) expect(await checked(tabA, i)).toMatch(/-4$/);
  const saved = await stored(tabA);
  expect(Object.keys(saved.answers.responses).length).toBe(5);

  // A tab that missed the events (asleep, or opened on an old copy) merges
  // what is stored before it writes: its older answers never overwrite.
  await tabB.evaluate((key) => {
    // Simulate a tab that saw nothing: drop this tab's listener's input by
    // writing an older copy straight into storage under the key.
    const saved = JSON.parse(localStorage.getItem(key));
    saved.answers.responses = { [Object.keys(saved.answers.responses)[0]]: 5 };
    saved.changes = { [`responses.${Object.keys(saved.answers.responses)[0]}`]: 1 };
    localStorage.setItem(key, JSON.stringify(saved));
  }, KEY);
  await answer(tabA, 5, 3);
  await expect.poll(async () => Object.keys((await stored(tabA)).answers.responses).length).toBe(6);

  // "Delete my data" in one tab deletes it in the other too (else the
  // other's next save would bring it back).
  await tabA.goto('/#scan=rapport');
  await widget(tabA).getByRole('button', { name: 'Mijn gegevens wissen' }).click();
  await widget(tabA).getByRole('alertdialog').getByRole('button', { name: 'Ja, wissen' }).click();
  await expect(statements(tabB).locator('input:checked')).toHaveCount(0);
  await expect(widget(tabB).locator('[role=status][aria-live]')).toContainText('in een ander venster gewist');
  await answer(tabB, 0, 3);
  await expect.poll(async () => Object.keys((await stored(tabB)).answers.responses).length).toBe(1);
  await tabA.close();
});

test('two tabs of a workshop: a change in one is taken over by the other; a tab that missed it asks before it overwrites', async ({ page }) => {
  const WKEY = `${KEY}:workshop`;
  const workshop = (p) => p.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), WKEY);
  const first = instrument.factors[0];
  // Tab B is opened first; tab A later. B names the workshop.
  const tabB = page;
  await tabB.goto('/#scan-workshop');
  await expect(heading(tabB)).toHaveText('Workshop voorbereiden');
  await widget(tabB).getByLabel('Naam van de workshop').fill('Raadsavond');
  const tabA = await page.context().newPage();
  await tabA.goto('/#scan-workshop');
  await expect(widget(tabA).getByLabel('Naam van de workshop')).toHaveValue('Raadsavond');
  // A counts the votes on the first factor.
  await widget(tabA).getByRole('button', { name: /Start met de eerste factor/ }).first().click();
  await expect(heading(tabA)).toHaveText(first.name.nl);
  await widget(tabA).locator('[data-vote-point="5"]').fill('4');
  await expect.poll(async () => (await workshop(tabA))?.workshop.tallies[first.id]?.counts[4]).toBe(4);
  // B, still on its screen, takes that over and says so; then it renames.
  await expect(widget(tabB).locator('[role=status][aria-live]')).toHaveText('Wat in een ander venster aan deze workshop is gedaan, staat nu ook hier.');
  await widget(tabB).getByLabel('Naam van de workshop').fill('Raadsavond Druten');
  // Nothing is lost: the votes from A and the name from B, in storage and in A.
  await expect.poll(async () => (await workshop(tabB)).workshop.title).toBe('Raadsavond Druten');
  expect((await workshop(tabB)).workshop.tallies[first.id].counts[4]).toBe(4);
  await widget(tabA).locator('[data-vote-point="4"]').fill('2');
  await expect.poll(async () => (await workshop(tabA)).workshop.tallies[first.id]?.counts[3]).toBe(2);
  expect((await workshop(tabA)).workshop.title).toBe('Raadsavond Druten');

  // A tab that missed a change (asleep, or its event lost) does not write
  // over it: it asks which version to keep. Storage is changed here behind
  // A's back (a page's own write sends it no event).
  await tabA.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.workshop.title = 'Uit het andere venster';
    saved.saved_at = Date.now() + 1000;
    localStorage.setItem(key, JSON.stringify(saved));
  }, WKEY);
  await widget(tabA).locator('[data-vote-point="3"]').fill('7');
  const ask = widget(tabA).locator('.scan-ws-conflict');
  await expect(ask).toContainText('Deze workshop is intussen in een ander venster gewijzigd.');
  expect((await workshop(tabA)).workshop.title).toBe('Uit het andere venster');
  await expectNoAxeViolations(tabA, 'workshop: which version to keep');
  // Keep this one: it is saved, with the vote made meanwhile.
  await ask.getByRole('button', { name: 'Deze versie houden' }).click();
  await expect(ask).toHaveCount(0);
  await expect.poll(async () => (await workshop(tabA)).workshop.title).toBe('Raadsavond Druten');
  expect((await workshop(tabA)).workshop.tallies[first.id].counts[2]).toBe(7);
  // The other way round: take the other window's version.
  await tabA.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.workshop.title = 'Nog een ander venster';
    saved.saved_at = Date.now() + 2000;
    localStorage.setItem(key, JSON.stringify(saved));
  }, WKEY);
  await widget(tabA).locator('[data-vote-point="1"]').fill('1');
  await ask.getByRole('button', { name: 'Die versie gebruiken' }).click();
  await expect(ask).toHaveCount(0);
  await expect(heading(tabA)).toHaveText(first.name.nl);
  await expect(widget(tabA).locator('[data-vote-point="1"]')).toHaveValue('');
  await tabA.reload();
  await expect(heading(tabA)).toHaveText(first.name.nl);
  expect((await workshop(tabA)).workshop.title).toBe('Nog een ander venster');
  await tabA.close();
});

test('a full storage keeps the last save whole and says so', async ({ page }) => {
  await firstStatements(page);
  await answer(page, 0, 5);
  await answer(page, 1, 5);
  await expect.poll(async () => Object.keys((await stored(page))?.answers.responses ?? {}).length).toBe(2);
  // Fill the rest of the origin's storage.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; chunk.length > 8; i++) {
      try { localStorage.setItem(`vol-${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
  });
  // More answers than fit: the user is told, the earlier save is intact.
  for (let i = 2; i < 8; i++) await answer(page, i, 3);
  const banner = widget(page).locator('.scan-alert', { hasText: 'geen ruimte meer' });
  await expect(banner).toBeVisible();
  // No "saved at …" while nothing is saved; the download is in the banner.
  await expect(widget(page).locator('.scan__progress-saved')).toHaveText('');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download antwoorden (JSON)' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(Object.keys(file.responses).length).toBe(8);
  const saved = await stored(page);
  expect(Object.keys(saved.answers.responses).length).toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(heading(page)).toHaveText(/Randvoorwaarden: wat helpt/);
  expect(await checked(page, 0)).toMatch(/-5$/);
  expect(await checked(page, 1)).toMatch(/-5$/);
  await expectNoAxeViolations(page, 'storage full');
});

test('a 13 MB file is refused at once; a 1 MB file of unknown statements keeps the page responsive and loses nothing', async ({ page }) => {
  await firstStatements(page);
  await answer(page, 0, 5);
  await answer(page, 1, 4);
  await page.goto('/#scan=rapport');
  const input = widget(page).locator('input[type=file]');
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: false });
  });

  // The file: 430,000 unknown ids (13 MB) and one real answer.
  const real = instrument.factors[3].statements[0].id;
  const big = ['{"responses": {', `"${real}": 2`];
  for (let i = 0; i < 430000; i++) big.push(`, "onbekende-stelling.${i}": 3`);
  big.push('}}');
  const bigBuffer = Buffer.from(big.join(''));
  expect(bigBuffer.length).toBeGreaterThan(13_000_000);
  await input.setInputFiles({ name: 'groot.json', mimeType: 'application/json', buffer: bigBuffer });
  await expect(widget(page).locator('.scan-alert--error')).toContainText('de scan leest bestanden tot 1 MB');

  // Just under the limit: every unknown id is listed 20 at a time and dropped.
  // (Long tasks counted from here: handing a 13 MB buffer to the page is
  // the test's own cost.)
  await page.evaluate(() => { window.longTasks = []; });
  const parts = ['{"responses": {', `"${real}": 2`];
  let length = 40;
  let n = 0;
  while (length < 990_000) {
    const part = `, "onbekend.${n}": 3`;
    parts.push(part);
    length += part.length;
    n++;
  }
  parts.push('}}');
  await input.setInputFiles({ name: 'bijna.json', mimeType: 'application/json', buffer: Buffer.from(parts.join('')) });
  const info = widget(page).locator('.scan-alert--info');
  await expect(info).toContainText('1 van');
  await expect(info).toContainText(`… en nog ${n - 20} meldingen.`);
  await expect(info.locator('.scan-notices li')).toHaveCount(21);
  await expect(info.locator('code').first()).toHaveText('$.responses["onbekend.0"]');
  await widget(page).getByRole('button', { name: 'Ja, vervang mijn antwoorden' }).click();
  await expect.poll(async () => Object.keys((await stored(page)).answers.responses)).toEqual([real]);
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  // Reported, not asserted (timings belong in benchmarks, see README
  // "Reliability"): the longest main-thread task while reading both files.
  console.log(`longest main-thread task during the imports: ${longest.toFixed(0)} ms`);
  await page.reload();
  expect(Object.keys((await stored(page)).answers.responses)).toEqual([real]);
  await expect(widget(page).locator('.scan-alert')).toHaveCount(0);
});

test('a file with wrong values imports what it can and names each problem with its path', async ({ page }) => {
  await page.goto('/#scan=rapport');
  const input = widget(page).locator('input[type=file]');
  const [a, b] = instrument.factors[0].statements.map((s) => s.id);
  const file = {
    responses: { [a]: 4.5, [b]: '4', [instrument.factors[1].statements[0].id]: 3 },
    context: { partners: [{ name: 'Druten', inhabitants: -5 }] },
  };
  await input.setInputFiles({ name: 'rommel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const info = widget(page).locator('.scan-alert--info');
  await expect(info).toContainText(`Bij het antwoord op ‘${a}’ staat een getal met decimalen`);
  await expect(info).toContainText(`Bij het antwoord op ‘${b}’ staat de tekst ‘4’`);
  await expect(info).toContainText('Bij het aantal inwoners van gemeente 1 staat het getal -5; verwacht: een heel getal van 1 of meer.');
  await expect(info.locator('code', { hasText: '$.context.partners[0].inhabitants' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'import with notices');
  await info.screenshot({ path: `${ARTIFACTS}import-notices.png` });
  await widget(page).getByRole('button', { name: 'Ja, vervang mijn antwoorden' }).click();
  const saved = await stored(page);
  expect(Object.keys(saved.answers.responses).length).toBe(1);
  expect(saved.answers.context.partners[0].name).toBe('Druten');
});

test('the CSV export defuses formulas in every text cell of a custom instrument', async ({ page }) => {
  const hostile = structuredClone(instrument);
  hostile.factors[0].name = { nl: '=HYPERLINK("http://evil.example","klik")', en: '=1+1' };
  hostile.factors[0].statements[0].text = { nl: '\t=1+1', en: '\t=1+1' };
  hostile.factors[1].statements[0].text = { nl: '\r=1+1', en: '\r=1+1' };
  hostile.factors[2].statements[0].text = { nl: '＝1+1', en: '＝1+1' };
  hostile.factors[3].statements[0].text = { nl: '@SUM(A1)', en: '@SUM(A1)' };
  hostile.factors[4].statements[0].text = { nl: '-2+3', en: '-2+3' };
  await page.route('**/hostile-instrument.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) }));
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('samenwerkings-scan').setAttribute('instrument', 'hostile-instrument.json'));
  const inside = page.locator('samenwerkings-scan');
  await expect(inside.locator('.scan-intro')).toBeVisible();
  await expect(inside.locator('.scan-alert--error')).toHaveCount(0);
  await page.evaluate(() => { location.hash = 'scan=rapport'; });
  const download = page.waitForEvent('download');
  await inside.getByRole('button', { name: 'Download als tabel (CSV)' }).click();
  const path = await (await download).path();
  const csv = readFileSync(path, 'utf8');
  const cells = csv.split(/\r\n/).flatMap((row) => row.split(';'));
  for (const cell of cells) {
    const text = cell.replace(/^"|"$/g, '').replace(/^\uFEFF/, '');
    // A cell may start with a formula trigger only when it is a number.
    if (/^\s*[=+\-@\t\r＝＋－＠]/.test(text)) expect(text).toMatch(/^-?\d+(\.\d+)?$/);
  }
  expect(csv).toContain("'=HYPERLINK");
  expect(csv).toContain("'\t=1+1");
  // The template for survey tools holds the same statement texts: defused too.
  const templateDownload = page.waitForEvent('download');
  await inside.getByRole('button', { name: 'Download sjabloon voor een enquêtetool (CSV)' }).click();
  const template = readFileSync(await (await templateDownload).path(), 'utf8');
  for (const cell of template.trimEnd().split(';')) {
    const text = cell.replace(/^"|"$/g, '').replace(/^\uFEFF/, '');
    expect(text).not.toMatch(/^\s*[=+\-@\t\r＝＋－＠]/);
  }
  expect(template).toContain("'@SUM(A1)");
});
