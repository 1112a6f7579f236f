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

/**
 * A minimal .xlsx (one sheet called `sheet`) as a Buffer: `rows` of cells
 * from A1, numbers as numbers and everything else as inline text, the way
 * a survey tool's export holds them. The zip is written here (stored, not
 * compressed), so the tests need no spreadsheet library.
 */
export function xlsx(rows, sheet = 'Antwoorden') {
  // CRC-32 (zip's checksum) here: node:zlib has it only from Node 20.15.
  const crc32 = (data) => {
    let crc = 0xffffffff;
    for (const byte of data) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return (crc ^ 0xffffffff) >>> 0;
  };
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const column = (i) => (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
  const sheetXml = rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => {
    const ref = `${column(c)}${r + 1}`;
    if (cell === '' || cell === null || cell === undefined) return '';
    // A reference into a shared-string table that is not there: a damaged file.
    if (typeof cell === 'object') return `<c r="${ref}" t="s"><v>${cell.sharedIndex}</v></c>`;
    return typeof cell === 'number'
      ? `<c r="${ref}"><v>${cell}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`;
  }).join('')}</row>`).join('');
  const files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
  };
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16); entry.writeUInt32LE(data.length, 20); entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28); entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
