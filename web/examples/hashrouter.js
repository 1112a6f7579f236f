// A host whose router lives in the fragment (#/scan, #/contact). The scan
// must leave that fragment alone: it then moves between its steps without
// the URL.
const titles = { '#/scan': 'Samenwerken in de regio', '#/contact': 'Contact' };
const show = () => {
  document.getElementById('page-title').textContent = titles[location.hash] ?? 'Pagina niet gevonden';
};
window.addEventListener('hashchange', show);
show();
