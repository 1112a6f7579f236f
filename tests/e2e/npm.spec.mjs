// The npm package's browser build (web/, what bundlers and plain ES module
// pages import) in Chromium: a host page imports it, waits for `init()` and
// evaluates answers, as the package's README shows. `cargo xtask test` packs
// the package before the e2e tests; the test server serves its files under
// `/npm/`. Node and TypeScript are checked on the packed tarball itself.
import { test, expect } from '@playwright/test';

test('the package runs in the browser: init, then a report in Dutch', async ({ page }) => {
  await page.route('**/host-with-npm.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pakket</title></head>
<body><main><h1>Pakket</h1><output id="result"></output></main>
<script type="module">
  import init, { defaultInstrument, evaluate } from '/npm/web/samenwerkingsscan.js';
  await init();
  const ids = defaultInstrument('nl').factors.flatMap((f) => f.statements.map((s) => s.id));
  const report = evaluate({ responses: Object.fromEntries(ids.map((id) => [id, 'unknown'])) }, { lang: 'nl' });
  document.getElementById('result').textContent = report.lang + ' ' + report.verdict.level;
</script></body></html>`,
  }));
  await page.goto('/host-with-npm.html');
  await expect(page.locator('#result')).toHaveText('nl insufficient_information');
});
