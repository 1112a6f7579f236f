// A tag manager adds the parent snippet only after the frame has loaded
// (and sent its first height, which nobody heard).
document.getElementById('samenwerkingsscan-frame').addEventListener('load', () => {
  setTimeout(() => {
    const script = document.createElement('script');
    script.src = 'iframe-parent.js';
    document.head.append(script);
  }, 800);
});
