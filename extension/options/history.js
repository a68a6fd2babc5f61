// The "Brand history" section of the settings page: the on/off switch, the retention, importing
// the networks' exports, export and "delete all". The history lives on the local server; every
// call goes through the service worker by the named message table.
import { bytesToBase64 } from '../lib/history.js';
import { Message } from '../lib/messages.js';
import { send } from './send.js';

export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
const CONFIRM_MS = 6000;

export function createHistorySection({ translate }) {
  const $ = (id) => document.getElementById(id);
  const section = $('history');
  const enabled = $('history-enabled');
  const retention = $('history-retention');
  const files = $('history-files');
  const results = $('history-import-result');
  const count = $('history-count');
  const status = $('history-status');
  const clear = $('history-clear');
  let total = 0;
  let confirmUntil = 0;

  function say(node, key, vars, tone = 'ok') {
    node.textContent = translate(key, vars);
    node.dataset.tone = tone;
  }

  function explain(node, reply, vars = {}) {
    if (reply.status === 'offline') return say(node, 'history.offline', vars, 'error');
    if (reply.status === 'unauthorized') return say(node, 'history.unauthorized', vars, 'error');
    if (reply.code === 'history_off') return say(node, 'history.off', vars, 'error');
    return say(node, 'history.import_failed', { ...vars, message: reply.message || reply.code }, 'error');
  }

  async function refreshCount() {
    const reply = await send(Message.HISTORY_LIST, { query: { limit: 1 } });
    if (reply.status !== 'ok') return explain(count, reply, { file: '' });
    total = reply.body.total;
    say(count, 'history.count', { count: total }, 'muted');
  }

  async function refresh() {
    section.setAttribute('aria-busy', 'true');
    const reply = await send(Message.HISTORY_SETTINGS_GET);
    if (reply.status === 'ok') {
      enabled.checked = reply.body.enabled;
      retention.value = reply.body.retention_days === null ? 'forever' : String(reply.body.retention_days);
      if (!retention.value) retention.value = '730';
    } else {
      explain(status, reply, { file: '' });
    }
    await refreshCount();
    section.setAttribute('aria-busy', 'false');
  }

  async function change(changes) {
    const reply = await send(Message.HISTORY_SETTINGS_SET, { changes });
    if (reply.status !== 'ok') return explain(status, reply, { file: '' });
    if (reply.body.deleted) say(status, 'history.deleted_old', { count: reply.body.deleted });
    else say(status, 'history.saved');
    await refreshCount();
  }

  enabled.addEventListener('change', () => change({ enabled: enabled.checked }));
  retention.addEventListener('change', () =>
    change({ retention_days: retention.value === 'forever' ? null : Number(retention.value) }),
  );

  files.addEventListener('change', async () => {
    results.replaceChildren();
    section.setAttribute('aria-busy', 'true');
    for (const file of files.files) {
      const line = document.createElement('li');
      results.append(line);
      if (file.size > MAX_IMPORT_BYTES) {
        say(line, 'history.too_large', { file: file.name }, 'error');
        continue;
      }
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const reply = await send(Message.HISTORY_IMPORT, { filename: file.name, contentBase64 });
      if (reply.status !== 'ok') {
        explain(line, reply, { file: file.name });
        continue;
      }
      const { taken, already_had: already, skipped } = reply.body;
      const reasons = Object.entries(skipped).map(([why, n]) => `${n} × ${why}`).join(' ; ');
      const skippedCount = Object.values(skipped).reduce((a, b) => a + b, 0);
      say(line, 'history.imported', { file: file.name, taken, already, skipped: skippedCount, reasons: reasons ? ` (${reasons})` : '' });
    }
    files.value = '';
    await refreshCount();
    section.setAttribute('aria-busy', 'false');
  });

  $('history-export').addEventListener('click', async () => {
    const reply = await send(Message.HISTORY_EXPORT);
    if (reply.status !== 'ok') return explain(status, reply, { file: '' });
    const blob = new Blob([JSON.stringify(reply.body, null, 1)], { type: 'application/json' });
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(blob),
      download: `postcoach-history-${new Date().toISOString().slice(0, 10)}.json`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });

  // Delete all asks twice: the first click turns the button into its confirmation.
  clear.addEventListener('click', async () => {
    if (Date.now() > confirmUntil) {
      confirmUntil = Date.now() + CONFIRM_MS;
      clear.textContent = translate('history.clear_confirm', { count: total });
      clear.className = 'danger-solid';
      setTimeout(() => {
        clear.textContent = translate('history.clear');
        clear.className = 'danger';
      }, CONFIRM_MS);
      return;
    }
    confirmUntil = 0;
    const reply = await send(Message.HISTORY_CLEAR);
    clear.textContent = translate('history.clear');
    clear.className = 'danger';
    if (reply.status !== 'ok') return explain(status, reply, { file: '' });
    say(status, 'history.cleared', { count: reply.body.deleted });
    await refreshCount();
  });

  return { refresh };
}
