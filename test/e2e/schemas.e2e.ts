/**
 * End-to-end: the output schemas (nodes/<Node>/__schema__/, `npm run schemas`) as the editor of a
 * real n8n 2.41.1 gets them for our packed package, installed as a community package in
 * <user folder>/.n8n/nodes/node_modules.
 *
 * The editor's schemaPreview store asks `GET <base>/schemas/<node type>/<typeVersion as x.y.z>/
 * <resource>/<operation>.json` (withCredentials: false) for a node that has no output yet, and
 * shows the fields in the next node's input schema view. n8n's server answers it from the folder
 * of the node's .node.js (server.js serveSchemas → LoadNodesAndCredentials.resolveSchema → n8n-core
 * resolveOutputSchemaPath): for ours, dist/nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json.
 *
 * Run by scripts/e2e/run.sh (E2E_FILES=test/e2e/schemas.e2e.ts runs it alone).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ACTION_NODES, operationsOf, schemaPath, versionDir, versionsOf } from '../../scripts/schemas';
import { type N8n, packPackage, startN8n } from './n8n';
import { PKG } from './workflows';

const REPO = resolve(__dirname, '..', '..');

let n8n: N8n;
let tarball = '';

/** The URL the editor builds for a node of type `type` (schemaPreview API: version padded to x.y.z). */
function schemaUrl(type: string, version: number, resource: string, operation: string): string {
	return `/schemas/${type}/${versionDir(version).slice(1)}/${resource}/${operation}.json`;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
	const r = await fetch(`${n8n.baseUrl}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
	return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

describe('output schemas served by n8n', { timeout: 10 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Sobot', '__schema__')), 'dist/ has no __schema__: run npm run build first');
		tarball = packPackage(REPO);
		n8n = await startN8n({ packageTarball: tarball });
		console.log(`# n8n at ${n8n.baseUrl} ready in ${n8n.timings.readyMs} ms; package in ${n8n.packages[0].dir}`);
	});

	after(async () => {
		await n8n?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	test('the installed community package holds every schema beside its node, and n8n loaded both action nodes', async () => {
		const installed = n8n.packages[0].dir;
		assert.match(installed, /\.n8n\/nodes\/node_modules\/n8n-nodes-bangwo8-sobot$/);
		for (const node of ACTION_NODES) {
			for (const version of versionsOf(node.description))
			for (const [resource, operation] of operationsOf(node)) {
				const file = join(installed, 'dist', schemaPath(node, resource, operation, version));
				assert.ok(existsSync(file), `installed: ${file}`);
			}
		}
		const types = new Set((await n8n.nodeTypes()).map((t) => t.name));
		for (const node of ACTION_NODES) assert.ok(types.has(`${PKG}.${node.key}`), `${PKG}.${node.key} is a known node type`);
	});

	test('GET /schemas/<package>.<node>/1.0.0/<resource>/<operation>.json answers our JSON for every operation, without a login as the editor asks', async () => {
		let served = 0;
		for (const node of ACTION_NODES) {
			for (const version of versionsOf(node.description))
			for (const [resource, operation] of operationsOf(node)) {
				const url = schemaUrl(`${PKG}.${node.key}`, version, resource, operation);
				const r = await get(url);
				assert.equal(r.status, 200, `${url} → ${r.status} ${r.text.slice(0, 200)}`);
				assert.match(r.type, /^application\/json/, `${url} content-type`);
				assert.equal(r.text, readFileSync(join(REPO, schemaPath(node, resource, operation, version)), 'utf8'), `${url} is the committed file`);
				const schema = JSON.parse(r.text) as { type?: unknown; properties?: unknown };
				// What the editor's schemaPreview store accepts before using it.
				assert.ok(schema.type === 'object' && typeof schema.properties === 'object' && schema.properties !== null, `${url} is an object schema`);
				served++;
			}
		}
		console.log(`# ${served} schemas served, e.g. ${schemaUrl(`${PKG}.sobot`, 1, 'customer', 'get')}`);
		assert.ok(served > 60);
	});

	test('the owner’s session changes nothing, and the AI-tool variant of a node resolves to the same files', async () => {
		const url = schemaUrl(`${PKG}.sobot`, 1, 'customer', 'getMany');
		const anonymous = await get(url);
		const withCookie = await get(url, { cookie: n8n.cookie });
		assert.equal(withCookie.status, 200);
		assert.equal(withCookie.text, anonymous.text);
		// n8n registers <type>Tool for usableAsTool nodes with the same source path (tool-generation/ai-tools.js).
		const tool = await get(schemaUrl(`${PKG}.bangwo8Tool`, 1, 'contact', 'get'));
		assert.equal(tool.status, 200);
		assert.equal(tool.text, readFileSync(join(REPO, 'nodes/Bangwo8/__schema__/v1.0.0/contact/get.json'), 'utf8'));
	});

	test('no schema: an unknown operation, node or version answers 404 (the route does not fall back to another version)', async () => {
		assert.equal((await get(schemaUrl(`${PKG}.sobot`, 1, 'customer', 'noSuchOperation'))).status, 404);
		assert.equal((await get(schemaUrl(`${PKG}.noSuchNode`, 1, 'customer', 'get'))).status, 404);
		assert.equal((await get(schemaUrl(`${PKG}.sobot`, 2, 'customer', 'get'))).status, 404);
		assert.equal((await get(schemaUrl(`${PKG}.sobotTrigger`, 1, 'customer', 'get'))).status, 404);
		assert.equal((await get(`/schemas/${PKG}.sobot/1.0.0/..%2F..%2F..%2Fpackage.json`)).status, 404);
	});
});
