// <samenwerkings-scan>: the Samenwerkingsscan as a custom element.
//
//   <script type="module" src="https://example.nl/scan/samenwerkingsscan.js"></script>
//   <samenwerkings-scan lang="nl"></samenwerkings-scan>
//
// Renders in an open shadow root with its own stylesheet, so the host's CSS
// cannot break the widget and the widget's CSS cannot leak out. Every asset
// resolves relative to this script's URL. Works under a strict CSP:
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (no inline code).
//
// Attributes: lang (nl|en), storage-key, instrument (URL of an instrument
// JSON on the same site; when it cannot be fetched, the widget says so and
// uses the built-in questionnaire), mode ("workshop" starts in workshop mode for a
// facilitator), scan-url (the address the workshop's QR code points to;
// default: this page).
// label (the accessible name of the widget's region; needed when a page has
// two scans). Events (composed, bubbling): `samenwerkingsscan-change` and
// `samenwerkingsscan-report`, with the report as `event.detail`, and
// `samenwerkingsscan-error` when the scan cannot load (detail: { message,
// detail }); the element then shows the problem itself.
//
// This one file is also the loader (`mountScan`, used by the stand-alone
// page `main.js` and the iframe page `embed.js`): one file fewer on the way
// to the wasm. Three bundles: the scan, which every visitor loads, workshop
// mode (the scan plus the facilitator's screens), which is fetched only when
// a workshop starts, so participants' phones never download it, and the
// survey import (csv and calamine), fetched only when someone chooses a
// survey tool's export.

const bundles = {
  scan: 'samenwerkingsscan_web',
  workshop: 'samenwerkingsscan_workshop',
  import: 'samenwerkingsscan_import',
};
const loading = {};
const blockedWhileLoading = {};

// Subresource Integrity for what the loader fetches itself: in a release
// bundle (`cargo xtask dist`) `SAMENWERKINGSSCAN_SRI` is replaced at build
// time by the files' sha384 hashes, so a changed wasm or questionnaire file
// is refused by the browser and the scan says so. Elsewhere it is not
// defined and nothing is checked.
const integrity = typeof SAMENWERKINGSSCAN_SRI === 'object' ? SAMENWERKINGSSCAN_SRI : {};

/// Fetches a file of the scan, checked against its hash when the release
/// has one; a refused file is named, with "integrity" in the message.
function fetchChecked(file) {
  const url = new URL(`./${file}`, import.meta.url);
  if (!integrity[file]) return fetch(url);
  return fetch(url, { integrity: integrity[file] }).catch((error) => {
    throw new Error(`${file}: failed its integrity check or could not be fetched (${error.message})`);
  });
}

/// Loads a bundle: its JavaScript and its wasm are asked for at once (the
/// wasm is not left waiting until the JavaScript has arrived), so a first
/// visit pays one round trip for both. The pages `index.html` and
/// `embed.html` preload this script itself, not the wasm (after a reload in
/// workshop mode they need the workshop's).
function load(kind) {
  if (!loading[kind]) {
    // What the CSP blocks while loading names the directive to fix: heard
    // from the first request on (a load may start before `mountScan`).
    // Only the scan's own requests count: a host's tracker that its CSP
    // blocks says nothing about why the scan cannot load.
    const blocked = (blockedWhileLoading[kind] = []);
    const base = new URL('./', import.meta.url).href;
    const onViolation = (event) => {
      const uri = String(event.blockedURI || '');
      if (uri === 'wasm-eval' || uri === 'eval' || uri.startsWith(base)) {
        blocked.push(event.effectiveDirective || event.violatedDirective);
      }
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    // `fetch` as wasm-bindgen would call it (same URL, default mode), so a
    // `<link rel="preload" as="fetch" crossorigin>` of the page is reused.
    const wasm = fetchChecked(`${bundles[kind]}_bg.wasm`);
    wasm.catch(() => {}); // handled where it is awaited, below
    loading[kind] = import(`./${bundles[kind]}.js`).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    }).finally(() => document.removeEventListener('securitypolicyviolation', onViolation));
  }
  return loading[kind];
}

const instruments = {};

