// The report as a page of the extension: the numbers come from the server through the service
// worker (GET /v1/history/report), and render.js draws them as `postcoach report --html` does.
import { resolveUiLanguage } from '../lib/i18n.js';
import { Message } from '../lib/messages.js';
import { loadSettings } from '../lib/settings.js';
import { send } from '../options/send.js';
import { renderReport } from './render.js';

const main = document.getElementById('report');
const status = document.getElementById('report-status');
const since = document.getElementById('report-since');
const brand = document.getElementById('report-brand');
const language = document.getElementById('report-lang');
let destroy = () => {};
let data = null;

const FAILURES = {
  offline: 'Serveur injoignable : lancez « make run ». / Server unreachable: run “make run”.',
  unauthorized: 'Jeton refusé : voir les réglages. / Token refused: see the settings.',
};

function draw() {
  destroy();
  destroy = renderReport(main, data, { lang: language.value, Chart: globalThis.Chart });
  document.documentElement.lang = language.value;
}

async function load() {
  main.setAttribute('aria-busy', 'true');
  status.textContent = '';
  const reply = await send(Message.HISTORY_REPORT, { since: since.value || null, brand: brand.value.trim() || null });
  main.setAttribute('aria-busy', 'false');
  if (reply.status !== 'ok') {
    status.textContent = FAILURES[reply.status] ?? `${reply.code}: ${reply.message}`;
    return;
  }
  data = reply.body;
  draw();
}

document.getElementById('report-controls').addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
language.addEventListener('change', () => data && draw());

const settings = await loadSettings(chrome.storage.local);
language.value = resolveUiLanguage(settings.hintLanguage, { browserLanguage: navigator.language });
await load();
document.body.dataset.ready = 'true';
