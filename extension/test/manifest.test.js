// The manifest and the module graph must agree: a content-script module that is not
// web-accessible fails to load on the page, silently.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)].map((match) => resolve(dirname(file), match[1]));
}

function moduleGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(file).forEach(visit);
  };
  visit(entry);
  return [...seen];
}

function globToRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

describe('manifest', () => {
  it('runs in Chrome and Firefox from one file', () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.background.service_worker, manifest.background.scripts[0]);
    assert.equal(manifest.background.type, 'module');
    assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  });

  it('binds the re-check shortcut', () => {
    assert.equal(manifest.commands.recheck.suggested_key.default, 'Alt+Shift+H');
  });

  it('may reach the two sites and the local server, nothing else', () => {
    assert.deepEqual(manifest.host_permissions, [
      'https://*.facebook.com/*',
      'https://*.linkedin.com/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
    assert.deepEqual(manifest.permissions, ['storage']);
  });

  it('every file it names exists, in every locale', () => {
    const named = [
      manifest.background.service_worker,
      manifest.options_ui.page,
      ...Object.values(manifest.icons),
      ...manifest.content_scripts.flatMap((script) => script.js),
    ];
    for (const file of named) assert.ok(existsSync(join(root, file)), file);
    for (const locale of readdirSync(join(root, '_locales'))) {
      const messages = JSON.parse(readFileSync(join(root, '_locales', locale, 'messages.json'), 'utf8'));
      for (const key of ['extensionName', 'extensionDescription', 'commandRecheck']) assert.ok(messages[key], `${locale}: ${key}`);
    }
  });

  it('makes the whole content-script module graph web-accessible', () => {
    const patterns = manifest.web_accessible_resources.flatMap((entry) => entry.resources).map(globToRegExp);
    const graph = moduleGraph(join(root, 'content', 'main.js'));
    assert.ok(graph.length > 5);
    for (const file of graph) {
      assert.ok(existsSync(file), `missing module ${file}`);
      const path = relative(root, file);
      assert.ok(patterns.some((pattern) => pattern.test(path)), `${path} is not web-accessible`);
    }
  });

  it('never writes HTML into a page', () => {
    const sources = [...moduleGraph(join(root, 'content', 'main.js')), join(root, 'content', 'loader.js')];
    for (const file of sources) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    }
  });
});
