// The manifest and the content script's module graph must agree, and nothing of the extension
// may be reachable from the coached sites (they probe for extensions by fetching their files).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

describe('manifest', () => {
  it('runs in Chrome and Firefox from one file', () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.background.service_worker, manifest.background.scripts[0]);
    assert.equal(manifest.background.type, 'module');
    assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  });

  it('binds the re-check and apply-fix shortcuts', () => {
    assert.equal(manifest.commands.recheck.suggested_key.default, 'Alt+Shift+H');
    assert.equal(manifest.commands['apply-fix'].suggested_key.default, 'Alt+Shift+Y');
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
      for (const key of ['extensionName', 'extensionDescription', 'commandRecheck', 'commandApplyFix']) {
        assert.ok(messages[key], `${locale}: ${key}`);
      }
    }
  });

  it('makes nothing web-accessible and loads one bundled content script', () => {
    assert.equal(manifest.web_accessible_resources, undefined);
    assert.deepEqual(
      manifest.content_scripts.map((script) => script.js),
      [['dist/content.js']],
    );
    const graph = moduleGraph(join(root, 'content', 'entry.js'));
    assert.ok(graph.length > 5);
    for (const file of graph) assert.ok(existsSync(file), `missing module ${file}`);
    // The bundle is built from these modules (`make extension`): none of them may be newer.
    const bundle = statSync(join(root, 'dist', 'content.js')).mtimeMs;
    for (const file of graph) assert.ok(statSync(file).mtimeMs <= bundle, `${relative(root, file)} is newer than the bundle`);
  });

  it('never writes HTML into a page', () => {
    const sources = moduleGraph(join(root, 'content', 'entry.js'));
    for (const file of sources) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    }
  });
});
