// `cargo xtask bench`: the scan against its peer, SurveyJS, and against the
// floor, the scan's own first screen as plain HTML, in one run.
//
// Debian's headless Chromium (412×823), a fresh browser per measurement
// (cold cache), CPU slowed 4×, with and without "Slow 4G" (150 ms per
// request, 1.6 Mbit/s down, 750 kbit/s up); every file gzip -9. Runs are
// interleaved (scan, peer, floor, then the next round in another order);
// each figure is the median with min–max, and the ratio ours/peer is taken
// pair by pair (round by round), then its median.
//
// Measured in the page (an init script, the same for all three):
// - bytes: what the network delivered (encoded, headers included) up to the
//   first statement radio, and after the whole flow;
// - first paint: First Contentful Paint;
// - first control clickable: the first screen's Start button, once a click
//   on it acts (this scan: its loader listens; SurveyJS: rendered by its
//   script; the plain page has no script, so there it is in the DOM);
// - first radio: Start clicked as soon as it is there, the context screen
//   passed with "Volgende", until a statement's radio is in the DOM;
// - answer: a click on the fourth point of every statement (84), from the
//   click event to the frame after the page has changed the DOM for it
//   (rAF, then a task), p50 and p95 over the flow;
// - memory after the flow (the scan's report, the peer's end page): the
//   page's JS heap (CDP Performance.getMetrics) and the renderer
//   processes' proportional set size (Pss, /proc/…/smaps_rollup), which
//   includes the wasm memory.
//
// Usage: node tests/bench/run.mjs [--runs N] (default 5); BENCH_OUT names
// the JSON file with every sample (default target/bench/latest.json);
// BENCH_ONLY=scan measures only the scan (quick checks while working).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { surveyModel, surveyPage, surveyStart } from './surveyjs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 0 : 5);
if (!runs) throw new Error('--runs needs a number');

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const viewport = { width: 412, height: 823 };
const conditions = {
  'Slow 4G, CPU 4×': { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  'no network throttling, CPU 4×': null,
};

/// What each page is made of, by CSS selector.
const kinds = {
  scan: {
    name: 'this scan',
    path: '/ours/index.html',
    // Clickable: the first screen's Start once the loader listens to it
    // (what is clicked then happens when the wasm has mounted), or the
    // widget's own.
    control: '[data-first-ready] [data-first="start"], section.scan:not([data-first-screen]) [data-first="start"]',
    contextReady: 'input[name="scan-stage"]',
    radio: '.scan-questions input[type=radio]',
    next: '.scan__nav .scan-button--primary',
    end: '.scan-report',
  },
  surveyjs: {
    name: 'SurveyJS 2.5.38',
    path: '/surveyjs-page/index.html',
    control: '.sd-navigation__start-btn',
    contextReady: '.sd-navigation__next-btn',
    radio: '.sd-panel input[type=radio]',
    next: '.sd-navigation__next-btn, .sd-navigation__complete-btn',
    end: '.sd-completedpage',
  },
  plain: {
    name: 'plain HTML (floor)',
    path: '/plain/index.html',
    control: '[data-first="start"]',
  },
};

/// Runs in every page before its own scripts.
function instrumentPage(sel) {
  const b = (window.__bench = { control: null, radio: null, samples: [], mutations: 0 });
  const check = () => {
    const now = performance.now();
    if (b.control === null && document.querySelector(sel.control)) b.control = now;
    if (b.radio === null && sel.radio && document.querySelector(sel.radio)) b.radio = now;
  };
  new MutationObserver(() => {
    b.mutations += 1;
    check();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('click', (event) => {
    // The click on the label (the browser's own click on its input that
    // follows is the same interaction).
    const label = event.target.closest?.('label');
    const input = label?.control;
    if (!input || input.type !== 'radio') return;
    const start = event.timeStamp;
    const before = b.mutations;
    let frames = 0;
    const frame = () => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (input.checked && b.mutations > before) b.samples.push(performance.now() - start);
        else if (++frames < 120) frame();
        else b.samples.push(Number.NaN);
      };
      channel.port2.postMessage(0);
    });
    frame();
  }, true);
}

