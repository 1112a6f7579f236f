// Parent-page snippet for the iframe embed: resize the frame to its content
// so there is no inner scrollbar. Only messages from the scan's own origin
// are trusted. Copy this file (or its content) next to your page.
(() => {
  const frame = document.getElementById('samenwerkingsscan-frame');
  const scanOrigin = new URL(frame.src, document.baseURI).origin;
  window.addEventListener('message', (event) => {
    if (event.origin !== scanOrigin || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (data && data.type === 'samenwerkingsscan:height' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
})();
