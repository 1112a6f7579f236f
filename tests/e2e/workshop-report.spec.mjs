// The workshop report a facilitator hands out (issue 17): a summary of at
// most two A4 pages, then the appendix with every factor on a new page.
// Printed to PDF from the worst case the widget allows: votes on every
// factor that all diverge (every factor a discussion point), a note of the
// maximum length on every factor, participants from three municipalities in
// three roles who differ everywhere, and a baseline; in Dutch and English.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { expectNoAxeViolations, screenshot, watchPage } from './helpers.mjs';

const instrument = JSON.parse(readFileSync(new URL('../../core/data/instrument.json', import.meta.url)));
const factors = instrument.factors;
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');
const MAX_NOTE_CHARS = 2000;

/** A saved scan as the widget stores it: Druten favourable, Wijchen not, Beuningen mixed; roles apart. */
function scan(municipality, role, r) {
  const responses = {};
  factors.forEach((f, i) => f.statements.forEach((s) => {
    const good = f.polarity === 'promoting' ? 5 : 1;
    const lean = municipality === 'Druten' ? good : municipality === 'Wijchen' ? 6 - good : ((i + r) % 5) + 1;
    responses[s.id] = role === 'raadslid' && i % 2 ? 3 : lean;
  }));
  return { format: 1, saved_at: 1, lang: 'nl', answers: { format_version: 1, instrument_id: instrument.id, respondent: { municipality, role }, context: {}, responses } };
}

async function codeOf(page, saved) {
  const tab = await page.context().newPage();
  await tab.addInitScript((s) => localStorage.setItem('samenwerkingsscan', JSON.stringify(s)), saved);
  await tab.goto('/#scan=rapport');
  const code = widget(tab).locator('#scan-share-code');
  await expect(code).toHaveValue(/[0-9A-Z]{5}-/);
  const value = await code.inputValue();
  await tab.close();
  return value;
}

/** A note of the maximum length, in words. */
function note(i) {
  const text = `Factor ${i + 1}: de wethouders zien dit anders dan de ambtelijke top, en de raad wil eerst weten wat het kost. `;
  return text.repeat(Math.ceil(MAX_NOTE_CHARS / text.length)).slice(0, MAX_NOTE_CHARS);
}

/** Pages in a PDF written by Chromium (its page tree's /Count). */
function pages(pdf) {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  expect(counts.length, 'the PDF has a page tree').toBeGreaterThan(0);
  return Math.max(...counts);
}

test.describe.configure({ mode: 'serial' });

/** The nine participants' codes, made once per worker by real scans. */
let codes;
async function participantCodes(page) {
  if (!codes) {
    const made = [];
    let r = 0;
    for (const m of ['Druten', 'Wijchen', 'Beuningen']) {
      for (const role of ['bestuurder', 'raadslid', 'ambtenaar']) made.push(await codeOf(page, scan(m, role, r++)));
    }
    codes = made;
  }
  return codes;
}

function saved() {
  const tallies = {};
  const notes = {};
  const baseline = {};
  factors.forEach((f, i) => {
    // Every factor diverges (votes at both ends): a discussion point each.
    tallies[f.id] = { counts: [[6, 1, 0, 1, 3], [3, 1, 0, 1, 6], [4, 0, 2, 0, 4]][i % 3], unknown: i % 4 === 0 ? 1 : 0 };
    notes[f.id] = note(i);
    baseline[f.id] = { counts: [0, 0, 8, 0, 0], unknown: 0 };
  });
  const workshop = (title, t, n) => ({
    format_version: 1, instrument_id: instrument.id, title, tallies: t, revealed: factors.map((f) => f.id), notes: n, participants: codes,
  });
  return {
    format: 1, saved_at: 1, screen: { screen: 'report' }, shortcuts: true,
    workshop: workshop('Bunschoten, Leusden, Nijkerk en Putten: raadsconferentie over de samenwerking in het sociaal domein', tallies, notes),
    baseline: workshop('Nulmeting voorjaar', baseline, {}),
  };
}

