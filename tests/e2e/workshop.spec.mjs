// Workshop mode end to end: a facilitator runs a two-municipality workshop
// on a projector. Participant codes come from real scans in the same
// browser; hand votes are entered per factor, revealed, noted; the group
// report, print, saving, a baseline and a reload are all checked.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, expectProjectorContrast, screenshot, watchPage } from './helpers.mjs';

const instrument = JSON.parse(readFileSync(new URL('../../core/data/instrument.json', import.meta.url)));
const factors = instrument.factors;
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');

/** A participant's scan, saved as the widget saves it, and its result code read from the report. */
async function participantCode(page, { municipality, role, favourable }) {
  const responses = {};
  for (const f of factors) {
    for (const s of f.statements) {
      const good = f.polarity === 'promoting' ? 5 : 1;
      const bad = f.polarity === 'promoting' ? 1 : 5;
      responses[s.id] = favourable ? good : bad;
    }
  }
  const saved = {
    format: 1, saved_at: 1, lang: 'nl',
    answers: { format_version: 1, instrument_id: instrument.id, respondent: { municipality, role }, context: {}, responses },
  };
  // A fresh tab whose storage is filled before any script runs: a mounted
  // widget's own autosave could otherwise race with this write.
  const tab = await page.context().newPage();
  await tab.addInitScript((s) => localStorage.setItem('samenwerkingsscan', JSON.stringify(s)), saved);
  await tab.goto('/#scan=rapport');
  await expect(widget(tab).locator('.scan-report')).toContainText(municipality === 'Wijchen' ? /Zorgpunt|Niet klaar|Eerst/ : /Sterk punt|Klaar|Kansrijk/);
  const code = widget(tab).locator('#scan-share-code');
  await expect(code).toHaveValue(/[0-9A-Z]{5}-/);
  const value = await code.inputValue();
  await tab.close();
  return value;
}

/** Enters votes on the current factor: counts for points 1..5 and "weet niet". */
async function vote(page, counts, unknown = 0) {
  for (let point = 1; point <= 5; point++) {
    await widget(page).locator(`[data-vote-point="${point}"]`).fill(String(counts[point - 1] || ''));
  }
  await widget(page).locator('[data-vote-point="0"]').fill(unknown ? String(unknown) : '');
}

const results = (page) => widget(page).locator('.scan-ws-results');

