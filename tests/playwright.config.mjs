// End-to-end tests in Debian's headless Chromium (never a downloaded browser).
// We use @playwright/test because it gives us a real test runner (retries off,
// traces, screenshots, parallel workers) on top of playwright-core, and works
// with a system Chromium through `executablePath`.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.SCAN_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: './artifacts/results',
  timeout: 120_000,
  // Waiting is not what these tests measure (speed lives in `cargo xtask
  // bench`): on a loaded two-core CI machine a custom instrument, the wasm
  // and the workshop bundle can take longer than Playwright's default 5 s.
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `cargo xtask serve --no-build --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  // Waiting is not what these tests measure (speed lives in `cargo xtask
  // bench`): on a loaded two-core CI machine a custom instrument, the wasm
  // and the workshop bundle can take longer than Playwright's default 5 s.
  expect: { timeout: 15_000 },
  },
});
