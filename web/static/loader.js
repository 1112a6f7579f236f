// Loads and mounts the widget. Two bundles: the scan, which every visitor
// loads, and workshop mode (the scan plus the facilitator's screens), which
// is fetched only when a workshop starts, so participants' phones never
// download it. Used by the custom element, the stand-alone page and the
// iframe page.
const bundles = {
  scan: 'samenwerkingsscan_web',
  workshop: 'samenwerkingsscan_workshop',
};
const loading = {};

function load(kind) {
  loading[kind] ??= import(`./${bundles[kind]}.js`).then(async (module) => {
    await module.default({ module_or_path: new URL(`./${bundles[kind]}_bg.wasm`, import.meta.url) });
    return module;
  });
  return loading[kind];
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
  return {
    nl: 'De Samenwerkingsscan kan niet laden: een bestand van de scan ontbreekt of komt verkeerd binnen. Voor de beheerder van de website: zet alle bestanden van de scan op de server en lever .wasm-bestanden met het MIME-type application/wasm.',
    en: 'The Partnership readiness scan cannot load: one of its files is missing or arrives in the wrong form. For the website\'s administrator: put all files of the scan on the server and serve .wasm files with the MIME type application/wasm.',
    detail,
  };
}

/// Shows a load failure inside `element`, so the page never shows a silent
/// blank, and tells the host (`onEvent('error', …)`).
function showLoadProblem(element, options, error, blocked, place = 'replace') {
  const problem = loadProblem(error, blocked);
  const lang = String(options.lang || '').toLowerCase().startsWith('en') ? 'en' : 'nl';
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
  else element.replaceChildren(box);
  options.onEvent?.('error', { message: problem.en, detail: problem.detail });
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
  const start = async (kind) => {
    // The scan bundle may ask more than once (every render): swap only once.
    if (current === kind) return;
    const previous = current;
    current = kind;
    // Until the bundle is there: a visible, announced "loading" (the
    // element is never an empty 0 px box).
    if (!handle) {
      const busy = document.createElement('p');
      busy.className = 'scan-loading';
      busy.setAttribute('role', 'status');
      busy.textContent = String(options.lang || '').toLowerCase().startsWith('en')
        ? 'Loading the Partnership readiness scan…'
        : 'De Samenwerkingsscan wordt geladen…';
      element.replaceChildren(busy);
    }
    // What the CSP blocks while loading names the directive to fix.
    const blocked = [];
    const onViolation = (event) => blocked.push(event.effectiveDirective || event.violatedDirective);
    document.addEventListener('securitypolicyviolation', onViolation);
    let mount;
    try {
      if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
      ({ mount } = await load(kind));
    } catch (error) {
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
      showLoadProblem(element, options, error, [...new Set(blocked)]);
      return;
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
    if (!handle) element.replaceChildren();
    if (destroyed || current !== kind) return;
    handle?.destroy();
    handle = mount(element, {
      ...options,
      mode: kind === 'workshop' ? 'workshop' : options.mode,
      // Workshop mode's own styles, linked inside the widget (shadow root included).
      workshopStylesheet: new URL('./workshop.css', import.meta.url).href,
      onEvent: (type, detail) => {
        // The scan bundle asks for workshop mode: swap bundles, after the
        // current render has finished.
        if (type === 'mode' && detail === 'workshop') setTimeout(() => start('workshop'));
        else options.onEvent?.(type, detail);
      },
    });
  };
  // A reload during a workshop (`#scan-workshop`) loads workshop mode at
  // once, not the scan bundle first.
  const inWorkshop = options.mode === 'workshop'
    || globalThis.location?.hash === `#${namespace(options.storageKey)}-workshop`;
  await start(inWorkshop ? 'workshop' : 'scan');
  return {
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = null;
    },
  };
}
