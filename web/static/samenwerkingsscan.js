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
import { mountScan } from './loader.js';

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

  connectedCallback() {
    linkPrintStylesheet();
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheet;
      root.append(link);
    }
    this.#render();
  }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected && this.shadowRoot) this.#render();
  }

  async #render() {
    const generation = ++this.#generation;
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
    this.shadowRoot.append(container);
    const handle = await mountScan(container, {
      lang: this.getAttribute('lang') || document.documentElement.lang || 'nl',
      storageKey: this.getAttribute('storage-key') || undefined,
      instrument,
      instrumentError,
      mode: this.getAttribute('mode') || undefined,
      scanUrl: this.getAttribute('scan-url') || undefined,
      label: this.getAttribute('label') || undefined,
      onEvent: (type, detail) => {
        this.dispatchEvent(new CustomEvent(`samenwerkingsscan-${type}`, { detail, bubbles: true, composed: true }));
      },
    });
    if (generation !== this.#generation) {
      // A newer render started while this one loaded: it owns the element.
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