/// Reads a survey tool's export (`.csv`, `.xlsx`) chosen in the data panel
/// or a workshop's setup with the survey import bundle, fetched the first
/// time it is needed. `instrument`: a host's own questionnaire as JSON, or
/// undefined for the built-in one. Resolves to the bundle's JSON
/// (respondents and notices, or an error, in Dutch and English; see
/// web/import/src/lib.rs); rejects when the bundle cannot load.
async function readSurvey(file, instrument) {
  if (importStopped) return importStopped;
  let module;
  try {
    module = await load('import');
  } catch (error) {
    delete loading.import; // the next file tries again
    throw error;
  }
  // Too large: said before the file is read into memory.
  const tooLarge = module.tooLarge(file.size);
  if (tooLarge) return tooLarge;
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return module.readSurvey(file.name, bytes, instrument);
  } catch {
    // The reader stopped inside (a damaged .xlsx that the spreadsheet
    // library cannot take): its memory is in an unknown state, so it reads
    // nothing more until the page is loaded again. Said for this file, and
    // for every later one.
    importStopped = JSON.stringify({ error: {
      nl: 'De scan kan geen bestanden meer lezen op deze pagina: het vorige bestand liet het onderdeel dat Excel- en CSV-bestanden leest vastlopen. Laad de pagina opnieuw. Uw antwoorden blijven bewaard.',
      en: 'The scan cannot read more files on this page: the previous file made the part that reads Excel and CSV files stop. Reload the page. Your answers are kept.',
    } });
    return JSON.stringify({ error: {
      nl: 'De scan kan dit bestand niet lezen: het is beschadigd. Open het in Excel en sla het opnieuw op als .xlsx of .csv. Laad daarna de pagina opnieuw en kies het bestand nog eens. Uw antwoorden blijven bewaard.',
      en: 'The scan cannot read this file: it is damaged. Open it in Excel and save it again as .xlsx or .csv. Then reload the page and choose the file again. Your answers are kept.',
    } });
  }
}
/// The reply for every file after the import bundle stopped (see above).
let importStopped;

/// "Kopieer rapport" (the widget calls it with the clicked button): the
/// report as shown, as HTML (headings, lists and tables paste into Word or
/// LibreOffice as a formatted document) and as plain text, in one clipboard
/// item; what printing leaves out (buttons, folded extras) is left out.
/// The report's status line then says whether it worked, in the button's
/// `data-copied` or `data-copy-failed` text (no clipboard on an http://
/// page, or refused). Here and not in the wasm: the same in a few hundred
/// bytes instead of 3 KB.
async function copyReport(button) {
  const report = button.closest('.scan-report');
  const status = report?.querySelector('[data-copy-status]');
  try {
    await writeReport(report);
    if (status) status.textContent = button.dataset.copied;
  } catch {
    if (status) status.textContent = button.dataset.copyFailed;
  }
}

