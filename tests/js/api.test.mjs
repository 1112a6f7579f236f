// The JavaScript API (js/) as its npm package: every exported function, its
// happy path and its errors. `cargo xtask test` packs the package
// (`cargo xtask npm`), installs the tarball into a fresh project
// (target/npm/consumer/) and runs this file there with `node --test`: the
// package is imported by its name, through its `exports` map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import init, * as api from 'samenwerkingsscan';

// Nothing to wait for in Node; browser code does the same.
await init();

const all = api.defaultInstrument();
const factors = all.factors;

/** Everyone answers every statement: favourable or not, per polarity. */
function answers({ favourable, municipality, role }) {
  const responses = {};
  for (const f of factors) {
    for (const s of f.statements) {
      const good = f.polarity === 'promoting' ? 5 : 1;
      responses[s.id] = favourable ? good : 6 - good;
    }
  }
  return { format_version: 1, respondent: { municipality, role }, context: {}, responses };
}

test('defaultInstrument: both languages, or one', () => {
  assert.equal(factors.length, 40);
  assert.equal(typeof factors[0].name.nl, 'string');
  assert.equal(typeof factors[0].name.en, 'string');
  const nl = api.defaultInstrument('nl');
  assert.equal(nl.factors[0].name, factors[0].name.nl);
  assert.deepEqual(nl.languages, ['nl']);
  assert.equal(api.defaultInstrument('en').factors[0].name, factors[0].name.en);
});

test('validateInstrument: none for the built-in one, paths for a broken one', () => {
  assert.deepEqual(api.validateInstrument(all), []);
  const broken = structuredClone(all);
  broken.factors[0].statements = [];
  const problems = api.validateInstrument(JSON.stringify(broken));
  assert.ok(problems.length > 0);
  assert.ok(problems.every((p) => p.path.startsWith('$') && p.message.length > 0));
  assert.match(problems[0].message, /^A factor needs/);
  const dutch = api.validateInstrument(JSON.stringify(broken), 'nl');
  assert.match(dutch[0].message, /^Een factor heeft/);
  assert.throws(() => api.evaluate({}, { instrument: broken }), /problem/);
});

test('evaluate: a report in the asked language; bad answers throw a readable Error', () => {
  const good = api.evaluate(answers({ favourable: true }), { lang: 'en' });
  assert.equal(good.lang, 'en');
  assert.equal(good.verdict.level, 'ready');
  assert.ok(good.reasons.length > 0);
  const bad = api.evaluate(answers({ favourable: false }));
  assert.notEqual(bad.verdict.level, 'ready');
  assert.ok(bad.advice.length > 0);
  // A wrong value costs only itself: the report names it with its path.
  const partly = api.evaluate('{"responses": {"x": "maybe"}}', { lang: 'en' });
  assert.ok(partly.notices.some((n) => n.path === '$.responses["x"]' && /the text ‘maybe’/.test(n.message)));
  // An unusable whole throws a readable Error with the place.
  assert.throws(() => api.evaluate('{"responses": '), (e) => e instanceof Error && /line 1, column 14/.test(e.message));
  assert.throws(() => api.evaluate('[1]'), (e) => e instanceof Error && /group of fields/.test(e.message));
  assert.throws(() => api.evaluate({}, { lang: 7 }), /lang/);
});

test('aggregate: a group report with subgroups; options are checked', () => {
  const group = [
    answers({ favourable: true, municipality: 'Druten', role: 'raadslid' }),
    answers({ favourable: true, municipality: 'Druten', role: 'bestuurder' }),
    answers({ favourable: true, municipality: 'Druten', role: 'ambtenaar' }),
    answers({ favourable: false, municipality: 'Wijchen', role: 'raadslid' }),
    answers({ favourable: false, municipality: 'Wijchen', role: 'bestuurder' }),
    answers({ favourable: false, municipality: 'Wijchen', role: 'ambtenaar' }),
  ];
  const report = api.aggregate(group, { minGroupSize: 3 });
  assert.equal(report.respondents, 6);
  assert.equal(report.municipalities.length, 2);
  assert.ok(report.municipality_gaps.length > 0);
  assert.throws(() => api.aggregate(group, { minGroupSize: 0 }), /minGroupSize/);
  assert.throws(() => api.aggregate(group[0]), /array/);
});

test('compare: what improved between a baseline and now', () => {
  const before = api.evaluate(answers({ favourable: false }));
  const after = api.evaluate(answers({ favourable: true }));
  const change = api.compare(before, after);
  assert.ok(change.improved.length > 0);
  assert.equal(change.worsened.length, 0);
  assert.throws(() => api.compare({}, after), /baseline/);
});