test('a facilitator runs a whole workshop: codes, votes, reveal, report, print, baseline, reload', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const problems = watchPage(page);

  // Participants: three from Druten (positive), three from Wijchen (negative),
  // one from Beuningen (alone: below the anonymity minimum).
  const people = [
    { municipality: 'Druten', role: 'bestuurder', favourable: true },
    { municipality: 'Druten', role: 'raadslid', favourable: true },
    { municipality: 'Druten', role: 'ambtenaar', favourable: true },
    { municipality: 'Wijchen', role: 'bestuurder', favourable: false },
    { municipality: 'Wijchen', role: 'raadslid', favourable: false },
    { municipality: 'Wijchen', role: 'ambtenaar', favourable: false },
    { municipality: 'Beuningen', role: 'raadslid', favourable: true },
  ];
  const codes = [];
  for (const p of people) codes.push(await participantCode(page, p));
  // Identical answers give identical codes; Druten's three differ by role.
  expect(new Set(codes).size).toBe(codes.length);
  const corrupt = codes[0].slice(0, 8) + (codes[0][8] === 'A' ? 'B' : 'A') + codes[0].slice(9);

  // The scan bundle alone is loaded until the workshop starts.
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/#scan=start');
  await expect(widget(page).getByRole('button', { name: 'Workshop leiden' })).toBeVisible();
  expect(requests.some((p) => p.includes('samenwerkingsscan_workshop'))).toBe(false);
  await widget(page).getByRole('button', { name: 'Workshop leiden' }).click();
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  expect(requests.some((p) => p.includes('samenwerkingsscan_workshop'))).toBe(true);
  expect(new URL(page.url()).hash).toBe('#scan-workshop');
  await expect(widget(page).locator('svg.scan-qr')).toBeVisible();
  await expectNoAxeViolations(page, 'workshop setup');
  await screenshot(page, 'workshop-setup-1920');

  await widget(page).getByLabel('Naam van de workshop').fill('Druten en Wijchen, raadsconferentie');
  // As codes arrive by mail: a link rewritten by a link scanner (Safe Links,
  // with a data blob full of code-like text), a code wrapped over two quoted
  // lines, a code inside a sentence.
  const safeLink = 'https://eur01.safelinks.protection.outlook.com/?url='
    + encodeURIComponent(`https://gemeente.example/scan/#scan-code=${codes[2]}`)
    + '&data=05%7C02%7Cgriffie%40gemeente.example%7CABCDEFGHJKMNPQRSTVWXYZ0123456789%7C0&sdata=QWERTYUIOPASDFGHJKLZXCVBNM1234567890%3D&reserved=0';
  const wrapped = `> ${codes[3].slice(0, 11)}\n> ${codes[3].slice(11)}`;
  const sentence = `Mijn code is: ${codes[4]} groet, Piet`;
  const pasted = [codes[0], `http://127.0.0.1/#scan-code=${codes[1]}`, safeLink, wrapped, sentence, ...codes.slice(5), codes[0], corrupt].join('\n');
  await widget(page).getByLabel('Resultaatcodes').fill(pasted);
  await widget(page).getByRole('button', { name: 'Codes toevoegen' }).click();
  const outcomes = widget(page).locator('.scan-ws-outcomes li');
  await expect(outcomes).toHaveCount(9);
  await expect(widget(page).locator('.scan-ws-outcome--added')).toHaveCount(7);
  await expect(widget(page).locator('.scan-ws-outcome--duplicate')).toHaveCount(1);
  await expect(widget(page).locator('.scan-ws-outcome--invalid')).toHaveCount(1);
  await expect(widget(page).locator('.scan-ws-outcome--invalid')).toContainText('de code klopt niet: een teken is fout of ontbreekt');
  await expect(widget(page).getByRole('table', { name: 'Deelnemers (7)' }).locator('tbody tr')).toHaveCount(7);

  // The projector: one factor per screen, driven by the keyboard.
  await widget(page).getByRole('button', { name: /Start met de eerste factor/ }).first().click();
  await expect(heading(page)).toHaveText(factors[0].name.nl);
  await expect(heading(page)).toBeFocused();
  let sensitiveChecked = false;
  for (let i = 0; i < factors.length; i++) {
    await expect(heading(page)).toHaveText(factors[i].name.nl);
    // Under the vote question: what 'eens' means for a hindrance; for a
    // sensitive factor, anonymous voting on paper instead of hands.
    const ask = widget(page).locator('.scan-ws-ask');
    await expect(ask.getByText(/‘eens’ betekent hier: (dit probleem speelt in de samenwerking|u verwacht dat dit probleem gaat spelen)/)).toHaveCount(factors[i].polarity === 'hindering' ? 1 : 0);
    // The hint for anonymous voting sits beside the statements.
    await expect(widget(page).locator('.scan-ws-sensitive').getByText(/stemt iedereen anoniem, op een briefje/)).toHaveCount(factors[i].sensitive ? 1 : 0);
    if (factors[i].sensitive && !sensitiveChecked) {
      sensitiveChecked = true;
      await expectNoAxeViolations(page, 'workshop sensitive factor');
      await expectProjectorContrast(page, 'workshop sensitive factor');
    }
    // Factor 3 splits the room (a discussion point); factor 5 has only two votes.
    const counts = i === 2 ? [4, 0, 0, 0, 4] : i === 4 ? [0, 0, 1, 1, 0]
      : factors[i].polarity === 'promoting' ? [0, 0, 1, 5, 2] : [2, 5, 1, 0, 0];
    await vote(page, counts, i % 4 === 0 ? 1 : 0);
    // Nothing of the result shows before the reveal.
    await expect(results(page).locator('table')).toHaveCount(0);
    await expect(results(page)).toContainText('De uitslag is nog verborgen');
    if (i === 0) {
      await expectNoAxeViolations(page, 'workshop factor before reveal');
      await expectProjectorContrast(page, 'workshop factor before reveal');
      await screenshot(page, 'workshop-factor-hidden-1920');
    }
    await page.keyboard.press('Escape'); // out of the input: shortcuts work again
    await page.keyboard.press('r');
    if (i === 4) {
      await expect(results(page)).toContainText('Te weinig stemmen om te tonen');
    } else {
      await expect(results(page).getByRole('table', { name: 'Stemmen in de zaal' })).toBeVisible();
      await expect(results(page).locator('.scan-ws-figure')).not.toBeEmpty();
    }
    if (i === 2) await expect(results(page)).toContainText('Gesprekspunt');
    if (i === 1) {
      // Full screen for the projector: F, and F again (or the button) to leave.
      const fullscreen = () => page.evaluate(() => document.fullscreenElement?.classList.contains('scan--workshop') ?? false);
      await page.keyboard.press('f');
      await expect.poll(fullscreen).toBe(true);
      await expect(heading(page)).toHaveText(factors[1].name.nl);
      await page.keyboard.press('f');
      await expect.poll(fullscreen).toBe(false);
      await widget(page).getByRole('button', { name: 'Volledig scherm' }).click();
      await expect.poll(fullscreen).toBe(true);
      await page.keyboard.press('f');
      await expect.poll(fullscreen).toBe(false);
    }
    if (i === 0) {
      // Participants' answers sit beside the room's votes.
      // Counted as people (issue 17): 7 participants add up to 7, not to
      // 7 × the factor's statements.
      const people = results(page).getByRole('table', { name: /Vooraf ingevuld \(7 personen/ });
      await expect(people).toBeVisible();
      await expect(people.getByRole('columnheader', { name: 'Personen' })).toBeVisible();
      const counts = await people.locator('td.scan-ws-count').allTextContents();
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(7);
      await widget(page).getByLabel('Notitie bij deze factor').fill('Druten en Wijchen kennen elkaar goed uit de regio.');
      await expectNoAxeViolations(page, 'workshop factor after reveal');
      await expectProjectorContrast(page, 'workshop factor after reveal');
      await screenshot(page, 'workshop-factor-revealed-1920');
      await expectResultInView(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      await expectNoHorizontalScroll(page);
      await expectResultInView(page);
      await screenshot(page, 'workshop-factor-revealed-1280');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.keyboard.press('Escape');
    }
    if (i === 9) {
      // Reload mid-workshop: back at the same factor, votes and reveal kept,
      // and only workshop mode is downloaded (not the scan bundle first).
      requests.length = 0;
      await page.reload();
      await expect(heading(page)).toHaveText(factors[9].name.nl);
      await expect(results(page).getByRole('table', { name: 'Stemmen in de zaal' })).toBeVisible();
      await expect(heading(page)).toBeFocused();
      // After the reveal the inputs are folded into one line (issue 17); a
      // digit key opens them at its own input, with the counts kept.
      await expect(widget(page).locator('.scan-ws-votes-folded')).toContainText('Totaal: 8 stemmen');
      await expect(widget(page).locator('[data-vote-point="4"]')).toHaveCount(0);
      await page.keyboard.press('4');
      await expect(widget(page).locator('[data-vote-point="4"]')).toBeFocused();
      await expect(widget(page).locator('[data-vote-point="4"]')).toHaveValue(factors[9].polarity === 'promoting' ? '5' : '');
      await page.keyboard.press('Escape');
      await expect(heading(page)).toBeFocused();
      expect(requests.filter((p) => p.endsWith('.wasm'))).toEqual(['/samenwerkingsscan_workshop_bg.wasm']);
    }
    await page.keyboard.press('ArrowRight');
  }

  expect(sensitiveChecked).toBe(true);

  // The workshop report.
  await expect(heading(page)).toHaveText('Workshoprapport');
  const report = widget(page).locator('.scan-ws-report');
  await expect(report).toContainText('Druten en Wijchen, raadsconferentie');
  await expect(report.getByRole('heading', { name: /Stemming in de zaal/ })).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Vooraf ingevuld door deelnemers (7 personen)' })).toBeVisible();
  const perMunicipality = report.getByRole('table', { name: 'Per gemeente' });
  // Disclosure control: Beuningen's one answer would follow from the total
  // minus Druten and Wijchen, so Beuningen is shown only together with the
  // smallest municipality (Druten), and the report says why.
  await expect(perMunicipality.getByRole('row', { name: /Wijchen 3/ })).toBeVisible();
  await expect(perMunicipality.getByRole('row', { name: /^Druten 3/ })).toContainText('samengevoegde rij');
  await expect(perMunicipality.getByRole('row', { name: /^Beuningen 1/ })).toContainText('samengevoegde rij');
  await expect(perMunicipality.getByRole('row', { name: /Beuningen en Druten samen 4/ })).toBeVisible();
  await expect(report).toContainText('Uit Beuningen deden minder dan 3 mensen mee.');
  await expect(report).not.toContainText('Hier kijken de gemeenten verschillend tegenaan');
  await expect(report.getByRole('table', { name: 'Per rol' })).toBeVisible();
  await expect(report.locator('.scan-ws-notes')).toContainText('kennen elkaar goed');
  await expect(report.getByRole('heading', { name: 'Gesprekspunten', exact: true }).locator('xpath=following-sibling::ul[1]')).toContainText(factors[2].name.nl);
  // Factor 5 had two votes: withheld in the room table.
  await expect(report.getByRole('table', { name: 'Stemmen per factor' }).getByRole('row', { name: new RegExp(factors[4].name.nl) })).toContainText('verborgen');
  await expectNoAxeViolations(page, 'workshop report');
  await screenshot(page, 'workshop-report-1920');

  // Print: the report without tools.
  await page.emulateMedia({ media: 'print' });
  await expect(widget(page).locator('.scan__nav')).toBeHidden();
  await expect(widget(page).locator('.scan__header')).toBeHidden();
  await expect(report.getByRole('heading', { name: 'Workshoprapport' })).toBeVisible();
  await page.pdf({ path: 'tests/artifacts/workshop-report.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  // Save the workshop as a file; use a weaker copy as the baseline.
  await widget(page).getByRole('combobox', { name: 'Ga naar' }).selectOption({ label: 'Workshop voorbereiden' });
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Workshop opslaan als bestand' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(Object.keys(saved.tallies)).toHaveLength(factors.length);
  expect(saved.participants).toHaveLength(7);
  const baseline = structuredClone(saved);
  baseline.title = 'Nulmeting 2025';
  for (const f of factors) baseline.tallies[f.id] = { counts: [0, 0, 8, 0, 0], unknown: 0 };
  await widget(page).getByLabel('Nulmeting laden (een eerder workshopbestand)').setInputFiles({
    name: 'nulmeting.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(baseline)),
  });
  await expect(widget(page)).toContainText('Nulmeting: Nulmeting 2025.');
  // A wrong file is refused with a reason; the baseline stays.
  await widget(page).getByLabel('Nulmeting laden (een eerder workshopbestand)').setInputFiles({
    name: 'scan.json', mimeType: 'application/json', buffer: Buffer.from('{"responses": {}}'),
  });
  await expect(widget(page).getByRole('alert')).toContainText('scan.json: Dit bestand bevat geen workshop');
  await expect(widget(page).getByRole('alert')).toContainText('Is het misschien één ingevulde scan?');
  await expect(widget(page)).toContainText('Nulmeting: Nulmeting 2025.');
  // Continuing a saved file over this workshop asks first; "cancel" keeps everything.
  await widget(page).getByLabel('Een opgeslagen workshop voortzetten').setInputFiles({
    name: 'nulmeting.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(baseline)),
  });
  const replace = widget(page).getByRole('alertdialog');
  await expect(replace).toContainText('In deze workshop staan al stemmen');
  await replace.getByRole('button', { name: 'Nee, terug' }).click();
  await expect(widget(page).getByLabel('Naam van de workshop')).toHaveValue('Druten en Wijchen, raadsconferentie');

  await widget(page).getByRole('button', { name: 'Naar het workshoprapport' }).first().click();
  await expect(report.getByRole('heading', { name: 'Vergelijking met de nulmeting: Nulmeting 2025' })).toBeVisible();
  const deltas = report.getByRole('table', { name: 'Stemming in de zaal: per factor (score 0–100, hoger is beter)' });
  await expect(deltas.getByRole('row', { name: new RegExp(`^${factors[0].name.nl}`) })).toContainText('+');
  await expect(report.getByRole('table', { name: 'Stemming in de zaal: totaal en per fase' })).toBeVisible();
  await expectNoAxeViolations(page, 'workshop report with baseline');

  expect(problems).toEqual([]);
});

/** On a landscape projector the room sees the statements and the result at
 * once: with the page at the top, both are in the viewport. */
async function expectResultInView(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = page.viewportSize().height;
  for (const part of [
    widget(page).locator('.scan-ws-statements'),
    results(page).getByRole('table', { name: 'Stemmen in de zaal' }),
  ]) {
    const box = await part.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }
}

async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('keys inside a confirmation stay in it: the workshop shortcuts do not act behind it', async ({ page }) => {
  await page.goto('/#scan-workshop');
  const button = widget(page).getByRole('button', { name: 'Nieuwe workshop beginnen' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = widget(page).getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Nee, terug' })).toBeFocused();
  const title = await heading(page).textContent();
  await page.keyboard.press('ArrowRight');
  await expect(dialog).toBeVisible();
  await expect(heading(page)).toHaveText(title);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('single-key shortcuts can be turned off; arrows and buttons still work', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  await widget(page).getByLabel(/Sneltoetsen met één letter/).uncheck();
  await widget(page).getByRole('button', { name: /Start met de eerste factor/ }).first().click();
  await expect(heading(page)).toBeFocused();
  await expect(widget(page).locator('.scan-ws-keys')).not.toContainText('uitslag tonen');
  await vote(page, [0, 1, 1, 1, 0]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(results(page)).toContainText('De uitslag is nog verborgen');
  await widget(page).getByRole('button', { name: 'Uitslag tonen' }).click();
  await expect(results(page).getByRole('table', { name: 'Stemmen in de zaal' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText(factors[1].name.nl);
  // English, and the same rules.
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText(factors[1].name.en);
  await expectNoAxeViolations(page, 'workshop factor (English)');
  await page.keyboard.press('ArrowLeft');
  await expect(results(page).getByRole('table', { name: 'Votes in the room' })).toBeVisible();
  // Back to the individual scan.
  await widget(page).getByRole('button', { name: 'To the scan' }).click();
  await expect(heading(page)).toBeVisible();
  await expect(widget(page).getByRole('button', { name: 'Run a workshop' })).toBeVisible();
});

test('a damaged saved workshop is set aside, offered for download, and the workshop still works', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('samenwerkingsscan:workshop', '{"format": 1, "workshop": '));
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  await expect(widget(page)).toContainText('De opgeslagen workshop op dit apparaat is beschadigd');
  expect(await page.evaluate(() => localStorage.getItem('samenwerkingsscan:workshop:beschadigd'))).toBe('{"format": 1, "workshop": ');
  await widget(page).getByLabel('Naam van de workshop').fill('Na een crash');
  await page.reload();
  await expect(widget(page).getByLabel('Naam van de workshop')).toHaveValue('Na een crash');
  // An empty workshop takes a file at once; a code that does not decode is
  // left out and said, never kept as a participant.
  const file = { format_version: 1, title: 'Ander bestand', tallies: {}, participants: ['ABCDE-12345'] };
  await widget(page).getByLabel('Een opgeslagen workshop voortzetten').setInputFiles({
    name: 'oud.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(widget(page).getByLabel('Naam van de workshop')).toHaveValue('Ander bestand');
  await expect(widget(page).locator('.scan-alert--info')).toContainText('1 code van een deelnemer is niet geldig voor deze vragenlijst');
  await expect(widget(page).locator('.scan-alert--info code')).toHaveText('$.participants');
  await expect(widget(page)).toContainText('Er zijn nog geen codes van deelnemers.');
});

test('full storage mid-workshop: said politely, and the workshop goes on and can be saved as a file', async ({ page }) => {
  await page.goto('/#scan-workshop');
  await expect(heading(page)).toHaveText('Workshop voorbereiden');
  // From now on the device is full.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await widget(page).getByLabel('Naam van de workshop').fill('Raadsavond');
  const live = widget(page).locator('.scan__sr-only[role=status]');
  await expect(live).toContainText('Er is geen ruimte meer om de workshop op dit apparaat te bewaren');
  await expect(widget(page).locator('.scan-alert--warning')).toContainText('sla de workshop op als bestand');
  // Work goes on in memory; "save as file" keeps it.
  await widget(page).getByLabel('Naam van de workshop').fill('Raadsavond 2');
  await expect(widget(page).getByLabel('Naam van de workshop')).toHaveValue('Raadsavond 2');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Workshop opslaan als bestand' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.title).toBe('Raadsavond 2');
  await expectNoAxeViolations(page, 'workshop with full storage');
});
