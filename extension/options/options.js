// The settings page. Each field is validated and saved on change; "Test connection" asks the
// service worker, which stays the only caller of the server.
import { resolveUiLanguage, translate } from '../lib/i18n.js';
import { Message, createMessage } from '../lib/messages.js';
import { createHistorySection } from './history.js';
import { createProfilesSection } from './profiles.js';
import {
  FAMILIES,
  PLATFORMS,
  loadSettings,
  normalizePairingCode,
  normalizeServerUrl,
  normalizeToken,
  saveSettings,
} from '../lib/settings.js';

const PLATFORM_NAMES = { facebook: 'Facebook', linkedin: 'LinkedIn' };
// Each command and the <kbd> that shows its key.
const SHORTCUTS = Object.freeze({ recheck: 'shortcut', 'apply-fix': 'shortcut-apply-fix' });
const SAVED_NOTICE_MS = 2500;

const form = document.getElementById('settings');
const fields = {
  serverUrl: document.getElementById('serverUrl'),
  token: document.getElementById('token'),
  hintLanguage: document.getElementById('hintLanguage'),
};
const toggleToken = document.getElementById('toggle-token');
const testButton = document.getElementById('test-connection');
const connectionResult = document.getElementById('connection-result');
const saveStatus = document.getElementById('save-status');
const pairing = {
  box: document.getElementById('pairing'),
  status: document.getElementById('pairing-status'),
  field: document.getElementById('pairing-code-field'),
  code: document.getElementById('pairing-code'),
  button: document.getElementById('pair'),
  error: document.getElementById('pairing-error'),
  again: document.getElementById('find-server'),
};

let settings;
let lang;
let profiles;
let savedNoticeTimer = 0;
let serverSearch = 0;

function t(key, vars) {
  return translate(lang, key, vars);
}

function applyTranslations() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n, node.dataset.i18nVars ? JSON.parse(node.dataset.i18nVars) : undefined);
  }
  toggleToken.textContent = t(fields.token.type === 'password' ? 'options.show_token' : 'options.hide_token');
  document.getElementById('shortcut-change').textContent = t(
    location.protocol === 'moz-extension:' ? 'options.shortcut_change_firefox' : 'options.shortcut_change_chrome',
  );
}

function switchRow({ group, name, label, help, checked }) {
  const id = `${group}-${name}`;
  const row = document.createElement('div');
  row.className = 'switch';
  const input = Object.assign(document.createElement('input'), { type: 'checkbox', id, checked });
  input.dataset.group = group;
  input.dataset.name = name;
  const text = Object.assign(document.createElement('label'), { htmlFor: id });
  if (label.i18n) text.dataset.i18n = label.i18n;
  else text.textContent = label.text;
  row.append(input, text);
  if (help) {
    const helpText = Object.assign(document.createElement('p'), { className: 'help', id: `${id}-help` });
    helpText.dataset.i18n = help;
    input.setAttribute('aria-describedby', helpText.id);
    row.append(helpText);
  }
  return row;
}

function buildSwitches() {
  document.getElementById('platforms').replaceChildren(
    ...PLATFORMS.map((name) =>
      switchRow({
        group: 'platforms',
        name,
        label: { text: PLATFORM_NAMES[name] },
        checked: settings.platforms[name],
      }),
    ),
  );
  document.getElementById('families').replaceChildren(
    ...FAMILIES.map((name) =>
      switchRow({
        group: 'families',
        name,
        label: { i18n: `family.${name}` },
        help: `family.${name}.help`,
        checked: settings.families[name],
      }),
    ),
  );
}

function showFieldError(name, code) {
  const input = fields[name];
  const message = document.getElementById(`${name}-error`);
  input.setAttribute('aria-invalid', String(Boolean(code)));
  if (code) message.dataset.i18n = `error.${code}`;
  else delete message.dataset.i18n;
  message.textContent = code ? t(`error.${code}`) : '';
}

function noteSaved() {
  saveStatus.dataset.i18n = 'options.saved';
  saveStatus.textContent = t('options.saved');
  clearTimeout(savedNoticeTimer);
  savedNoticeTimer = setTimeout(() => {
    delete saveStatus.dataset.i18n;
    saveStatus.textContent = '';
  }, SAVED_NOTICE_MS);
}

async function save(partial) {
  const { saved, errors } = await saveSettings(chrome.storage.local, partial);
  for (const name of Object.keys(partial)) if (name in fields) showFieldError(name, errors[name]);
  settings = { ...settings, ...saved };
  if (Object.keys(errors).length === 0) noteSaved();
  return errors;
}

form.addEventListener('change', async (event) => {
  const target = event.target;
  if (target.dataset.group) {
    const group = target.dataset.group;
    await save({ [group]: { ...settings[group], [target.dataset.name]: target.checked } });
    return;
  }
  if (!(target.id in fields)) return;
  if (target.id === 'hintLanguage') {
    // The page speaks the chosen language at once, before the save completes.
    lang = resolveUiLanguage(target.value, { browserLanguage: navigator.language });
    applyTranslations();
    profiles.languageChanged();
  }
  await save({ [target.id]: target.value });
});

// Enter in a text field saves it instead of reloading the page.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  document.activeElement?.dispatchEvent(new Event('change', { bubbles: true }));
});

toggleToken.addEventListener('click', () => {
  fields.token.type = fields.token.type === 'password' ? 'text' : 'password';
  applyTranslations();
});

