import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, screenshot, watchPage } from './helpers.mjs';

test('the Yew widget renders on the built-in page', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/');
  const widget = page.locator('#samenwerkingsscan');
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(widget.getByRole('heading', { level: 1 })).toContainText('Samenwerkingsscan');
  await expectNoAxeViolations(page, 'start page');
  await screenshot(page, 'smoke-1280x800');
  expect(problems).toEqual([]);
});
