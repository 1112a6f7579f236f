// Parent-page snippet for the iframe embed: resize the frame to its content
// so there is no inner scrollbar. Copy this file (or its content) next to
// your page; give the frame id="samenwerkingsscan-frame" or the attribute
// data-samenwerkingsscan.
//
// It keeps working when the frame is added, or its address set or changed,
// after the page loaded (cookie-consent managers, lazy loading): each message
// is checked against the frame's address *at that moment*, and only a
// message from the frame's own window and from the scan's origin is trusted.
(() => {
  const frames = () => document.querySelectorAll('#samenwerkingsscan-frame, iframe[data-samenwerkingsscan]');
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'samenwerkingsscan:height' || !Number.isFinite(data.height)) return;
    for (const frame of frames()) {
      if (event.source !== frame.contentWindow || !frame.src) continue;
      const origin = new URL(frame.src, document.baseURI).origin;
      if (event.origin !== origin) continue;
      frame.style.height = `${Math.max(0, Math.ceil(data.height))}px`;
    }
  });
  // This snippet may load after the frame did (and its first message was
  // missed): ask every frame for its height now and whenever one loads.
  const ask = (frame) => {
    if (!frame.src || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ type: 'samenwerkingsscan:ask-height' }, new URL(frame.src, document.baseURI).origin);
  };
  const askAll = () => frames().forEach(ask);
  document.addEventListener('load', (event) => {
    if (event.target instanceof HTMLIFrameElement && [...frames()].includes(event.target)) ask(event.target);
  }, true);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll);
  else askAll();
})();
