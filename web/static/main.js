// Loads the widget and mounts it on the page's placeholder element.
import { mountScan } from './loader.js';

await mountScan(document.getElementById('samenwerkingsscan'), { lang: document.documentElement.lang || 'nl' });
