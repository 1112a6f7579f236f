// The stand-alone page for the iframe fallback. Mounts the widget and tells
// the parent page its height, so the parent can size the frame without an
// inner scrollbar. Only the height is sent; never any answers.
import { mountScan } from './samenwerkingsscan.js';

const params = new URLSearchParams(location.search);
const root = document.getElementById('samenwerkingsscan');
// The height is told from the start: the first screen (in the page) is
// there before the wasm, and the frame should fit it too.
if (window.parent !== window) {
  // The body's own height, both ways: the document's scrollHeight never
  // drops below the frame's current height, so a frame sized by it could
  // grow but never shrink.
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'samenwerkingsscan:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
  // A parent snippet that loaded later (a tag manager, a consent script)
  // asks for the height; only the parent may ask, and only the height goes.
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'samenwerkingsscan:ask-height') {
      last = 0;
      report();
    }
  });
}

await mountScan(root, {
  lang: params.get('lang') || 'nl',
  storageKey: params.get('storage-key') || undefined,
  mode: params.get('mode') || undefined,
  scanUrl: params.get('scan-url') || undefined,
});
