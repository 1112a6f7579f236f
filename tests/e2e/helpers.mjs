// Shared helpers for the end-to-end suite.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const ARTIFACTS = new URL('../artifacts/screenshots/', import.meta.url).pathname;

/**
 * Runs axe-core with all its default rules (WCAG A/AA and best practice) in
 * the page, including open
 * shadow roots, and fails with a readable list when anything is violated.
 * The source is evaluated through the DevTools protocol, so it also works on
 * pages with a strict Content-Security-Policy. Waits for the live widget
 * first (see `live`), unless `firstScreen` is set.
 */
export async function expectNoAxeViolations(page, label, { firstScreen = false } = {}) {
  // A first screen that can still act (its buttons are there) is replaced by
  // the live widget at any moment; axe must not read a page mid-swap. Tests
  // of the first screen itself (wasm held back) pass `firstScreen: true`.
  if (!firstScreen) await expect(page.locator('[data-first-screen] [data-first]')).toHaveCount(0, { timeout: 20000 });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      // Every rule axe enables by default (WCAG A/AA of all versions and all
      // best-practice rules); not a chosen subset.
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  });
  expect(violations, `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Workshop mode promises contrast of at least 7:1 (WCAG AAA) for the projector. */
export async function expectProjectorContrast(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast-enhanced'] },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary));
  });
  expect(violations, `contrast below 7:1 on ${label}:\n${violations.join('\n')}`).toEqual([]);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Collects console errors and failed or off-site requests during a test. */
export function watchPage(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      problems.push(`third-party request: ${req.url()}`);
    }
  });
  return problems;
}

/**
 * Waits until the live widget has replaced the first screen (the static
 * intro painted before the wasm) inside `scope`. Tests that read styles,
 * sizes or attributes of the widget call this first: the first screen has
 * the same headings, so waiting for a text is not enough, and an element
 * read during the swap is already detached (empty computed style).
 */
export async function live(scope) {
  await expect(scope.locator('[data-first-screen]')).toHaveCount(0, { timeout: 20000 });
  await expect(scope.locator('[data-screen-heading]').first()).toBeVisible();
}