async function writeReport(report) {
  const clone = report.cloneNode(true);
  clone.querySelectorAll('.scan-no-print, button').forEach((element) => element.remove());
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${clone.outerHTML}</body></html>`;
  const text = plainText(clone).replace(/[ \t]*\n\s*\n\s*/g, '\n\n').trim();
  if (typeof ClipboardItem !== 'function') return navigator.clipboard.writeText(text);
  const blob = (data, type) => new Blob([data], { type });
  return navigator.clipboard.write([new ClipboardItem({ 'text/html': blob(html, 'text/html'), 'text/plain': blob(text, 'text/plain') })]);
}

/// An element as plain text: a line per heading, paragraph and row, list
/// items with "- ", table cells separated by tabs.
function plainText(node) {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out += child.textContent.replace(/\s+/g, ' ');
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = child.localName;
    const inner = plainText(child);
    if (tag === 'li') out += `\n- ${inner.trim()}\n`;
    else if (tag === 'td' || tag === 'th') out += `${inner.trim()}\t`;
    else if (/^(h[1-6]|p|tr|caption|table|ul|ol|div|section)$/.test(tag)) out += `\n${/^h/.test(tag) ? '\n' : ''}${inner.trim()}\n`;
    else out += inner;
  }
  return out;
}

/// The built-in instrument's JSON in `lang` (`instrument.nl.json` or
/// `instrument.en.json`, as text): the wasm does not carry it, so a visit
/// downloads its own language only and the other on a switch. Asked for
/// together with the bundle; a failed fetch is tried again next time.
function instrumentText(lang) {
  const code = langOf(lang);
  if (!instruments[code]) {
    const file = `instrument.${code}.json`;
    instruments[code] = fetchChecked(file).then(async (response) => {
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      const text = await response.text();
      // A page a portal or proxy served instead (HTML, not JSON, not a
      // questionnaire) is a failure, so a later attempt fetches again.
      let factors;
      try {
        factors = JSON.parse(text)?.factors;
      } catch {
        factors = null;
      }
      if (!Array.isArray(factors)) throw new Error(`${file}: not the questionnaire (${response.headers.get('content-type') || 'no content type'})`);
      return text;
    });
    instruments[code].catch(() => delete instruments[code]);
  }
  return instruments[code];
}

/// Starts loading the bundle `options` will mount (see `mountScan`) and
/// the instrument in its language, without waiting for them; a failure is
/// reported when `mountScan` awaits them.
function preload(options) {
  load(firstKind(options)).catch(() => {});
  // A host's own questionnaire needs the built-in one only if it cannot
  // be used: then it is fetched at mount.
  if (!options.custom) instrumentText(options.lang).catch(() => {});
}

/// The widget's fragment namespace, as `route::namespace` in web/src/route.rs.
/// (`mount` also takes a missing, blank or non-text key as the default.)
function namespace(storageKey) {
  if (typeof storageKey !== 'string' || !storageKey.trim() || storageKey === 'samenwerkingsscan') return 'scan';
  return storageKey.replace(/[^A-Za-z0-9_-]/g, '');
}

/// What the webmaster can do, by what the browser said (Dutch and English).
/// `blocked`: the CSP directives the browser reported while loading.
function loadProblem(error, blocked = []) {
  const detail = String(error && error.message ? error.message : error)
    + (blocked.length ? ` (Content-Security-Policy: ${blocked.join(', ')})` : '');
  if (typeof WebAssembly !== 'object') {
    return {
      nl: 'Deze browser kan de Samenwerkingsscan niet uitvoeren: WebAssembly ontbreekt of staat uit. Gebruik een recente versie van Edge, Chrome, Firefox of Safari.',
      en: 'This browser cannot run the Partnership readiness scan: WebAssembly is missing or turned off. Please use a recent version of Edge, Chrome, Firefox or Safari.',
      detail,
    };
  }
  // Only WebAssembly compilation refused ('wasm-unsafe-eval' missing) gets
  // its own message below; any other blocked load names its directives.
  const evalOnly = /unsafe-eval/i.test(detail) && blocked.every((d) => d.startsWith('script-src'));
  if (blocked.length && !evalOnly) {
    return {
      nl: `De Samenwerkingsscan kan niet laden, omdat de beveiligingsinstellingen van deze website (Content-Security-Policy) de bestanden van de scan blokkeren (${blocked.join(', ')}). Voor de beheerder van de website: sta het adres van de scan toe in script-src, connect-src en style-src, en voeg 'wasm-unsafe-eval' toe aan script-src.`,
      en: `The Partnership readiness scan cannot load because this website's security settings (Content-Security-Policy) block its files (${blocked.join(', ')}). For the website's administrator: allow the scan's address in script-src, connect-src and style-src, and add 'wasm-unsafe-eval' to script-src.`,
      detail,
    };
  }
  if (/unsafe-eval|Content.Security.Policy|CSP/i.test(detail)) {
    return {
      nl: "De Samenwerkingsscan kan niet starten, omdat de beveiligingsinstellingen van deze website (Content-Security-Policy) WebAssembly blokkeren. Voor de beheerder van de website: voeg 'wasm-unsafe-eval' toe aan script-src.",
      en: "The Partnership readiness scan cannot start because this website's security settings (Content-Security-Policy) block WebAssembly. For the website's administrator: add 'wasm-unsafe-eval' to script-src.",
      detail,
    };
  }
  const changed = detail.match(/^([\w.]+): failed its integrity check/)?.[1];
  if (changed) {
    return {
      nl: `De Samenwerkingsscan kan niet laden: het bestand ${changed} is niet het bestand van deze versie van de scan (de controle op echtheid keurt het af), of het kwam niet binnen. Voor de beheerder van de website: zet alle bestanden uit de release ongewijzigd op de server.`,
      en: `The Partnership readiness scan cannot load: the file ${changed} is not the file of this version of the scan (its integrity check refuses it), or it did not arrive. For the website's administrator: put all files of the release on the server unchanged.`,
      detail,
    };
  }
  const file = detail.match(/instrument\.[a-z]+\.json/)?.[0];
  if (file) {
    return {
      nl: `De Samenwerkingsscan kan niet laden: het bestand met de vragenlijst (${file}) ontbreekt of komt verkeerd binnen. Voor de beheerder van de website: zet alle bestanden van de scan op de server, ook instrument.nl.json en instrument.en.json.`,
      en: `The Partnership readiness scan cannot load: the file with the questionnaire (${file}) is missing or arrives in the wrong form. For the website's administrator: put all files of the scan on the server, including instrument.nl.json and instrument.en.json.`,
      detail,
    };
  }
  return {
    nl: 'De Samenwerkingsscan kan niet laden: een bestand van de scan ontbreekt of komt verkeerd binnen. Voor de beheerder van de website: zet alle bestanden van de scan op de server en lever .wasm-bestanden met het MIME-type application/wasm.',
    en: 'The Partnership readiness scan cannot load: one of its files is missing or arrives in the wrong form. For the website\'s administrator: put all files of the scan on the server and serve .wasm files with the MIME type application/wasm.',
    detail,
  };
}

