// Content scripts cannot be declared as ES modules, so this classic script loads the module
// graph; its files are web-accessible on the coached sites only.
import(chrome.runtime.getURL('content/main.js')).then(({ start }) => start());
