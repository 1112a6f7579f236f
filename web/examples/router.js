// A host's single-page router, as many CMS front ends have: links change the
// page with history.pushState and keep their own history.state. The scan
// stays mounted; it must neither replace the host's state nor lose track of
// its own step when the visitor goes back and forward.
const pages = {
  scan: ['Samenwerken in de regio', 'Vul de scan in.'],
  contact: ['Contact', 'Bel 14 024.'],
};
function show(route) {
  const [title, text] = pages[route] ?? pages.scan;
  document.getElementById('page-title').textContent = title;
  document.getElementById('page-text').textContent = text;
}
history.replaceState({ route: 'scan', host: true }, '', location.href);
for (const link of document.querySelectorAll('a[data-route]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const route = link.dataset.route;
    history.pushState({ route, host: true }, '', link.href);
    show(route);
  });
}
window.addEventListener('popstate', (event) => show(event.state?.route));
