// Loads the widget and mounts it on the page's placeholder element.
import { mountScan } from './samenwerkingsscan.js';

await mountScan(document.getElementById('samenwerkingsscan'), { lang: document.documentElement.lang || 'nl' });