async function measure(base, kind, network) {
  const sel = kinds[kind];
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(instrumentPage, { control: sel.control, radio: sel.radio ?? null });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    await page.goto(base + sel.path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.control !== null, null, { timeout: 60_000, polling: 'raf' });
    const result = { control: await page.evaluate(() => window.__bench.control) };
    if (sel.radio) {
      await page.locator(sel.control).first().click();
      await page.locator(sel.contextReady).first().waitFor();
      await page.locator(sel.next).filter({ visible: true }).first().click();
      await page.waitForFunction(() => window.__bench.radio !== null, null, { timeout: 60_000, polling: 'raf' });
      result.radio = await page.evaluate(() => window.__bench.radio);
      result.bytesFirst = bytes;
      await answerAll(page, sel);
      result.answers = await page.evaluate(() => window.__bench.samples);
      await page.waitForTimeout(1000);
      const metrics = (await cdp.send('Performance.getMetrics')).metrics;
      result.heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
      result.pss = await rendererPss(browser);
    } else {
      await page.waitForLoadState('load');
      result.bytesFirst = bytes;
    }
    result.fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    result.bytesTotal = bytes;
    return result;
  } finally {
    await browser.close();
  }
}

/// Answers every statement on every page (the fourth point), then goes on.
async function answerAll(page, sel) {
  let previous = null;
  for (;;) {
    const names = await page.evaluate((radio) => [...new Set([...document.querySelectorAll(radio)].map((i) => i.name))], sel.radio);
    if (!names.length || names[0] === previous) throw new Error(`no new statements after ${previous}`);
    previous = names[0];
    for (const name of names) {
      const point = await page.evaluate((name) => {
        const input = [...document.querySelectorAll('input[type=radio]')].filter((i) => i.name === name)[3];
        const label = input.labels?.[0] ?? input.closest('label');
        label.scrollIntoView({ block: 'center' });
        const r = label.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 12) };
      }, name);
      const count = await page.evaluate(() => window.__bench.samples.length);
      await page.mouse.click(point.x, point.y);
      await page.waitForFunction((n) => window.__bench.samples.length > n, count, { polling: 'raf' });
    }
    await page.locator(sel.next).filter({ visible: true }).first().click();
    const done = await page.waitForFunction(({ end, radio, first }) => {
      if (document.querySelector(end)) return 'end';
      const now = document.querySelector(radio);
      return now && now.name !== first ? 'next' : null;
    }, { end: sel.end, radio: sel.radio, first: previous }, { polling: 'raf', timeout: 60_000 });
    if ((await done.jsonValue()) === 'end') return;
  }
}

/// Pss of every renderer process of `browser`, in bytes (Linux).
async function rendererPss(browser) {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  let total = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const text = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(text)[1]) * 1024;
    } catch {
      // a process that ended meanwhile
    }
  }
  return total;
}

/// The scan's first screen as the browser has it, for the floor and for the
/// peer's start page.
async function captureIntro(base) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(`${base}/ours/index.html`);
    await page.locator('section.scan:not([data-first-screen]) [data-first="start"]').waitFor();
    return await page.evaluate(() => ({
      body: document.body.innerHTML,
      intro: document.querySelector('.scan-intro').outerHTML,
      title: document.title,
    }));
  } finally {
    await browser.close();
  }
}

const quantile = (values, q) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const at = (v.length - 1) * q;
  const lo = Math.floor(at);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (at - lo);
};
const median = (values) => quantile(values, 0.5);