/// The language the scan speaks for a page's code, as the core's
/// `Lang::nearest`: English for `en` or a regional `en-GB`, else Dutch.
const langOf = (lang) => (String(lang ?? '').trim().split(/[-_]/)[0].toLowerCase() === 'en' ? 'en' : 'nl');

/// Shows a load failure inside `element`, so the page never shows a silent
/// blank, and tells the host (`onEvent('error', …)`).
function showLoadProblem(element, options, error, blocked, place = 'replace') {
  const problem = loadProblem(error, blocked);
  const lang = langOf(options.lang);
  const box = document.createElement('div');
  box.className = 'scan-load-error';
  box.setAttribute('role', 'alert');
  box.lang = lang;
  const text = document.createElement('p');
  text.textContent = problem[lang];
  const detail = document.createElement('p');
  detail.className = 'scan-load-error__detail';
  detail.textContent = (lang === 'en' ? 'Technical detail: ' : 'Technische melding: ') + problem.detail;
  box.append(text, detail);
  if (place === 'before') element.before(box);
  else if (place === 'start') element.prepend(box);
  else element.replaceChildren(box);
  options.onEvent?.('error', { message: problem.en, detail: problem.detail });
}

/// The bundle to mount first: a reload during a workshop (`#scan-workshop`)
/// loads workshop mode at once, not the scan bundle first.
function firstKind(options) {
  const inWorkshop = options.mode === 'workshop'
    || globalThis.location?.hash === `#${namespace(options.storageKey)}-workshop`;
  return inWorkshop ? 'workshop' : 'scan';
}

/// The first screen per language, `{ nl: { html, resume }, en: … }`, put in
/// by `cargo xtask build` (web/prerender: the widget's own components,
/// rendered to HTML at build time); `null` in the source tree.
const firstScreens = /* first screens */ null;


/// Whether the address asks for the first screen: no fragment of this
/// widget's own (a host's fragment is left to the host), or its start.
function atStart(options) {
  const ns = namespace(options.storageKey);
  const hash = globalThis.location?.hash ?? '';
  const ours = hash.startsWith(`#${ns}=`) || hash.startsWith(`#${ns}-`);
  return !ours || hash === `#${ns}=start`;
}

/// Whether storage holds answers under the widget's key (the widget then
/// offers "go on" instead of "start": the same test, answers present).
function hasSavedAnswers(options) {
  try {
    const key = typeof options.storageKey === 'string' && options.storageKey.trim() ? options.storageKey : 'samenwerkingsscan';
    const saved = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null');
    const responses = saved?.answers?.responses ?? saved?.responses;
    return !!responses && typeof responses === 'object' && Object.keys(responses).length > 0;
  } catch {
    return false; // storage blocked or damaged: the widget says so itself
  }
}

