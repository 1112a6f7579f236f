// The host hears that the scan could not load (samenwerkingsscan-error).
document.addEventListener('samenwerkingsscan-error', (event) => {
  document.getElementById('host-status').textContent = `De scan meldt: ${event.detail.message}`;
});