for (const lang of ['nl', 'en']) {
  test(`the printed summary is at most two A4 pages, the appendix starts on a new page (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await participantCodes(page);
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.addInitScript((s) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('samenwerkingsscan:workshop', JSON.stringify(s));
        sessionStorage.setItem('seeded', '1');
      }
    }, saved());
    await page.goto('/#scan-workshop');
    const t = lang === 'nl'
      ? { report: 'Workshoprapport', summary: 'Samenvatting', appendix: 'Bijlage: alle factoren', printSummary: 'Samenvatting afdrukken', printFull: 'Volledig rapport afdrukken', points: 'De belangrijkste gesprekspunten', cut: 'De hele notitie staat in de bijlage.', more: 'Nog 35 gesprekspunten staan in de bijlage.' }
      : { report: 'Workshop report', summary: 'Summary', appendix: 'Appendix: every factor', printSummary: 'Print the summary', printFull: 'Print the full report', points: 'The main discussion points', cut: 'The full note is in the appendix.', more: '35 more discussion points are in the appendix.' };
    await expect(heading(page)).toHaveText('Workshoprapport');
    if (lang === 'en') {
      await widget(page).getByRole('button', { name: 'English' }).click();
      await expect(heading(page)).toHaveText(t.report);
    }
    const report = widget(page).locator('.scan-ws-report');
    const summary = report.locator('.scan-ws-report-summary');
    await expect(summary.getByRole('heading', { name: t.summary })).toBeVisible();
    // Five points, the red flags first, each note cut with a pointer to the whole.
    const points = summary.locator('.scan-ws-points > li');
    await expect(points).toHaveCount(5);
    await expect(points.first()).toContainText(lang === 'nl' ? 'rode vlag' : 'red flag');
    await expect(points.first()).toContainText(t.cut);
    await expect(summary).toContainText(t.more);
    await expect(summary.getByRole('table', { name: lang === 'nl' ? 'Per gemeente' : 'Per municipality' })).toBeVisible();
    await expect(report.getByRole('heading', { name: t.appendix })).toBeVisible();
    await expectNoAxeViolations(page, `workshop report, worst case (${lang})`);
    await screenshot(page, `workshop-report-summary-${lang}`);

    // The summary button marks the report and prints; the mark is what
    // the print style reads. (window.print is recorded, not opened.)
    await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
    await report.getByRole('button', { name: t.printSummary }).click();
    expect(await page.evaluate(() => window.__printed)).toBe(1);
    await expect(report).toHaveAttribute('data-print-part', 'summary');
    await page.emulateMedia({ media: 'print' });
    await expect(report.locator('.scan-ws-appendix')).toBeHidden();
    await expect(summary).toBeVisible();
    mkdirSync('tests/artifacts/screenshots', { recursive: true });
    // As on paper (A4 less the margins is about 680 CSS px wide), for reviewers.
    await page.setViewportSize({ width: 680, height: 1000 });
    await summary.screenshot({ path: `tests/artifacts/screenshots/workshop-summary-print-${lang}.png` });
    const summaryPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(`tests/artifacts/workshop-summary-${lang}.pdf`, summaryPdf);
    const summaryPages = pages(summaryPdf);
    expect(summaryPages, 'the summary fits two A4 pages').toBeLessThanOrEqual(2);

    // The full report: the appendix after the summary, on a page of its own.
    await page.emulateMedia({ media: 'screen' });
    await report.getByRole('button', { name: t.printFull }).click();
    await expect(report).not.toHaveAttribute('data-print-part', 'summary');
    await page.emulateMedia({ media: 'print' });
    const appendix = report.locator('.scan-ws-appendix');
    await expect(appendix).toBeVisible();
    expect(await appendix.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    const fullPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(`tests/artifacts/workshop-report-full-${lang}.pdf`, fullPdf);
    expect(pages(fullPdf)).toBeGreaterThan(summaryPages);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  });
}

/** Twelve partners, three participants each: the largest group table a summary meets in practice. */
// Half of them real names, half as long as a result code carries (60
// characters), which the summary cuts at 30.
const TWELVE = ['Súdwest-Fryslân', 'Bergen op Zoom', 'Alphen aan den Rijn', 'Capelle aan den IJssel', 'Hardinxveld-Giessendam', 'Noardeast-Fryslân',
  ...[1, 2, 3, 4, 5, 6].map((k) => `Gemeente ${k} met een naam die veel langer is dan welke echte ook`.slice(0, 60))];
let manyCodes;

test('the summary stays within two pages with twelve partners and titles loaded at any length', async ({ page }) => {
  test.setTimeout(300_000);
  await participantCodes(page);
  if (!manyCodes) {
    manyCodes = [];
    let r = 0;
    for (const [k, m] of TWELVE.entries()) {
      // Partners lean three ways, so they differ everywhere.
      const lean = ['Druten', 'Wijchen', 'Beuningen'][k % 3];
      for (const role of ['bestuurder', 'raadslid', 'ambtenaar']) {
        const s = scan(lean, role, r++);
        s.answers.respondent.municipality = m;
        manyCodes.push(await codeOf(page, s));
      }
    }
  }
  const problems = watchPage(page);
  const s = saved();
  // A file or an old autosave may carry a title of any length; the widget keeps 200 characters.
  s.workshop.title = 'Raadsconferentie '.repeat(300);
  s.baseline.title = 'Nulmeting '.repeat(500);
  s.workshop.participants = manyCodes;
  await page.addInitScript((v) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('samenwerkingsscan:workshop', JSON.stringify(v));
      sessionStorage.setItem('seeded', '1');
    }
  }, s);
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshoprapport');
  const report = widget(page).locator('.scan-ws-report');
  const summary = report.locator('.scan-ws-report-summary');
  await expect(summary.getByRole('table', { name: 'Per gemeente' })).toBeVisible();
  // Titles are cut to 200 characters, as typing allows.
  await expect(report.locator('.scan-lead').first()).toHaveText(s.workshop.title.slice(0, 200));
  // The baseline's title in the summary's heading: cut at a word (60 characters).
  await expect(summary.getByRole('heading', { name: /^Sinds de nulmeting/ })).toHaveText(`Sinds de nulmeting (${'Nulmeting '.repeat(6).trim()}…)`);
  // A partner in concern is named; with many, the rest are counted.
  await expect(summary.locator('.scan-ws-points')).toContainText(/zorgpunt in .* en nog \d+ gemeente/);
  await expectNoAxeViolations(page, 'workshop report, twelve partners');
  await page.evaluate(() => { window.print = () => {}; });
  await report.getByRole('button', { name: 'Samenvatting afdrukken' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 1000 });
  await summary.screenshot({ path: 'tests/artifacts/screenshots/workshop-summary-print-twelve.png' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync('tests/artifacts/workshop-summary-twelve.pdf', pdf);
  console.log(`twelve partners: summary ${Math.round((await summary.boundingBox()).height)} px at 680 px, ${pages(pdf)} pages`);
  expect(pages(pdf), 'the summary fits two A4 pages').toBeLessThanOrEqual(2);
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);
});