/// Paints the first screen in `element` while the wasm loads, or takes the
/// one the page already has (index.html, embed.html), and keeps its buttons
/// working: the language switch redraws it, and "Start" or "Workshop" is
/// remembered, said to be on its way, and clicked again in the widget once
/// it has mounted. Not for a custom questionnaire (its title is unknown
/// here), workshop mode or an address that asks for another screen.
/// `options.firstIntent` (an object the caller keeps) carries what was
/// clicked over to a later mount of the same widget. Returns
/// `{ lang(), beforeSwap(), replay(), fail() }`, or null.
function firstScreen(element, options) {
  const template = (lang) => firstScreens?.[langOf(lang)];
  let screen = element.querySelector(':scope > [data-first-screen]');
  const custom = options.instrument || options.instrumentError;
  if (custom || firstKind(options) === 'workshop' || !atStart(options)) {
    screen?.remove();
    return null;
  }
  const intent = options.firstIntent ?? {};
  const resume = hasSavedAnswers(options);
  let focusKey = null;
  const busy = () => {
    if (!intent.go || screen.querySelector('.scan-loading')) return;
    const status = document.createElement('p');
    status.className = 'scan-loading';
    status.setAttribute('role', 'status');
    status.textContent = langOf(intent.lang ?? options.lang) === 'en'
      ? 'One moment: the scan is loading…'
      : 'Een ogenblik: de scan wordt geladen…';
    screen.querySelector('.scan__actions')?.after(status);
  };
  // Set once the buttons act (this script listens): `data-first-ready`.
  let ready = false;
  const dress = () => {
    if (ready) screen.dataset.firstReady = '';
    if (options.label) screen.setAttribute('aria-label', options.label);
    const startButton = screen.querySelector('[data-first="start"]');
    if (resume && startButton && template(screen.lang)) startButton.textContent = template(screen.lang).resume;
    busy();
  };
  const paint = (lang) => {
    const t = template(lang);
    if (!t) return false;
    try {
      // Our own markup from the build (no scripts, no style attributes).
      element.innerHTML = t.html;
    } catch {
      return false; // e.g. a host that requires Trusted Types: no first screen
    }
    screen = element.firstElementChild;
    dress();
    return true;
  };
  const wanted = intent.lang ?? options.lang;
  if (!screen || (template(wanted) && screen.lang !== langOf(wanted))) {
    if (!paint(wanted)) screen = null;
  } else {
    dress();
  }
  if (!screen) return null;
  const onClick = (event) => {
    const button = event.target.closest?.('[data-first]');
    if (!button || !screen?.contains(button)) return;
    const action = button.dataset.first;
    if (action.startsWith('lang-')) {
      intent.lang = action.slice(5);
      if (paint(intent.lang)) screen.querySelector(`[data-first="${action}"]`)?.focus();
      return;
    }
    intent.go = action;
    busy();
  };
  // A press that has begun on a first-screen button and not yet ended: if
  // the live widget replaces the button in between, the browser fires no
  // click (press and release on different elements), so `replay` ends it
  // on the live button. Only a mouse's main button and Space: a touch tap
  // is aimed at the live button by the browser itself (a replay would
  // click twice), and other buttons do not click.
  let pressed = null;
  let held = null;
  const onPress = (event) => {
    const counts = event.type === 'keydown'
      ? event.key === ' ' && !event.repeat
      : event.pointerType === 'mouse' && event.button === 0;
    if (!counts) return;
    const button = event.target.closest?.('[data-first]');
    pressed = button && screen?.contains(button) ? button.dataset.first : null;
  };
  // Ended anywhere (also outside the widget), cancelled, or the window
  // lost the focus: no press left. (An element's blur is not an end: a
  // mouse press moves the focus.)
  const onRelease = (event) => {
    if (event.type === 'keyup' && event.key !== ' ') return;
    if (event.type === 'blur' && event.target !== globalThis) return;
    pressed = null;
  };
  const pressEvents = [['pointerdown', onPress], ['keydown', onPress]];
  const releaseEvents = ['pointerup', 'pointercancel', 'keyup', 'blur'];
  element.addEventListener('click', onClick);
  pressEvents.forEach(([type, listener]) => element.addEventListener(type, listener));
  releaseEvents.forEach((type) => globalThis.addEventListener(type, onRelease, true));
  ready = true;
  screen.dataset.firstReady = '';
  const root = element.getRootNode();
  return {
    /// The language chosen on the first screen, if any.
    lang: () => intent.lang ?? null,
    /// Just before the live widget replaces the first screen: which of its
    /// buttons has the focus, so the widget's own one gets it.
    beforeSwap() {
      element.removeEventListener('click', onClick);
      pressEvents.forEach(([type, listener]) => element.removeEventListener(type, listener));
      releaseEvents.forEach((type) => globalThis.removeEventListener(type, onRelease, true));
      held = pressed;
      pressed = null;
      const active = root.activeElement;
      focusKey = active && screen.contains(active) ? active.dataset?.first ?? null : null;
    },
    /// After mounting: the widget's own buttons do what was clicked (or
    /// take the focus where the first screen had it).
    replay() {
      const action = intent.go;
      intent.go = null;
      if (!action && held) {
        // Released on the live button: that is the click the press began
        // (released anywhere else: no click, as a browser would do).
        const key = held;
        const onUp = (event) => {
          if (event.type === 'keyup' ? event.key !== ' ' : event.pointerType !== 'mouse' || event.button !== 0) return;
          stop();
          const button = event.target.closest?.(`[data-first="${key}"]`);
          if (button && element.contains(button)) button.click();
        };
        const stop = () => {
          held = null;
          element.removeEventListener('pointerup', onUp);
          element.removeEventListener('keyup', onUp);
          globalThis.removeEventListener('pointerup', stop);
          globalThis.removeEventListener('pointercancel', stop);
        };
        element.addEventListener('pointerup', onUp);
        element.addEventListener('keyup', onUp);
        // A release outside the widget reaches only the window, and a
        // cancelled press ends it too: no click.
        globalThis.addEventListener('pointerup', stop);
        globalThis.addEventListener('pointercancel', stop);
      }
      const key = action ?? focusKey;
      if (!key) return;
      let tries = 0;
      const again = () => {
        const button = element.querySelector(`[data-first="${key}"]`);
        if (button) {
          if (action) button.click();
          else button.focus();
        } else if (++tries < 30) {
          requestAnimationFrame(again);
        }
      };
      again();
    },
    /// The scan cannot load: the first screen stays readable, without its
    /// buttons, under the message that says why.
    fail() {
      element.removeEventListener('click', onClick);
      pressEvents.forEach(([type, listener]) => element.removeEventListener(type, listener));
      releaseEvents.forEach((type) => globalThis.removeEventListener(type, onRelease, true));
      delete screen.dataset.firstReady;
      screen.querySelectorAll('[data-first]').forEach((b) => b.remove());
      screen.querySelector('.scan-loading')?.remove();
    },
  };
}