function describeConnection(result, serverUrl) {
  switch (result.status) {
    case 'ok':
      return { ok: true, text: t('options.test_ok', { version: result.version, ms: result.roundTripMs }) };
    case 'unauthorized':
      return { ok: false, text: t('options.test_unauthorized', { version: result.version ?? '?' }) };
    case 'rejected':
      return { ok: false, text: t('options.test_rejected', { message: result.message ?? result.code }) };
    default:
      return { ok: false, text: t('options.test_offline', { url: serverUrl }) };
  }
}

testButton.addEventListener('click', async () => {
  const url = normalizeServerUrl(fields.serverUrl.value);
  const token = normalizeToken(fields.token.value);
  showFieldError('serverUrl', url.error);
  showFieldError('token', token.error);
  if (url.error || token.error) return;
  testButton.disabled = true;
  connectionResult.removeAttribute('data-status');
  connectionResult.textContent = t('options.testing');
  try {
    const result = await chrome.runtime.sendMessage(
      createMessage(Message.TEST_CONNECTION, { serverUrl: url.value, token: token.value }),
    );
    const { ok, text } = describeConnection(result, url.value);
    connectionResult.dataset.status = ok ? 'ok' : 'error';
    connectionResult.textContent = text;
  } finally {
    testButton.disabled = false;
  }
});

/** Shows a translated text that follows language changes (applyTranslations); null clears. */
function showText(node, key, vars) {
  if (!key) {
    delete node.dataset.i18n;
    delete node.dataset.i18nVars;
    node.textContent = '';
    return;
  }
  node.dataset.i18n = key;
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  else delete node.dataset.i18nVars;
  node.textContent = t(key, vars);
}

function showPairing(state, vars) {
  pairing.box.dataset.state = state;
  showText(pairing.status, `pairing.${state}`, vars);
  pairing.field.hidden = state !== 'found';
  pairing.again.hidden = state !== 'absent';
}

/**
 * Looks for the server at the stored address (by default the one `postcoach serve` uses) and
 * tells whether the stored token opens it: paired, found (asks for the code), or absent.
 */
async function findServer() {
  const search = ++serverSearch;
  const url = settings.serverUrl;
  showPairing('searching', { url });
  const result = await chrome.runtime.sendMessage(
    createMessage(Message.TEST_CONNECTION, { serverUrl: url, token: settings.token }),
  );
  if (search !== serverSearch) return; // a newer search (another address or token) answers
  if (result.status === 'ok') showPairing('paired', { version: result.version, url });
  else if (result.status === 'unauthorized' && result.version) showPairing('found', { version: result.version, url });
  else showPairing('absent', { url });
}

function pairingError(result, url) {
  if (['wrong_code', 'code_expired', 'too_many_tries'].includes(result.code)) {
    return [`pairing.error.${result.code}`, { tries: result.extra?.tries_left ?? 0 }];
  }
  if (result.status === 'offline') return ['pairing.error.offline', { url }];
  return ['pairing.error.other', { message: result.message || result.code }];
}

async function pair() {
  const code = normalizePairingCode(pairing.code.value);
  pairing.code.setAttribute('aria-invalid', String(!code));
  if (!code) {
    showText(pairing.error, 'pairing.error.code_invalid');
    return;
  }
  showText(pairing.error, null);
  pairing.button.disabled = true;
  pairing.button.textContent = t('pairing.pairing');
  try {
    const url = settings.serverUrl;
    const result = await chrome.runtime.sendMessage(createMessage(Message.PAIR, { serverUrl: url, code }));
    if (result.status !== 'ok') {
      showText(pairing.error, ...pairingError(result, url));
      return;
    }
    pairing.code.value = '';
    await save({ token: result.token });
    fields.token.value = settings.token;
    await findServer();
  } finally {
    pairing.button.disabled = false;
    pairing.button.textContent = t('pairing.pair');
  }
}

pairing.button.addEventListener('click', pair);
pairing.code.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault(); // not the form's submission: this field pairs
  pair();
});
pairing.again.addEventListener('click', findServer);

async function showShortcuts() {
  const commands = await chrome.commands.getAll();
  for (const [name, id] of Object.entries(SHORTCUTS)) {
    const shortcut = commands.find((command) => command.name === name)?.shortcut;
    const kbd = document.getElementById(id);
    if (shortcut) {
      kbd.textContent = shortcut;
      delete kbd.dataset.i18n;
    } else {
      kbd.dataset.i18n = 'options.shortcut_unset';
      kbd.textContent = t('options.shortcut_unset');
    }
  }
}

async function init() {
  settings = await loadSettings(chrome.storage.local);
  lang = resolveUiLanguage(settings.hintLanguage, { browserLanguage: navigator.language });
  fields.serverUrl.value = settings.serverUrl;
  fields.token.value = settings.token;
  fields.hintLanguage.value = settings.hintLanguage;
  buildSwitches();
  profiles = createProfilesSection({ translate: t, language: () => lang });
  const history = createHistorySection({ translate: t });
  applyTranslations();
  // Profiles live on the server: a new address or token (from any tab) means another list.
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'local' && ('serverUrl' in changes || 'token' in changes)) {
      profiles.refresh();
      history.refresh();
      // The stored values are the truth, whichever tab saved them.
      const { serverUrl, token } = await loadSettings(chrome.storage.local);
      settings = { ...settings, serverUrl, token };
      findServer();
    }
  });
  await Promise.all([showShortcuts(), profiles.refresh(), history.refresh(), findServer()]);
  document.body.dataset.ready = 'true';
}

init();
