// The questionnaire widget end to end: flow, keyboard, storage, import,
// share links, languages, print and accessibility on every screen.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, screenshot, watchPage } from './helpers.mjs';

const KEY = 'samenwerkingsscan';
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');

/** Clicks "Volgende"/"Next" (or "Naar het rapport") and waits for the new heading. */
async function next(page) {
  const before = await heading(page).textContent();
  await widget(page).locator('.scan__nav .scan-button--primary').click();
  await expect(heading(page)).not.toHaveText(before);
}

/** Answers every statement on the current page: `value` 1–5 or 'unknown'. */
async function answerPage(page, pick) {
  const groups = widget(page).locator('fieldset.scan-statement');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const hindering = await page.locator('.scan-polarity--hindering').count() > 0;
    const value = pick({ index: i, hindering });
    await group.locator(`input[id$="-${value}"]`).check();
  }
  return count;
}

async function start(page) {
  await page.goto('/');
  await widget(page).getByRole('button', { name: /Start de scan|Start the scan/ }).click();
  await expect(heading(page)).toHaveText(/De samenwerking|The partnership/);
}

test('keyboard only: from intro to report without a mouse', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/');
  const startButton = widget(page).getByRole('button', { name: 'Start de scan' });
  await expect(startButton).toBeVisible(); // the widget has mounted
  // Tab to the start button and press Enter.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.includes('Start de scan')) break;
  }
  await expect(startButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('De samenwerking');
  await expect(heading(page)).toBeFocused();

  // From here on: Tab through everything; in each radio group of a
  // statement, arrow keys choose; "Volgende" / "Naar het rapport" with Enter.
  let pressedTab = 0;
  while (pressedTab < 2000) {
    await page.keyboard.press('Tab');
    pressedTab++;
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        tag: el?.tagName,
        type: el?.getAttribute('type'),
        name: el?.getAttribute('name') ?? '',
        id: el?.id ?? '',
        text: el?.textContent?.trim() ?? '',
        hindering: !!document.querySelector('.scan-polarity--hindering'),
      };
    });
    if (focus.type === 'radio' && focus.name.startsWith('scan-q-')) {
      // Promoting: "eens" (4); hindering: "oneens" (2). Arrows move and select.
      const steps = focus.hindering ? 1 : 3;
      for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowRight');
      continue;
    }
    if (focus.tag === 'BUTTON' && /Volgende|Naar het rapport/.test(focus.text)) {
      const toReport = focus.text.includes('rapport');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toBeFocused();
      if (toReport) break;
    }
  }
  await expect(heading(page)).toHaveText('Uw rapport');
  await expect(widget(page).locator('.scan-verdict')).toContainText('Klaar om te starten');
  expect(problems).toEqual([]);
});

test('reload halfway keeps every answer', async ({ page }) => {
  await start(page);
  await next(page);
  const answered = await answerPage(page, ({ index }) => (index % 5) + 1);
  await next(page);
  await widget(page).locator('fieldset.scan-statement').first().locator('input[id$="-unknown"]').check();
  await page.reload();
  await expect(heading(page)).toBeVisible();
  // Same screen after the reload (the URL holds the step) with its answer.
  await expect(widget(page).locator('fieldset.scan-statement').first().locator('input[id$="-unknown"]')).toBeChecked();
  await page.goBack();
  await expect(heading(page)).toHaveText(/Randvoorwaarden: wat helpt/);
  const groups = widget(page).locator('fieldset.scan-statement');
  for (let i = 0; i < answered; i++) {
    await expect(groups.nth(i).locator(`input[id$="-${(i % 5) + 1}"]`)).toBeChecked();
  }
});

test('corrupt storage: the user is told, can download it, and the scan still works', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"format": 1, "answers": {broken');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto('/');
  await expect(widget(page).locator('.scan-alert')).toContainText('beschadigd');
  const download = page.waitForEvent('download');
  await widget(page).getByRole('button', { name: 'Download de beschadigde gegevens' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('beschadigd');
  // The damaged data was set aside, not lost.
  expect(await page.evaluate((key) => localStorage.getItem(`${key}:beschadigd`), KEY)).toContain('broken');
  await widget(page).getByRole('button', { name: 'Start de scan' }).click();
  await expect(heading(page)).toHaveText('De samenwerking');
  await next(page);
  await answerPage(page, () => 4);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(Object.keys(saved.answers.responses).length).toBeGreaterThan(3);
});

test('storage switched off: the scan works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto('/');
  await widget(page).getByRole('button', { name: 'Start de scan' }).click();
  await expect(heading(page)).toHaveText('De samenwerking');
  await next(page);
  await answerPage(page, () => 3);
  await expect(widget(page).locator('.scan-alert')).toContainText('niet toe');
});

test('a bad import lists the problem and leaves the answers alone', async ({ page }) => {
  await start(page);
  await next(page);
  await answerPage(page, () => 5);
  await page.goto('/#scan=start');
  const input = widget(page).locator('input[type=file]');
  await input.setInputFiles({ name: 'nope.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "package"}') });
  await expect(widget(page).locator('.scan-alert--error')).toContainText('geen antwoorden');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"responses": ') });
  // In Dutch, saying where the file breaks.
  await expect(widget(page).locator('.scan-alert--error')).toContainText('geen leesbaar JSON-bestand: het bestand houdt te vroeg op; er mist iets aan het eind (regel 1, kolom 14)');
  // A good file needs confirmation first; what it holds that we do not know is listed, in Dutch.
  // 'visievorming.2' was retired in 2.1.0: its answer is named, not reused for its successor.
  const good = { format_version: 1, responses: { 'noodzaak-onderkend.1': 1, 'bestaat-niet.1': 3, 'visievorming.2': 4 } };
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(widget(page).locator('.scan-alert--info')).toContainText('1 van');
  await expect(widget(page).locator('.scan-alert--info')).toContainText('Stelling ‘bestaat-niet.1’ staat niet in deze vragenlijst en telt niet mee.');
  await expect(widget(page).locator('.scan-alert--info')).toContainText('De stelling ‘De directies van onze gemeenten vertellen hetzelfde verhaal over de samenwerking’ is in versie 2.1.0 vervangen door een stelling die iets anders vraagt');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(Object.values(saved.answers.responses).every((v) => v === 5)).toBe(true);
  await widget(page).getByRole('button', { name: 'Nee, houd mijn antwoorden' }).click();
  await expect(widget(page).locator('.scan-alert--info')).toHaveCount(0);
});

