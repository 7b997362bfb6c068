#!/usr/bin/env bash
# What `npm publish` would ship, checked: `npm pack --dry-run` must hold exactly
#   package.json, README.md, LICENSE (if present), CHANGELOG.md (if npm adds it) and
#   dist/{nodes,credentials}/**: .js, .d.ts, .js.map, codex .json, .svg/.png, __schema__ .json
# and nothing else (no sources, tests, examples, scripts); every node and credential that
# package.json's n8n section lists must be in it, each node with its codex file (.node.json),
# every output schema of nodes/*/__schema__/ (npm run schemas) at the same path under dist/,
# where n8n's /schemas route looks for it, and no runtime dependencies may be declared. Run after
# the build (CI: .ci/run).
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
const schemaSources = [];
const walk = (dir) => {
	for (const e of require('node:fs').readdirSync(dir, { withFileTypes: true })) {
		const p = `${dir}/${e.name}`;
		if (e.isDirectory()) walk(p);
		else if (/\/__schema__\/.+\.json$/.test(p)) schemaSources.push(p);
	}
};
walk('nodes');
if (schemaSources.length === 0) problems.push('no output schemas under nodes/*/__schema__ (run npm run schemas)');
for (const f of schemaSources) if (!files.includes(`dist/${f}`)) problems.push(`output schema not packed: dist/${f}`);
const packedSchemas = files.filter((f) => /^dist\/nodes\/.+\/__schema__\/v\d+\.\d+\.\d+\/[^/]+\/[^/]+\.json$/.test(f));
for (const f of files.filter((f) => f.includes('/__schema__/'))) {
	if (!packedSchemas.includes(f)) problems.push(`schema file outside n8n's layout __schema__/vX.Y.Z/<resource>/<operation>.json: ${f}`);
	else if (!schemaSources.includes(f.slice('dist/'.length))) problems.push(`packed schema with no source under nodes/ (stale dist/?): ${f}`);
}
const shipped = files.filter((f) => /^dist\/.*\.(node|credentials)\.js$/.test(f));
for (const f of shipped) if (![...pj.n8n.nodes, ...pj.n8n.credentials].includes(f)) problems.push(`built but not listed in package.json n8n: ${f}`);
if (pj.dependencies && Object.keys(pj.dependencies).length) problems.push(`runtime dependencies declared: ${Object.keys(pj.dependencies).join(', ')}`);
const byTop = {};
for (const f of files) { const k = f.split('/').slice(0, 3).join('/'); byTop[k] = (byTop[k] || 0) + 1; }
console.log(`check-pack: ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`);
for (const [k, n] of Object.entries(byTop)) console.log(`  ${k}${n > 1 ? `/… (${n} files)` : ''}`);
for (const node of pj.n8n.nodes) {
	const dir = node.replace(/[^/]+$/, '__schema__/');
	const n = packedSchemas.filter((f) => f.startsWith(dir)).length;
	if (n) console.log(`  output schemas: ${n} in ${dir}`);
}
if (problems.length) { for (const p of problems) console.error(`check-pack: ${p}`); process.exit(1); }
console.log('check-pack: OK');
JS