/// Mounts into `element` (options as `mount` in web/src/lib.rs, passed on
/// as they are: `instrument`, or `instrumentError` when a host could not
/// fetch its questionnaire, is read by the widget itself); resolves
/// to a handle with `destroy()`. A bundle that cannot load (blocked by a
/// CSP, missing, wrong MIME type, no WebAssembly) is said inside `element`
/// and reported as `onEvent('error', { message, detail })`.
export async function mountScan(element, options = {}) {
  let handle = null;
  let destroyed = false;
  let current = null;
  const first = firstScreen(element, options);
  // The language to mount in: the host's, or one chosen on the first screen,
  // or the widget's own when it asks for workshop mode.
  let lang = first?.lang() ?? options.lang;
  const start = async (kind) => {
    // The scan bundle may ask more than once (every render): swap only once.
    if (current === kind) return;
    const previous = current;
    current = kind;
    // Until the bundle is there: a visible, announced "loading" (the
    // element is never an empty 0 px box).
    if (!handle && !(first && kind === 'scan')) {
      const busy = document.createElement('p');
      busy.className = 'scan-loading';
      busy.setAttribute('role', 'status');
      busy.textContent = langOf(options.lang) === 'en'
        ? 'Loading the Partnership readiness scan…'
        : 'De Samenwerkingsscan wordt geladen…';
      element.replaceChildren(busy);
    }
    let mount;
    let builtin;
    let chosen;
    let languageError;
    let usable;
    // The language it mounts in (the first screen's choice may change
    // while the bundle loads: the instrument follows it).
    const mountLang = () => langOf(kind === 'scan' ? first?.lang() ?? lang : lang);
    // A host's own questionnaire that arrived: the built-in one is not
    // needed unless it cannot be used.
    const custom = typeof options.instrument === 'string' && !options.instrumentError;
    try {
      if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
      if (!custom) instrumentText(mountLang()).catch(() => {}); // at once, beside the bundle
      ({ mount, usable } = await load(kind));
      if (!custom || !usable(options.instrument)) {
        do {
          chosen = mountLang();
          try {
            builtin = await instrumentText(chosen);
            languageError = undefined;
          } catch (error) {
            // The other language then, and the widget says why.
            const other = chosen === 'en' ? 'nl' : 'en';
            builtin = await instrumentText(other);
            languageError = { lang: chosen, detail: String(error?.message ?? error) };
            chosen = other;
          }
        } while (!languageError && chosen !== mountLang());
      }
      chosen ??= mountLang();
    } catch (error) {
      const blocked = blockedWhileLoading[kind] ?? [];
      delete loading[kind]; // a later attempt (e.g. after a fix) loads again
      if (destroyed) return;
      if (handle && kind === 'workshop') {
        // The scan keeps working: only workshop mode is unavailable. Back
        // to the scan's own start, and say so above the element.
        current = previous;
        showLoadProblem(element, options, error, [...new Set(blocked)], 'before');
        if (globalThis.location?.hash === `#${namespace(options.storageKey)}-workshop`) {
          globalThis.location.hash = `#${namespace(options.storageKey)}=start`;
        }
        return;
      }
      if (first && kind === 'scan') {
        first.fail();
        showLoadProblem(element, { ...options, lang: mountLang() }, error, [...new Set(blocked)], 'start');
      } else {
        showLoadProblem(element, { ...options, lang: mountLang() }, error, [...new Set(blocked)]);
      }
      return;
    }
    // A widget taken off the page (or replaced by a newer mount) while
    // this bundle loaded stays unmounted: it must not write to the URL or
    // storage from outside the page.
    if (destroyed || current !== kind || !element.isConnected) return;
    if (!handle) {
      first?.beforeSwap();
      element.replaceChildren();
    }
    handle?.destroy();
    handle = null;
    const mountOptions = {
      ...options,
      lang: chosen,
      builtin,
      languageError,
      loadInstrument: instrumentText,
      copyReport,
      // The questionnaire the widget uses: the host's own, or (undefined)
      // the built-in one, which the import bundle has in both languages.
      readSurvey: (file) => readSurvey(file, builtin === undefined ? options.instrument : undefined),
      mode: kind === 'workshop' ? 'workshop' : options.mode,
      // Workshop mode's own styles, linked inside the widget (shadow root included).
      workshopStylesheet: new URL('./workshop.css', import.meta.url).href,
      // The host's `onEvent` as given (none: the widget computes no report
      // for events). The scan bundle asks for workshop mode with `onMode`:
      // swap bundles, after the current render has finished.
      onMode: (mode, inLang) => {
        if (mode !== 'workshop') return;
        if (inLang) lang = inLang;
        setTimeout(() => start('workshop'));
      },
    };
    try {
      handle = mount(element, mountOptions);
    } catch (error) {
      // e.g. an instrument file that is not the scan's (a server's error page).
      showLoadProblem(element, options, error, []);
    }
  };
  await start(firstKind(options));
  if (handle && current === 'scan') first?.replay();
  return {
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = null;
    },
  };
}


