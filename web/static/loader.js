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

/// Mounts into `element` (options as `mount` in web/src/lib.rs); resolves
/// to a handle with `destroy()`.
export async function mountScan(element, options = {}) {
  let handle = null;
  let destroyed = false;
  let current = null;
  const start = async (kind) => {
    // The scan bundle may ask more than once (every render): swap only once.
    if (current === kind) return;
    current = kind;
    const { mount } = await load(kind);
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
