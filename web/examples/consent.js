// A consent manager: the frame gets its address only after consent, long
// after the page (and iframe-parent.js) loaded.
document.getElementById('consent-accept').addEventListener('click', () => {
  const frame = document.getElementById('samenwerkingsscan-frame');
  frame.src = frame.dataset.src;
  document.getElementById('consent').hidden = true;
});
