// What a web team writes against the npm package, type-checked by
// `cargo xtask test` with `tsc --noEmit --strict` after installing the packed
// tarball (Node's and a bundler's module resolution), then compiled and run
// in Node. Every line below must type-check; the lines marked
// `@ts-expect-error` must not: they prove that the declarations are real
// types, not `any`.
import init, {
  aggregate,
  compare,
  decodeShare,
  defaultInstrument,
  encodeShare,
  evaluate,
  leftOutOfShare,
  readTable,
  validateInstrument,
  workshopReport,
  type Answers,
  type GroupReport,
  type Instrument,
  type Report,
  type StatementResponse,
  type VerdictLevel,
} from 'samenwerkingsscan';

await init();

// The questionnaire, its texts in Dutch (for reading), and as input.
const instrument: Instrument = defaultInstrument('nl');
const asInput: Instrument = defaultInstrument();
const statementIds: string[] = instrument.factors.flatMap((f) => f.statements.map((s) => s.id));
const firstName = instrument.factors[0].name;
const shown: string = typeof firstName === 'string' ? firstName : firstName.nl;

// One respondent: every part optional, responses on the scale or "unknown".
const responses: Record<string, StatementResponse> = {};
for (const id of statementIds) responses[id] = 4;
responses[statementIds[0]] = 'unknown';
const answers: Answers = {
  respondent: { role: 'raadslid', municipality: 'Wijchen' },
  context: { stage: 'preparing', partners: [{ name: 'Druten' }, { name: 'Wijchen' }] },
  responses,
};

const report: Report = evaluate(answers, { lang: 'nl' });
const level: VerdictLevel = report.verdict.level;
const reasons: string[] = report.reasons.map((r) => r.text);
const firstSteps: string[] = report.advice.flatMap((a) => a.steps.map((s) => s.text));
const stage: 'orienting' | 'preparing' | 'operating' | null = report.stage;
const notices: string[] = report.notices.map((n) => `${n.path}: ${n.message}`);

// A group, its gaps between municipalities and its disclosure control.
const group: GroupReport = aggregate([answers, answers, answers], { minGroupSize: 3, lang: 'en' });
const groupLevel: VerdictLevel = group.report.verdict.level;
const respondents: number = group.respondents;

// Baseline and re-measurement.
const change = compare(report, group);
const improved: string[] = change.improved.map((f) => f.name);

// Share codes and what a code leaves out.
const code: string = encodeShare(answers, true);
const back: Answers = decodeShare(code);
const left: string[] = leftOutOfShare(answers, false, undefined, 'en').map((l) => l.message);

// A survey tool's export, as rows of cells.
const read = readTable([statementIds, statementIds.map(() => 'Helemaal eens')]);
const fromSurvey: GroupReport = aggregate(read.respondents);
const cells: string[] = read.notices.map((n) => `${n.cell}: ${n.message}`);

// A custom instrument's problems, and a workshop file.
const problems: { path: string; message: string }[] = validateInstrument(asInput, 'en');
const workshop = workshopReport({ format_version: 1, participants: [code] }, { lang: 'en' });
const roomLevel: VerdictLevel | undefined = workshop.room?.report.verdict.level;
const participants: number | undefined = workshop.group?.respondents;

// What ran must also be right.
if (back.responses?.[statementIds[1]] !== 4) throw new Error('the share code lost an answer');
if (problems.length !== 0) throw new Error(`the built-in questionnaire has problems: ${problems[0].message}`);
if (fromSurvey.respondents !== 1 || participants !== 1) throw new Error('a respondent went missing');

// @ts-expect-error: a response is a point on the scale or "unknown".
const wrong: StatementResponse = 'maybe';
// @ts-expect-error: the report has no field `verdicts`.
report.verdicts;
// @ts-expect-error: the options are typed.
evaluate(answers, { language: 'nl' });

export {
  back, cells, code, firstSteps, fromSurvey, groupLevel, improved, left, level, notices, problems,
  reasons, respondents, roomLevel, shown, stage, wrong,
};
