// Loads the widget and mounts it on the page's placeholder element.
import init, { mount } from './samenwerkingsscan_web.js';

await init();
mount(document.getElementById("samenwerkingsscan"), { lang: document.documentElement.lang || "nl" });
