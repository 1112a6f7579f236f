// The peer: the same questionnaire in SurveyJS (survey-core + survey-js-ui,
// pinned in tests/bench/package.json). The same screens as the scan: the
// intro (the scan's own intro markup), the context questions, then per
// phase what helps and what stands in the way (web/src/pages.rs), each
// factor a panel with its explanation and its statements as a row of five
// points plus "don't know". Both languages are in the model, as both are in
// the scan's wasm; the survey shows Dutch.
import { readFileSync } from 'node:fs';

const polarityTitle = { promoting: 'Wat helpt', hindering: 'Wat staat in de weg' };
const polarityHint = {
  promoting: 'Deze factoren helpen een samenwerking. ‘Eens’ betekent: dit is bij ons aanwezig.',
  hindering: 'Deze factoren staan een samenwerking in de weg. Let op: ‘eens’ betekent hier dat het probleem bij ons speelt.',
};

const both = (text) => ({ default: text.nl, nl: text.nl, en: text.en });

/// The SurveyJS model (a plain object) for `instrumentPath`, with
/// `introHtml` (the scan's intro, captured from the scan) on the start page.
export function surveyModel(instrumentPath, introHtml) {
  const instrument = JSON.parse(readFileSync(instrumentPath, 'utf8'));
  const choices = (list) => list.map((x) => ({ value: x.id, text: both(x.label) }));
  const context = instrument.context;
  const pages = [
    { name: 'intro', elements: [{ type: 'html', name: 'intro', html: introHtml }] },
    {
      name: 'context',
      title: 'De samenwerking',
      description: 'Vertel iets over de samenwerking die u overweegt. Dat helpt om de uitkomst goed te lezen. Geen enkele vraag is verplicht.',
      elements: [
        { type: 'radiogroup', name: 'stage', title: 'In welke fase is de samenwerking?', choices: choices(context.stages), showNoneItem: true, noneText: 'Geen keuze' },
        { type: 'radiogroup', name: 'urgency', title: 'Hoe dringend is versterking voor uw gemeente?', choices: choices(context.urgency), showNoneItem: true, noneText: 'Geen keuze' },
        { type: 'checkbox', name: 'goals', title: 'Wat voor samenwerking wordt het? Kies het doel of de doelen.', choices: choices(context.goals) },
        { type: 'checkbox', name: 'motives', title: 'Waarom wilt u samenwerken? Kies de motieven die voor u gelden.', choices: choices(context.motives) },
        { type: 'radiogroup', name: 'form', title: 'Welke vorm van samenwerking heeft u in gedachten?', choices: choices(context.forms), showNoneItem: true, noneText: 'Weet ik nog niet' },
        { type: 'checkbox', name: 'domains', title: 'Om welke taken gaat het?', choices: choices(context.domains) },
        {
          type: 'paneldynamic',
          name: 'partners',
          title: 'De gemeenten die meedoen',
          panelCount: 1,
          templateElements: [
            { type: 'text', name: 'name', title: 'Naam gemeente' },
            { type: 'text', name: 'inhabitants', title: 'Aantal inwoners', inputType: 'number', min: 0 },
          ],
        },
      ],
    },
  ];
  const scale = instrument.scale.points.map((p) => ({ value: p.value, text: both(p.label) }));
  scale.push({ value: 'unknown', text: both(instrument.scale.unknown) });
  for (const phase of instrument.phases) {
    for (const polarity of ['promoting', 'hindering']) {
      const factors = instrument.factors.filter((f) => f.phase === phase.id && f.polarity === polarity);
      if (!factors.length) continue;
      const title = polarityTitle[polarity];
      pages.push({
        name: `${phase.id}-${polarity}`,
        title: `${phase.name.nl}: ${title[0].toLowerCase()}${title.slice(1)}`,
        description: `${phase.description.nl} ${polarityHint[polarity]}`,
        elements: factors.map((factor) => ({
          type: 'panel',
          name: factor.id,
          title: both(factor.name),
          description: both(factor.explanation),
          elements: factor.statements.map((statement) => ({
            type: 'radiogroup',
            name: statement.id,
            title: both(statement.text),
            choices: scale,
            colCount: 0,
          })),
        })),
      });
    }
  }
  return {
    locale: 'nl',
    title: both(instrument.title),
    firstPageIsStartPage: true,
    startSurveyText: 'Start de scan',
    showQuestionNumbers: 'off',
    showProgressBar: 'top',
    completedHtml: '<h2>Klaar</h2>',
    pages,
  };
}

/// The peer's page: its scripts and stylesheet as their npm packages ship
/// them (minified), the model as a script of its own.
export const surveyPage = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Samenwerkingsscan (SurveyJS)</title>
  <link rel="stylesheet" href="/surveyjs/survey-core/survey-core.min.css">
  <script src="/surveyjs/survey-core/survey.core.min.js" defer></script>
  <script src="/surveyjs/survey-core/i18n/dutch.min.js" defer></script>
  <script src="/surveyjs/survey-js-ui/survey-js-ui.min.js" defer></script>
  <script src="/surveyjs-page/model.js" defer></script>
  <script src="/surveyjs-page/start.js" defer></script>
</head>
<body>
  <main>
    <h1 class="page-title">Samenwerkingsscan</h1>
    <div id="survey"></div>
  </main>
</body>
</html>
`;

export const surveyStart = `const survey = new Survey.Model(window.SCAN_MODEL);
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
`;