async function main() {
  const instrumentPath = join(root, 'core/data/instrument.json');
  const files = {};
  const server = await startServer({
    folders: { '/ours/': join(root, 'dist'), '/surveyjs/': join(here, 'node_modules') },
    files,
  });
  const base = server.url;
  const intro = await captureIntro(base);
  files['/plain/index.html'] = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${intro.title}</title>
  <link rel="stylesheet" href="/ours/page.css">
  <link rel="stylesheet" href="/ours/scan.css">
</head>
<body>${intro.body.replace(/<script[\s\S]*?<\/script>/g, '')}</body>
</html>
`;
  const introWithoutButton = intro.intro.replace(/<div class="scan__actions">[\s\S]*?<\/div>/, '');
  files['/surveyjs-page/index.html'] = surveyPage;
  files['/surveyjs-page/model.js'] = `window.SCAN_MODEL = ${JSON.stringify(surveyModel(instrumentPath, introWithoutButton))};\n`;
  files['/surveyjs-page/start.js'] = surveyStart;

  // BENCH_ONLY=scan (or a comma-separated list) measures only those pages:
  // for quick checks while working; the report then has no ratios.
  const order = Object.keys(kinds).filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(k));
  const samples = {};
  for (const [condition, network] of Object.entries(conditions)) {
    samples[condition] = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let round = 0; round < runs; round += 1) {
      const rotated = order.map((_, i) => order[(i + round) % order.length]);
      for (const kind of rotated) {
        const result = await measure(base, kind, network);
        samples[condition][kind].push(result);
        process.stderr.write(`${condition} · round ${round + 1}/${runs} · ${kinds[kind].name}: first radio ${result.radio?.toFixed(0) ?? '—'} ms\n`);
      }
    }
  }
  server.close();

  const out = process.env.BENCH_OUT || join(root, 'target/bench/latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), runs, samples }, null, 1));
  console.log(report(samples));
  console.log(`\nEvery sample: ${out}`);
}

const metrics = [
  ['bytes to the first statement radio (KB)', (r) => r.bytesFirst / 1024, 1],
  ['bytes after the whole flow (KB)', (r) => r.bytesTotal / 1024, 1],
  ['first paint, FCP (ms)', (r) => r.fcp, 0],
  ['first control clickable (ms)', (r) => r.control, 0],
  ['first statement radio clickable (ms)', (r) => r.radio, 0],
  ['answer → rendered, p50 (ms)', (r) => r.answers && quantile(r.answers, 0.5), 1],
  ['answer → rendered, p95 (ms)', (r) => r.answers && quantile(r.answers, 0.95), 1],
  ['JS heap after the flow (MB)', (r) => r.heap / 2 ** 20, 1],
  ['renderer memory (Pss) after the flow (MB)', (r) => r.pss / 2 ** 20, 1],
];

function report(samples) {
  const lines = [];
  const fmt = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  const cell = (values, digits) => {
    const v = values.filter(Number.isFinite);
    if (!v.length) return '—';
    return `${fmt(median(v), digits)} (${fmt(Math.min(...v), digits)}–${fmt(Math.max(...v), digits)})`;
  };
  const ratios = (a, b) => a.map((x, i) => x / b[i]).filter(Number.isFinite);
  for (const [condition, byKind] of Object.entries(samples)) {
    lines.push(`\n### ${condition} (${byKind.scan.length} interleaved rounds; median (min–max))\n`);
    lines.push('| | this scan | SurveyJS 2.5.38 | plain HTML | ours/SurveyJS | ours/plain |');
    lines.push('|---|---|---|---|---|---|');
    const values = {};
    for (const [label, get, digits] of metrics) {
      const v = Object.fromEntries(Object.entries(byKind).map(([k, rs]) => [k, rs.map((r) => get(r) ?? Number.NaN)]));
      values[label] = v;
      const peer = ratios(v.scan, v.surveyjs);
      const floor = ratios(v.scan, v.plain);
      lines.push(`| ${label} | ${cell(v.scan, digits)} | ${cell(v.surveyjs, digits)} | ${cell(v.plain, digits)} | ${peer.length ? `${fmt(median(peer), 2)}×` : '—'} | ${floor.length ? `${fmt(median(floor), 2)}×` : '—'} |`);
    }
    const ratio = (label, other) => median(ratios(values[label].scan, values[label][other]));
    const p95 = median(values['answer → rendered, p95 (ms)'].scan);
    const targets = [
      ['first statement radio ≤ 0.4× SurveyJS', ratio('first statement radio clickable (ms)', 'surveyjs'), 0.4],
      ['first paint ≤ 2× plain HTML', ratio('first paint, FCP (ms)', 'plain'), 2],
      ['answer p95 ≤ 0.35× SurveyJS', ratio('answer → rendered, p95 (ms)', 'surveyjs'), 0.35],
      ['bytes of a first visit ≤ 0.35× SurveyJS', ratio('bytes after the whole flow (KB)', 'surveyjs'), 0.35],
    ];
    lines.push('');
    for (const [name, got, limit] of targets) {
      lines.push(`- ${name}: ${fmt(got, 2)}× — ${got <= limit ? 'met' : `NOT met (by ${fmt(got / limit, 2)}×)`}`);
    }
    lines.push(`- answer p95 ≤ 20 ms: ${fmt(p95, 1)} ms — ${p95 <= 20 ? 'met' : 'NOT met'}`);
  }
  return lines.join('\n');
}

await main();
