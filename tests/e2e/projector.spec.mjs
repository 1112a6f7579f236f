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
      }
      await heading(page).focus();
      await page.keyboard.press('ArrowRight');
    }
    expect(misfits, misfits.join('\n')).toEqual([]);
  });
}