const stylesheet = new URL('./scan.css', import.meta.url).href;
const printStylesheet = new URL('./print.css', import.meta.url).href;

/// The host page's print rules (only used while the widget prints its
/// report): one <link>, never inline CSS, so strict CSPs allow it.
function linkPrintStylesheet() {
  if (document.querySelector('link[data-samenwerkingsscan-print]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.media = 'print';
  link.href = printStylesheet;
  link.dataset.samenwerkingsscanPrint = '';
  document.head.append(link);
}

class SamenwerkingsScan extends HTMLElement {
  static observedAttributes = ['lang', 'storage-key', 'instrument', 'mode', 'scan-url', 'label'];

  #handle = null;
  #generation = 0;
  /// Settles when the shadow root's stylesheet has loaded (or failed): a
  /// stylesheet in a shadow root does not hold back painting, so the first
  /// screen waits for it rather than flash unstyled.
  #styled = null;
  /// What was clicked on the first screen, kept over a re-render (an
  /// attribute changed while the wasm loaded).
  #intent = {};

  connectedCallback() {
    linkPrintStylesheet();
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheet;
      // At most 3 s: a stylesheet that never arrives must not hide the
      // widget (or a message that it cannot load) for good.
      this.#styled = new Promise((done) => {
        link.addEventListener('load', done, { once: true });
        link.addEventListener('error', done, { once: true });
        setTimeout(done, 3000);
      });
      root.append(link);
    }
    this.#render();
  }

  disconnectedCallback() {
    // A render still loading must not mount into a detached element.
    this.#generation += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected && this.shadowRoot) this.#render();
  }

  async #render() {
    const generation = ++this.#generation;
    // The bundle loads while the questionnaire (if any) is fetched.
    preload({
      lang: this.getAttribute('lang') || document.documentElement.lang || 'nl',
      mode: this.getAttribute('mode') || undefined,
      storageKey: this.getAttribute('storage-key') || undefined,
      custom: this.hasAttribute('instrument'),
    });
    // A questionnaire that cannot be fetched is said as such in the widget
    // (`instrumentError`, see `mount` in web/src/lib.rs), which then runs
    // the built-in one; one that arrives is validated by the widget.
    let instrument;
    let instrumentError;
    const url = this.getAttribute('instrument');
    if (url) {
      let href = url;
      try {
        href = new URL(url, document.baseURI).href;
        const response = await fetch(href, { credentials: 'same-origin' });
        if (!response.ok) {
          instrumentError = { url: href, status: response.status, detail: response.statusText };
        } else {
          const text = await response.text();
          // A web page (a "not found" page served with 200, a login page):
          // the address is wrong, not the questionnaire.
          if (text.trimStart().startsWith('<')) {
            instrumentError = { url: href, kind: 'not-json', detail: response.headers.get('content-type') || '' };
          } else {
            instrument = text;
          }
        }
      } catch (error) {
        instrumentError = { url: href, kind: 'network', detail: String(error && error.message ? error.message : error) };
      }
    }
    if (generation !== this.#generation) return; // a newer render won
    this.#handle?.destroy();
    this.#handle = null;
    const container = document.createElement('div');
    this.shadowRoot.querySelector('div[data-scan-root]')?.remove();
    container.dataset.scanRoot = '';
    container.hidden = true;
    this.#styled.then(() => { container.hidden = false; });
    this.shadowRoot.append(container);
    const handle = await mountScan(container, {
      lang: this.getAttribute('lang') || document.documentElement.lang || 'nl',
      storageKey: this.getAttribute('storage-key') || undefined,
      instrument,
      instrumentError,
      mode: this.getAttribute('mode') || undefined,
      scanUrl: this.getAttribute('scan-url') || undefined,
      label: this.getAttribute('label') || undefined,
      firstIntent: this.#intent,
      onEvent: (type, detail) => {
        this.dispatchEvent(new CustomEvent(`samenwerkingsscan-${type}`, { detail, bubbles: true, composed: true }));
      },
    });
    container.hidden = false; // mounted or failed: shown whatever the stylesheet does
    if (generation !== this.#generation) {
      // A newer render started while this one loaded (or the element left
      // the page): it owns the element.
      handle.destroy();
      container.remove();
      return;
    }
    this.#handle = handle;
  }
}

if (!customElements.get('samenwerkings-scan')) {
  customElements.define('samenwerkings-scan', SamenwerkingsScan);
}
