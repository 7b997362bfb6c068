#!/usr/bin/env bash
# What `npm publish` would ship, checked: `npm pack --dry-run` must hold exactly
#   package.json, README.md, LICENSE (if present), CHANGELOG.md (if npm adds it) and
#   dist/{nodes,credentials}/**: .js, .d.ts, .js.map, codex .json, .svg/.png
# and nothing else (no sources, tests, examples, scripts); every node and credential that
# package.json's n8n section lists must be in it, each node with its codex file (.node.json),
# and no runtime dependencies may be declared. Run after the build (CI: .ci/run).
# Prints the listing; exits non-zero on any surprise.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/nodes/Sobot/Sobot.node.js ]] || { echo "check-pack: dist/ missing, run npm run build first" >&2; exit 1; }
json=$(npm pack --dry-run --json --ignore-scripts 2>/dev/null)
node - "$json" <<'JS'
const [info] = JSON.parse(process.argv[2]);
const pj = require('./package.json');
const files = info.files.map((f) => f.path).sort();
const problems = [];
const allowed = /^(package\.json|README\.md|LICENSE(\.md)?|CHANGELOG\.md|dist\/(nodes|credentials)\/.+\.(js|d\.ts|js\.map|json|svg|png))$/;
for (const f of files) if (!allowed.test(f)) problems.push(`unexpected file in the package: ${f}`);
for (const f of ['package.json', 'README.md']) if (!files.includes(f)) problems.push(`missing: ${f}`);
for (const f of [...pj.n8n.nodes, ...pj.n8n.credentials]) if (!files.includes(f)) problems.push(`listed in package.json n8n but not packed: ${f}`);
for (const f of pj.n8n.nodes) {
	const codex = f.replace(/\.js$/, '.json');
	if (!files.includes(codex)) problems.push(`node without its codex file: ${codex}`);
}
const shipped = files.filter((f) => /^dist\/.*\.(node|credentials)\.js$/.test(f));
for (const f of shipped) if (![...pj.n8n.nodes, ...pj.n8n.credentials].includes(f)) problems.push(`built but not listed in package.json n8n: ${f}`);
if (pj.dependencies && Object.keys(pj.dependencies).length) problems.push(`runtime dependencies declared: ${Object.keys(pj.dependencies).join(', ')}`);
const byTop = {};
for (const f of files) { const k = f.split('/').slice(0, 3).join('/'); byTop[k] = (byTop[k] || 0) + 1; }
console.log(`check-pack: ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`);
for (const [k, n] of Object.entries(byTop)) console.log(`  ${k}${n > 1 ? `/… (${n} files)` : ''}`);
if (problems.length) { for (const p of problems) console.error(`check-pack: ${p}`); process.exit(1); }
console.log('check-pack: OK');
JS