test('encodeShare and decodeShare: a round trip, and a clear error for a typo', () => {
  const mine = answers({ favourable: true, municipality: 'Leusden' });
  mine.context = { partners: [{ name: 'Leusden', inhabitants: 30500 }] };
  const code = api.encodeShare(mine, true);
  assert.match(code, /^[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
  const back = api.decodeShare(code.toLowerCase());
  assert.deepEqual(back.responses, mine.responses);
  assert.equal(back.context.partners[0].name, 'Leusden');
  // A typo in the middle (the last character may only carry padding bits).
  const typo = `${code.slice(0, 2)}${code[2] === 'A' ? 'B' : 'A'}${code.slice(3)}`;
  assert.throws(() => api.decodeShare(typo), /share code cannot be read/);
});

test('leftOutOfShare: what a code leaves out, each with its path', () => {
  const mine = answers({ favourable: true, municipality: 'Leusden' });
  mine.context = { partners: [{ name: 'Leusden', inhabitants: 30500 }] };
  assert.deepEqual(api.leftOutOfShare(mine, true), []);
  const left = api.leftOutOfShare(mine);
  assert.deepEqual(left.map((n) => n.path), ['$.context']);
  assert.match(left[0].message, /^The context/);
  assert.match(api.leftOutOfShare(mine, false, undefined, 'nl')[0].message, /^De situatie/);
  assert.throws(() => api.leftOutOfShare(mine, false, undefined, 'fy'), /fy/);
});

test('workshopReport and compareWorkshops: a saved workshop file, as the widget writes it', () => {
  const favourable = (f) => (f.polarity === 'promoting' ? [0, 0, 0, 2, 6] : [6, 2, 0, 0, 0]);
  const unfavourable = (f) => (f.polarity === 'promoting' ? [6, 2, 0, 0, 0] : [0, 0, 0, 2, 6]);
  const workshop = (title, pick) => ({
    format_version: 1, instrument_id: all.id, title,
    tallies: Object.fromEntries(factors.map((f) => [f.id, { counts: pick(f), unknown: 0 }])),
    revealed: [], notes: { [factors[0].id]: 'Kennen elkaar goed.' }, participants: [],
  });
  const before = workshop('Nulmeting', unfavourable);
  const after = workshop('Een jaar later', favourable);
  const report = api.workshopReport(JSON.stringify(after), { lang: 'nl' });
  assert.equal(report.title, 'Een jaar later');
  assert.equal(report.room.voters, 8);
  assert.equal(report.room.report.verdict.level, 'ready');
  assert.equal(report.notes[0].text, 'Kennen elkaar goed.');
  assert.equal(report.group, null);
  const change = api.compareWorkshops(before, after, { lang: 'en' });
  assert.equal(change.baseline_title, 'Nulmeting');
  assert.ok(change.room.improved.length > 0);
  assert.throws(() => api.workshopReport('{"responses": {}}'), /single scan/);
});

test('readTable: a survey export into respondents, each problem at its cell', () => {
  const statements = all.factors.flatMap((f) => f.statements);
  const header = ['Gemeente', 'Rol', statements[0].id, statements[1].text.nl, 'Opmerking'];
  const rows = [header, ['Druten', 'raadslid', '4', 'Helemaal eens', 'x'], ['Wijchen', 'ambtenaar', 'heel goed', '2', '']];
  const { respondents, notices } = api.readTable(rows);
  assert.equal(respondents.length, 2);
  assert.equal(respondents[0].responses[statements[1].id], 5);
  assert.deepEqual(notices.map((n) => n.cell), ['E1', 'C3']);
  assert.match(api.readTable(rows, undefined, 'nl').notices[1].message, /^Het antwoord ‘heel goed’ kent de scan niet./);
  assert.throws(() => api.readTable([['Naam']]), /first row/);
  assert.throws(() => api.readTable('x'), /array of rows/);
  assert.throws(() => api.readTable(['x']), /array of rows/);
  // As SheetJS's sheet_to_json(ws, {header: 1}) gives them: numbers, true,
  // null and holes for empty cells.
  const sparse = [['Gemeente', statements[0].id, statements[1].id], ['Druten', 4, null], ['Wijchen', , 2.5]];
  const read = api.readTable(sparse);
  assert.equal(read.respondents.length, 1);
  assert.equal(read.respondents[0].responses[statements[0].id], 4);
  assert.deepEqual(read.notices.map((n) => n.cell), ['C3']);
});
