// The stand-alone page for the iframe fallback. Mounts the widget and tells
// the parent page its height, so the parent can size the frame without an
// inner scrollbar. Only the height is sent; never any answers.
import init, { mount } from './samenwerkingsscan_web.js';

await init();
const params = new URLSearchParams(location.search);
const root = document.getElementById('samenwerkingsscan');
mount(root, {
  lang: params.get('lang') || 'nl',
  storageKey: params.get('storage-key') || undefined,
});
if (window.parent !== window) {
  const report = () => {
    window.parent.postMessage({ type: 'samenwerkingsscan:height', height: document.documentElement.scrollHeight }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
}
