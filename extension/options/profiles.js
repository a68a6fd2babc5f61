// The "Brand profiles" section of the settings page: list, create, learn from the brand's posts,
// edit, choose where each profile is active, delete, export and import. Profiles live on the
// local server; every call goes through the service worker by the named message table.
import { Message } from '../lib/messages.js';
import { send } from './send.js';
import {
  ACTIVE_PLATFORMS,
  HASHTAG_PLATFORMS,
  MAX_FILE_BYTES,
  activePlatformsByProfile,
  changedFields,
  exportFileName,
  formToProfile,
  mergeEdits,
  normalizeProfileName,
  profileToForm,
  samplesStatus,
  splitSamples,
} from '../lib/profiles.js';

const $ = (id) => document.getElementById(id);
const REGISTERS = [
  [75, 'formal'],
  [55, 'measured'],
  [35, 'relaxed'],
  [0, 'casual'],
];
const TEXT_FIELDS = ['preferred_terms', 'banned_terms', 'brand_names', 'domains'];
const NUMBER_FIELDS = ['emoji_max', 'exclamation_max'];
const ERROR_FIELDS = [
  'languages',
  'emoji_max',
  'exclamation_max',
  ...HASHTAG_PLATFORMS.map((p) => `hashtags_${p}`),
  'banned_terms',
  'domains',
];

/** Shows a translated string that follows later language changes (see options.js). */
export function say(node, key, vars) {
  node.dataset.i18n = key;
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  else delete node.dataset.i18nVars;
  node.textContent = say.translate(key, vars);
}
say.translate = (key) => key;

function clear(node) {
  delete node.dataset.i18n;
  delete node.dataset.i18nVars;
  delete node.dataset.tone;
  node.textContent = '';
}

function setTone(node, tone) {
  if (tone) node.dataset.tone = tone;
  else delete node.dataset.tone;
}

