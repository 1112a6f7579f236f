// Workshop mode on a real projector (issue 17): every factor of the
// built-in instrument fits one screen at 1920×1080 and at 1280×720 (which
// is also 1920×1080 at 150 % zoom), before and after the reveal, with and
// without participants' answers: the page does not scroll.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const instrument = JSON.parse(readFileSync(new URL('../../core/data/instrument.json', import.meta.url)));
const factors = instrument.factors;
const widget = (page) => page.locator('#samenwerkingsscan');
const heading = (page) => widget(page).locator('[data-screen-heading]');
const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }];

/** A saved scan with mixed answers, as the widget stores it. */
function scan(municipality, role, seed) {
  const responses = {};
  factors.forEach((f, i) => f.statements.forEach((s, j) => { responses[s.id] = ((i + j + seed) % 5) + 1; }));
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

/** How far the page and the widget reach below the screen (px; ≤ 0 fits). */
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const scan = document.querySelector('#samenwerkingsscan .scan--workshop');
    return Math.max(root.scrollHeight - root.clientHeight, scan.scrollHeight - scan.clientHeight);
  });
}

for (const participants of [true, false]) {
  test(`every factor fits the projector ${participants ? 'with' : 'without'} participants' answers, before and after the reveal`, async ({ page }) => {
    test.setTimeout(300_000);
    const codes = [];
    if (participants) {
      for (const [i, [m, r]] of [['Druten', 'raadslid'], ['Wijchen', 'ambtenaar'], ['Druten', 'bestuurder'], ['Wijchen', 'raadslid']].entries()) {
        codes.push(await codeOf(page, scan(m, r, i)));
      }
    }
    await page.setViewportSize(SIZES[0]);
    await page.goto('/#scan-workshop');
    await expect(heading(page)).toHaveText('Workshop voorbereiden');
    if (participants) {
      await widget(page).getByLabel('Resultaatcodes').fill(codes.join('\n'));
      await widget(page).getByRole('button', { name: 'Codes toevoegen' }).click();
      await expect(widget(page).locator('.scan-ws-outcome--added')).toHaveCount(codes.length);
    }
    await widget(page).getByRole('button', { name: /Start met de eerste factor/ }).first().click();
    const misfits = [];
    for (const [i, factor] of factors.entries()) {
      await expect(heading(page)).toHaveText(factor.name.nl);
      for (const [point, votes] of [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [0, 1]]) {
        await widget(page).locator(`[data-vote-point="${point}"]`).fill(String(votes));
      }
      for (const revealed of [false, true]) {
        if (revealed) {
          await widget(page).getByRole('button', { name: 'Uitslag tonen' }).click();
          await expect(widget(page).getByRole('table', { name: 'Stemmen in de zaal' })).toBeVisible();
          if (participants) await expect(widget(page).getByRole('table', { name: /Vooraf ingevuld \(4 personen/ })).toBeVisible();
        }
        for (const size of SIZES) {
          await page.setViewportSize(size);
          const over = await overflow(page);
          if (over > 0) misfits.push(`${i + 1} ${factor.id} ${revealed ? 'revealed' : 'voting'} ${size.width}×${size.height}: ${over}px too tall`);
        }
        await page.setViewportSize(SIZES[0]);
        if (participants && revealed) {
          // In real full screen (the F key), where the widget is the screen.
          await heading(page).focus();
          await page.keyboard.press('f');
          await page.waitForFunction(() => document.fullscreenElement !== null);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            const over = await page.evaluate(() => {
              const el = document.fullscreenElement;
              return el.scrollHeight - el.clientHeight;
            });
            if (over > 0) misfits.push(`${i + 1} ${factor.id} full screen ${size.width}×${size.height}: ${over}px too tall`);
          }
          await page.setViewportSize(SIZES[0]);
          await heading(page).focus();
          await page.keyboard.press('f');
          await page.waitForFunction(() => document.fullscreenElement === null);
        }
      }
      await heading(page).focus();
      await page.keyboard.press('ArrowRight');
    }
    expect(misfits, misfits.join('\n')).toEqual([]);
  });
}

test('long custom texts shrink, then fold behind "Meer tekst": the vote and the result stay on the screen', async ({ page }) => {
  const custom = structuredClone(instrument);
  const long = 'De gemeenten die meedoen spreken vooraf af welke taken de samenwerkingsorganisatie uitvoert, wie daarover beslist en hoe de raden daarover worden geïnformeerd. ';
  // Factor 1: a very long name and statements far beyond the built-in ones;
  // factor 2: just above the built-in length (smaller type only).
  custom.factors[0].name.nl = 'Een heel lange naam van een eigen factor die veel langer is dan welke ingebouwde factornaam ook';
  custom.factors[0].statements.forEach((s) => { s.text.nl = long.repeat(3).trim(); });
  custom.factors[1].statements.forEach((s) => { s.text.nl = long.trim() + ' Dat is helder.'; });
  await page.route('**/own-instrument.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(custom) }));
  await page.setViewportSize(SIZES[0]);
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('samenwerkings-scan').setAttribute('instrument', 'own-instrument.json'));
  const inside = page.locator('samenwerkings-scan');
  await expect(inside.locator('.scan-intro')).toBeVisible();
  await inside.getByRole('button', { name: 'Workshop leiden' }).click();
  await inside.getByRole('button', { name: /Start met de eerste factor/ }).first().click();
  await expect(inside.locator('[data-screen-heading]')).toHaveText(custom.factors[0].name.nl);
  const more = inside.getByRole('button', { name: 'Meer tekst' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  for (const [point, votes] of [[1, 3], [5, 4]]) await inside.locator(`[data-vote-point="${point}"]`).fill(String(votes));
  const fits = () => page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollHeight - root.clientHeight;
  });
  for (const revealed of [false, true]) {
    if (revealed) await inside.getByRole('button', { name: 'Uitslag tonen' }).click();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect(await fits(), `${size.width}×${size.height} ${revealed ? 'revealed' : 'voting'}`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize(SIZES[0]);
  }
  // The whole text on request; closed again on the next factor.
  await page.setViewportSize(SIZES[1]);
  await more.focus();
  await page.keyboard.press('Enter');
  const less = inside.getByRole('button', { name: 'Minder tekst' });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  // The whole text pushed the button down: it is brought back into view.
  await expect(less).toBeFocused();
  await expect(less).toBeInViewport();
  await page.setViewportSize(SIZES[0]);
  await expect(inside.locator('.scan-ws-statements li').first()).toHaveText(long.repeat(3).trim());
  await inside.locator('[data-screen-heading]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(inside.locator('[data-screen-heading]')).toHaveText(custom.factors[1].name.nl);
  await expect(inside.locator('.scan-ws-statements')).toHaveClass(/scan-ws-statements--long/);
  await expect(inside.getByRole('button', { name: /Meer tekst|Minder tekst/ })).toHaveCount(0);
  await inside.locator('[data-vote-point="3"]').fill('5');
  await inside.getByRole('button', { name: 'Uitslag tonen' }).click();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await fits(), `factor 2 at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
  }
});
