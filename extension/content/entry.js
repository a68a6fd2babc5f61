// The content script's entry point, bundled by esbuild into dist/content.js (`make extension`).
// One classic script, so nothing of the extension has to be web-accessible: the coached sites
// probe for extensions by fetching their files, and there is none to fetch.
import { start } from './main.js';

start();