export function createProfilesSection({ translate, language }) {
  say.translate = translate;
  const section = $('brand-profile');
  const editor = $('profile-editor');
  const form = $('profile-form');
  const state = {
    summaries: [],
    active: {},
    selected: null,
    loaded: null,
    version: null,
    description: [],
  };

  /** A failed reply in the page's words; the server's own message when nothing better fits. */
  function explain(node, reply) {
    setTone(node, 'error');
    if (reply.status === 'offline') return say(node, 'profiles.offline');
    if (reply.status === 'unauthorized') return say(node, 'profiles.unauthorized');
    if (reply.code === 'profile_not_found') return say(node, 'profiles.gone');
    if (reply.code === 'too_large') return say(node, 'profiles.too_large');
    return say(node, 'profiles.rejected', { message: reply.message || reply.code });
  }

  function note(node, key, vars, tone = 'ok') {
    say(node, key, vars);
    setTone(node, tone);
  }

  // ---- the list and the active profile per network ------------------------------------

  function showUnavailable(reply) {
    $('profiles-ready').hidden = true;
    editor.hidden = true;
    $('profiles-unavailable').hidden = false;
    const text = $('profiles-unavailable-text');
    if (reply.status === 'rejected' && reply.message) {
      say(text, 'profiles.unavailable_detail', { message: reply.message });
    } else say(text, 'profiles.unavailable');
  }

  function platformNames(platforms) {
    return platforms.map((platform) => translate(`profiles.platform.${platform}`)).join(', ');
  }

  function renderActiveSelects() {
    for (const platform of ACTIVE_PLATFORMS) {
      const select = $(`active-${platform}`);
      const none = document.createElement('option');
      none.value = '';
      say(none, 'profiles.none');
      const options = state.summaries.map(({ name }) => Object.assign(document.createElement('option'), { value: name, textContent: name }));
      select.replaceChildren(none, ...options);
      select.disabled = options.length === 0;
      const current = state.active[platform] ?? '';
      select.value = state.summaries.find((s) => s.name.toLowerCase() === current.toLowerCase())?.name ?? '';
    }
  }

  function renderList() {
    const where = activePlatformsByProfile(state.active);
    const items = state.summaries.map((summary) => {
      const item = document.createElement('li');
      item.className = 'profile-item';
      item.dataset.profile = summary.name;
      if (summary.name === state.selected) item.setAttribute('aria-current', 'true');
      const text = document.createElement('div');
      text.className = 'profile-text';
      const name = Object.assign(document.createElement('strong'), { textContent: summary.name });
      const meta = document.createElement('span');
      meta.className = 'meta';
      const platforms = where.get(summary.name.toLowerCase()) ?? [];
      item.dataset.activeOn = platforms.join(' ');
      const activeText = document.createElement('span');
      activeText.className = platforms.length ? 'chip active' : 'chip';
      if (platforms.length) say(activeText, 'profiles.active_on', { where: platformNames(platforms) });
      else say(activeText, 'profiles.inactive');
      meta.append(activeText);
      if (summary.learned !== undefined || summary.samples !== undefined) {
        const learned = document.createElement('span');
        learned.className = 'learned';
        if (summary.samples) say(learned, 'profiles.learned_from', { count: summary.samples });
        else say(learned, 'profiles.not_learned');
        meta.append(learned);
      }
      text.append(name, meta);
      const edit = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary' });
      edit.dataset.edit = summary.name;
      say(edit, 'profiles.edit');
      edit.setAttribute('aria-label', `${translate('profiles.edit')} — ${summary.name}`);
      if (summary.name === state.selected) edit.setAttribute('aria-pressed', 'true');
      item.append(text, edit);
      return item;
    });
    $('profile-list').replaceChildren(...items);
    $('profile-list').hidden = items.length === 0;
    $('profile-list-empty').hidden = items.length > 0;
  }

  function summariesFrom(body) {
    const raw = Array.isArray(body?.profiles) ? body.profiles : [];
    return raw
      .map((entry) => (typeof entry === 'string' ? { name: entry } : entry))
      .filter((entry) => entry && typeof entry.name === 'string');
  }

  let listCalls = 0;

  async function loadList() {
    // Address and token may change twice in a row: only the latest answer counts.
    const call = ++listCalls;
    const reply = await send(Message.PROFILES_LIST);
    if (call !== listCalls) return false;
    section.setAttribute('aria-busy', 'false');
    if (reply.status !== 'ok') {
      showUnavailable(reply);
      return false;
    }
    $('profiles-unavailable').hidden = true;
    $('profiles-ready').hidden = false;
    state.summaries = summariesFrom(reply.body);
    state.active = reply.body?.active ?? {};
    renderActiveSelects();
    renderList();
    return true;
  }

  async function refresh({ open } = {}) {
    if (!(await loadList())) return;
    const names = state.summaries.map((s) => s.name);
    const wanted = open ?? state.selected ?? state.active.generic ?? state.active.facebook ?? names[0];
    const match = names.find((name) => name.toLowerCase() === String(wanted ?? '').toLowerCase());
    if (match && match !== state.selected) await openProfile(match);
    else if (!match) closeEditor();
  }

  // ---- the editor ----------------------------------------------------------------------

  function closeEditor() {
    state.selected = null;
    state.loaded = null;
    editor.hidden = true;
    renderList();
  }

  function readForm() {
    return {
      languages: { fr: $('language-fr').checked, en: $('language-en').checked },
      address_fr: form.elements.address_fr.value,
      formality: $('formality').value,
      emoji_max: $('emoji_max').value,
      exclamation_max: $('exclamation_max').value,
      hashtags: Object.fromEntries(HASHTAG_PLATFORMS.map((p) => [p, $(`hashtags_${p}`).value])),
      ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, $(field).value])),
    };
  }

  function fillForm(profile) {
    const values = profileToForm(profile);
    $('profile-name').value = values.name || state.selected;
    $('language-fr').checked = values.languages.fr;
    $('language-en').checked = values.languages.en;
    $(`address-${values.address_fr}`).checked = true;
    $('formality').value = values.formality;
    for (const field of NUMBER_FIELDS) $(field).value = values[field];
    for (const platform of HASHTAG_PLATFORMS) $(`hashtags_${platform}`).value = values.hashtags[platform];
    for (const field of TEXT_FIELDS) $(field).value = values[field];
    showFormality();
    syncAddress();
    showErrors({}, {});
  }

  function showFormality() {
    const value = Number($('formality').value);
    const register = REGISTERS.find(([floor]) => value >= floor)[1];
    const words = translate(`profiles.register.${register}`);
    say($('formality-value'), 'profiles.formality_value', { value, words });
    $('formality').setAttribute('aria-valuetext', `${value}/100, ${words}`);
    $('formality-value').dataset.register = register;
  }

  function syncAddress() {
    $('profile-address').disabled = !$('language-fr').checked;
  }

  function showErrors(errors, detail) {
    for (const field of ERROR_FIELDS) {
      const message = $(`${field}-error`);
      const input = field === 'languages' ? $('profile-languages') : $(field);
      if (errors[field]) {
        say(message, `profile.error.${errors[field]}`, detail[field]);
        input.setAttribute('aria-invalid', 'true');
      } else {
        clear(message);
        input.removeAttribute('aria-invalid');
      }
    }
  }

  function showDescription() {
    const list = $('voice-description');
    const lines = state.description ?? [];
    if (lines.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      say(empty, 'profiles.voice_empty');
      list.replaceChildren(empty);
    } else {
      list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    }
    const learned = Boolean(state.loaded?.learned ?? state.loaded?.fingerprint ?? state.loaded?.samples);
    editor.dataset.learned = String(learned);
  }

  function profileFrom(body) {
    const profile = body?.profile ?? body ?? {};
    return {
      profile,
      version: body?.version ?? profile.version ?? null,
      description: body?.description ?? profile.description ?? [],
    };
  }

  async function fetchProfile(name) {
    return send(Message.PROFILE_GET, { name, lang: language() });
  }

  function setStatus(key, vars, tone) {
    const text = $('profile-status-text');
    $('reload-profile').hidden = true;
    if (!key) {
      clear(text);
      return;
    }
    note(text, key, vars, tone);
  }

  async function openProfile(name, { focus = false } = {}) {
    const reply = await fetchProfile(name);
    if (reply.status !== 'ok') {
      explain($('profiles-status'), reply);
      return false;
    }
    const { profile, version, description } = profileFrom(reply.body);
    state.selected = profile.name ?? name;
    state.loaded = profile;
    state.version = version;
    state.description = description;
    say($('editor-title'), 'profiles.editor_title', { name: state.selected });
    fillForm(profile);
    showDescription();
    setStatus(null);
    clear($('learn-status'));
    editor.hidden = false;
    editor.dataset.profile = state.selected;
    renderList();
    if (focus) $('editor-title').focus();
    return true;
  }

  /** Re-reads the open profile after a change (new version, new description). */
  async function reloadOpen({ keepEdits }) {
    const mine = formToProfile(readForm()).profile;
    const before = state.loaded;
    const reply = await fetchProfile(state.selected);
    if (reply.status !== 'ok') return reply;
    const { profile, version, description } = profileFrom(reply.body);
    state.loaded = profile;
    state.version = version;
    state.description = description;
    fillForm(keepEdits ? mergeEdits(before, mine, profile) : profile);
    showDescription();
    updateDirty();
    return reply;
  }

  function currentChanges() {
    const { profile, errors, detail, ok } = formToProfile(readForm());
    return { changes: ok ? changedFields(state.loaded, profile) : null, errors, detail, ok, profile };
  }

  function updateDirty() {
    const { profile } = formToProfile(readForm());
    const dirty = Object.keys(changedFields(state.loaded, profile)).length > 0;
    editor.dataset.dirty = String(dirty);
    const text = $('profile-status-text');
    // A conflict or an error list stays until it is dealt with; any other note gives way.
    const pending = ['profiles.stale', 'profiles.fix_errors'].includes(text.dataset.i18n);
    if (dirty && !pending) setStatus('profiles.unsaved', undefined, 'muted');
    if (!dirty && text.dataset.i18n === 'profiles.unsaved') setStatus(null);
  }

  async function save() {
    const { changes, errors, detail, ok } = currentChanges();
    showErrors(errors, detail);
    if (!ok) {
      setStatus('profiles.fix_errors', undefined, 'error');
      const first = ERROR_FIELDS.find((field) => errors[field]);
      (first === 'languages' ? $('language-fr') : $(first))?.focus();
      return;
    }
    if (Object.keys(changes).length === 0) {
      setStatus('profiles.nothing_to_save', undefined, 'muted');
      return;
    }
    setStatus('profiles.saving', undefined, 'muted');
    const reply = await send(Message.PROFILE_UPDATE, { name: state.selected, changes, version: state.version });
    if (reply.status === 'ok') {
      await reloadOpen({ keepEdits: false });
      setStatus('profiles.saved');
      return;
    }
    if (reply.code === 'stale_version') {
      // Keep every keystroke: the form is left as it is until the person chooses to reload.
      setStatus('profiles.stale', undefined, 'error');
      editor.dataset.stale = 'true';
      $('reload-profile').hidden = false;
      return;
    }
    setStatus(null);
    explain($('profile-status-text'), reply);
  }

  // ---- learning ------------------------------------------------------------------------

  function showSampleCount() {
    const count = splitSamples($('samples').value).length;
    say($('samples-count'), `profiles.samples_count_${count === 1 ? 'one' : 'other'}`, { count });
    $('samples-count').dataset.enough = String(samplesStatus(count).enough);
  }

  async function learn(source) {
    const platform = $('samples-platform').value;
    if (platform) source = { ...source, platform };
    const status = $('learn-status');
    const buttons = [$('learn'), $('learn-file')];
    buttons.forEach((button) => (button.disabled = true));
    note(status, 'profiles.learning', undefined, 'muted');
    try {
      const reply = await send(Message.PROFILE_LEARN, { name: state.selected, source });
      if (reply.status !== 'ok') {
        if (reply.code === 'not_enough_samples') {
          // The server counts the posts it could read, which may be fewer than the lines sent.
          const count = Number(reply.extra?.count ?? Number.NaN);
          if (Number.isFinite(count)) {
            note(status, 'profiles.samples_missing', { count, missing: samplesStatus(count).missing }, 'error');
          } else note(status, 'profiles.samples_missing_file', undefined, 'error');
        } else explain(status, reply);
        return false;
      }
      await reloadOpen({ keepEdits: true });
      await loadList();
      const count = state.loaded?.samples ?? reply.body?.samples ?? reply.body?.profile?.samples ?? 0;
      const active = activePlatformsByProfile(state.active).has(state.selected.toLowerCase());
      note(status, active ? 'profiles.learned' : 'profiles.learned_inactive', { count });
      return true;
    } finally {
      buttons.forEach((button) => (button.disabled = false));
    }
  }

  async function learnFromText() {
    const samples = splitSamples($('samples').value);
    const { enough, missing } = samplesStatus(samples.length);
    if (!enough) {
      note($('learn-status'), 'profiles.samples_missing', { count: samples.length, missing }, 'error');
      $('samples').focus();
      return;
    }
    await learn({ samples });
  }

  async function learnFromFile(file) {
    const status = $('learn-status');
    if (file.size > MAX_FILE_BYTES) {
      note(status, 'profiles.file_too_large', {
        file: file.name,
        size: Math.ceil(file.size / 1024),
        max: Math.floor(MAX_FILE_BYTES / 1024),
      }, 'error');
      return;
    }
    const content = await file.text();
    if (!content.trim()) {
      note(status, 'profiles.file_empty', { file: file.name }, 'error');
      return;
    }
    await learn({ content, filename: file.name });
  }

  // ---- create, activate, delete, export, import ----------------------------------------

  async function create() {
    const input = $('new-profile-name');
    const error = $('new-profile-name-error');
    const { value: name, error: code } = normalizeProfileName(input.value);
    if (code) {
      say(error, `profile.error.${code}`);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    clear(error);
    input.removeAttribute('aria-invalid');
    const reply = await send(Message.PROFILE_CREATE, { profile: { name } });
    if (reply.status !== 'ok') {
      if (reply.code === 'profile_exists') say(error, 'profiles.exists', { name });
      else explain(error, reply);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.value = '';
    // A first profile is of use at once: it becomes the voice of every network.
    const nothingActive = ACTIVE_PLATFORMS.every((platform) => !state.active[platform]);
    let activated = false;
    if (nothingActive) {
      activated = (await send(Message.PROFILE_SET_ACTIVE, { platform: 'generic', name })).status === 'ok';
    }
    await refresh({ open: name });
    note($('profiles-status'), activated ? 'profiles.created_active' : 'profiles.created', { name });
    $('samples').focus();
  }

  async function setActive(select) {
    const platform = select.dataset.platform;
    const name = select.value || null;
    const reply = await send(Message.PROFILE_SET_ACTIVE, { platform, name });
    if (reply.status !== 'ok') {
      explain($('profiles-status'), reply);
      renderActiveSelects();
      return;
    }
    await loadList();
    note($('profiles-status'), 'profiles.active_saved');
  }

  // The confirmation being asked: a function that ends it with the person's answer. A dialog's
  // "close" event comes a task after it closed, and a quick keyboard can open the dialog again
  // first (Escape, then Enter on the same button): that late event must not answer the new
  // question, so it is read only while the dialog is closed, and a question still waiting for
  // it when the dialog opens again was already answered "no".
  let asking = null;
  $('confirm-dialog').addEventListener('close', (event) => {
    if (!event.target.open) asking?.(event.target.returnValue === 'confirm');
  });

  /** The confirmation dialog; resolves to whether the person confirmed. */
  function confirmAction({ title, body, confirm }) {
    const dialog = $('confirm-dialog');
    asking?.(false);
    say($('confirm-title'), ...title);
    say($('confirm-body'), body);
    say($('confirm-ok'), confirm);
    dialog.returnValue = '';
    const opener = document.activeElement;
    dialog.showModal();
    return new Promise((resolve) => {
      asking = (confirmed) => {
        asking = null;
        if (!confirmed) opener?.focus();
        resolve(confirmed);
      };
    });
  }

  async function askDelete() {
    const confirmed = await confirmAction({
      title: ['profiles.delete_title', { name: state.selected }],
      body: 'profiles.delete_body',
      confirm: 'profiles.delete_confirm',
    });
    if (confirmed) await remove();
  }

  async function remove() {
    const name = state.selected;
    const reply = await send(Message.PROFILE_DELETE, { name });
    if (reply.status !== 'ok') {
      explain($('profile-status-text'), reply);
      return;
    }
    closeEditor();
    await refresh();
    note($('profiles-status'), 'profiles.deleted', { name });
    $('new-profile-name').focus();
  }

  async function exportProfile() {
    const reply = await send(Message.PROFILE_EXPORT, { name: state.selected });
    if (reply.status !== 'ok') {
      explain($('profile-status-text'), reply);
      return;
    }
    const file = exportFileName(state.selected);
    const blob = new Blob([`${JSON.stringify(reply.body, null, 2)}\n`], { type: 'application/json' });
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: file });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setStatus('profiles.exported', { file });
  }

  async function importProfile(file) {
    const status = $('profiles-status');
    clear(status);
    let document_;
    try {
      document_ = JSON.parse(await file.text());
    } catch {
      note(status, 'profiles.import_invalid', undefined, 'error');
      return;
    }
    if (document_ === null || typeof document_ !== 'object' || Array.isArray(document_)) {
      note(status, 'profiles.import_invalid', undefined, 'error');
      return;
    }
    const name = typeof document_.name === 'string' ? document_.name : '';
    let reply = await send(Message.PROFILE_IMPORT, { document: document_ });
    if (reply.code === 'profile_exists') {
      const replace = await confirmAction({
        title: ['profiles.replace_title', { name }],
        body: 'profiles.replace_body',
        confirm: 'profiles.replace_confirm',
      });
      if (!replace) return;
      reply = await send(Message.PROFILE_IMPORT, { document: document_, replace: true });
    }
    if (reply.status !== 'ok') {
      explain(status, reply);
      return;
    }
    const imported = reply.body?.name ?? name;
    state.selected = null; // a replaced profile is read again
    await refresh({ open: imported });
    note(status, 'profiles.imported', { name: imported });
  }

  // ---- wiring --------------------------------------------------------------------------

  $('profiles-retry').addEventListener('click', () => refresh());
  $('profile-create').addEventListener('submit', (event) => {
    event.preventDefault();
    create();
  });
  $('profile-list').addEventListener('click', (event) => {
    const name = event.target.closest('button[data-edit]')?.dataset.edit;
    if (name && name !== state.selected) openProfile(name, { focus: true });
    else if (name) $('editor-title').focus();
  });
  for (const platform of ACTIVE_PLATFORMS) {
    $(`active-${platform}`).addEventListener('change', (event) => setActive(event.target));
  }
  $('samples').addEventListener('input', showSampleCount);
  $('learn').addEventListener('click', learnFromText);
  $('learn-file').addEventListener('click', () => $('samples-file').click());
  $('samples-file').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) await learnFromFile(file);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  form.addEventListener('input', (event) => {
    if (event.target.id === 'formality') showFormality();
    if (event.target.name === 'language') syncAddress();
    updateDirty();
  });
  form.addEventListener('change', () => {
    const { errors, detail, ok } = formToProfile(readForm());
    showErrors(errors, detail);
    if (ok && $('profile-status-text').dataset.i18n === 'profiles.fix_errors') {
      setStatus(null);
      updateDirty();
    }
  });
  $('reload-profile').addEventListener('click', async () => {
    const reply = await reloadOpen({ keepEdits: true });
    if (reply.status !== 'ok') {
      explain($('profile-status-text'), reply);
      return;
    }
    delete editor.dataset.stale;
    setStatus('profiles.reloaded', undefined, 'muted');
    $('save-profile').focus();
  });
  $('export-profile').addEventListener('click', exportProfile);
  $('delete-profile').addEventListener('click', askDelete);
  $('import-profile').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) await importProfile(file);
  });
  // Another tab may have changed which profile is active where: the list follows on return.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && !$('profiles-ready').hidden) loadList();
  });
  $('editor-title').tabIndex = -1;
  showSampleCount();

  return {
    /** Loads the profiles (again): at start, and when the address or the token changes. */
    refresh,
    /** The UI language changed: static strings follow by themselves, the description is the server's. */
    async languageChanged() {
      showFormality();
      renderList();
      if (!state.selected) return;
      const reply = await fetchProfile(state.selected);
      if (reply.status === 'ok') {
        state.description = profileFrom(reply.body).description;
        showDescription();
      }
    },
  };
}