test('share link round trip: open, look, adopt', async ({ page, browser }) => {
  await start(page);
  await widget(page).getByLabel('Naam gemeente 1').fill('Druten');
  await widget(page).getByLabel('Naam gemeente 1').blur();
  await next(page);
  const answered = await answerPage(page, () => 4);
  await page.goto('/#scan=rapport');
  const link = await widget(page).getByLabel('Deellink').inputValue();
  expect(link).toContain('#scan-code=');

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.locator('.scan__incoming')).toContainText('Gedeelde antwoorden');
  await other.getByRole('button', { name: 'Neem deze antwoorden over' }).click();
  await expect(other.locator('[data-screen-heading]')).toHaveText('Uw rapport');
  const saved = await other.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(saved.answers.context.partners[0].name).toBe('Druten');
  expect(Object.keys(saved.answers.responses).length).toBe(answered);

  await other.goto(link.replace(/#scan-code=.{6}/, '#scan-code=ZZZZZZ'));
  await expect(other.getByRole('alert')).toContainText('werkt niet');
  await other.close();
});

test('switching language keeps the answers and loads the other language only then', async ({ page }) => {
  const instruments = [];
  page.on('request', (r) => { if (/instrument\.\w+\.json$/.test(r.url())) instruments.push(r.url().split('/').pop()); });
  await start(page);
  await next(page);
  await answerPage(page, () => 2);
  // A visit downloads its own language only (issue 16).
  expect(instruments).toEqual(['instrument.nl.json']);
  const statement = widget(page).locator('fieldset.scan-statement legend').first();
  const dutch = await statement.textContent();
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('Preconditions: what helps');
  await expect(statement).not.toHaveText(dutch);
  expect(instruments).toEqual(['instrument.nl.json', 'instrument.en.json']);
  await expect(widget(page).locator('fieldset.scan-statement').first().locator('input[id$="-2"]')).toBeChecked();
  await expect(widget(page).locator('.scan__nav')).toContainText('Next');
  await widget(page).getByRole('button', { name: 'Nederlands' }).click();
  await expect(widget(page).locator('.scan__nav')).toContainText('Volgende');
  await expect(statement).toHaveText(dutch);
});

test('the other language that cannot be loaded: said, and the scan stays as it was', async ({ page }) => {
  await page.route('**/instrument.en.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await start(page);
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(widget(page).getByRole('alert')).toContainText('De taal English kon niet worden geladen');
  await expect(widget(page).getByRole('alert')).toContainText('503');
  await expect(heading(page)).toHaveText('De samenwerking');
  await expect(widget(page).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'language that cannot be loaded');
  // Once it can be loaded, the switch works.
  await page.unroute('**/instrument.en.json');
  await widget(page).getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('The partnership');
});

test('print shows the report without navigation or tools', async ({ page }) => {
  await start(page);
  await next(page);
  await answerPage(page, () => 4);
  await page.goto('/#scan=rapport');
  await page.emulateMedia({ media: 'print' });
  await expect(widget(page).locator('.scan-verdict')).toBeVisible();
  await expect(widget(page).locator('.scan__nav')).toBeHidden();
  await expect(widget(page).locator('.scan-data')).toBeHidden();
  await expect(widget(page).locator('.scan__lang')).toBeHidden();
  await page.pdf({ path: 'tests/artifacts/report.pdf', format: 'A4' }).catch(() => {});
});

for (const lang of ['nl', 'en']) {
  test(`axe: zero violations on every screen (${lang}), screenshots`, async ({ page }) => {
    await page.goto(lang === 'en' ? '/' : '/');
    if (lang === 'en') await widget(page).getByRole('button', { name: 'English' }).click();
    const screens = [];
    await expectNoAxeViolations(page, `${lang} intro`);
    await screenshot(page, `${lang}-intro-1280x800`);
    await widget(page).locator('.scan-intro .scan-button--primary').click();
    // A click on the first screen before the wasm is done once it has mounted.
    await expect(heading(page)).toHaveText(/De samenwerking|The partnership/);
    let step = 0;
    while (true) {
      step++;
      const name = (await heading(page).textContent()).trim();
      screens.push(name);
      if (await widget(page).locator('fieldset.scan-statement').count()) {
        await answerPage(page, ({ index }) => (index % 3 === 0 ? 'unknown' : 3 + (index % 3)));
      }
      await expectNoAxeViolations(page, `${lang} step ${step}: ${name}`);
      await screenshot(page, `${lang}-step-${step}-1280x800`);
      const nextButton = widget(page).locator('.scan__nav .scan-button--primary');
      if (!(await nextButton.count())) break;
      await next(page);
    }
    expect(screens.length).toBe(8);
    // Narrow screens: no horizontal scrolling at 320 px.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page, `${lang} report at 320px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `${lang}-report-320x640`);
    await page.goto('/#scan=randvoorwaarden-helpt');
    await screenshot(page, `${lang}-questions-320x640`);
  });
}
