/**
 * `npm run schemas`: the output schemas n8n's editor shows before a node has run.
 *
 * n8n 2.x serves `GET /schemas/<package>.<node>/<version>/<resource>/<operation>.json` from
 * `<folder of the node's .node.js>/__schema__/v<version padded to x.y.z>/<resource>/<operation>.json`
 * for any loaded package, community packages included (n8n's server.js `serveSchemas` →
 * LoadNodesAndCredentials.resolveSchema → n8n-core's resolveOutputSchemaPath). The editor fetches
 * it for a node that has no output yet and shows its fields in the next node's input schema view
 * (marked as a preview, mappable by drag and drop); n8n's Instance AI builder reads the same files.
 *
 * Each schema here is derived from what the node really returns: every operation of the Sobot and
 * Bangwo8 action nodes is run in n8n's engine against the fake vendors (test/fakes) seeded with the
 * sandbox's demo data, with the parameters of test/support/schemaScenarios.ts, and the JSON of all
 * its output items is turned into one JSON Schema in the style of n8n's own `__schema__` files
 * (type/properties/items, keys sorted, no `required`, `"version": 1`, 4-space indent).
 *
 *   npm run schemas                 regenerate nodes/<Node>/__schema__/ (writes only what changed,
 *                                   removes files of operations that no longer exist)
 *   npm run schemas -- --check      write nothing; exit 1 if a committed file differs, is missing
 *                                   or is stale (test/foundation/schemas.test.ts checks the same)
 *
 * `n8n-node build` copies `**\/__schema__/**\/*.json` into dist/ (its copyStaticFiles); tsc emits
 * them too (tsconfig includes nodes/**\/*.json). scripts/check-pack.sh asserts they are packed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';

import { Bangwo8 } from '../nodes/Bangwo8/Bangwo8.node';
import { resources as bangwo8Resources } from '../nodes/Bangwo8/actions/router';
import { Sobot } from '../nodes/Sobot/Sobot.node';
import { resources as sobotResources } from '../nodes/Sobot/actions/router';
import type { ResourceMap } from '../nodes/shared/router';

export const ROOT = resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// JSON → JSON Schema, as n8n's own __schema__ files are written

export interface JsonSchema {
	type: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema | Record<string, never>;
	version?: number;
}

/**
 * Objects keyed by the account's own ids (Simplify's custom fields: field id → value): the demo
 * data's ids would mean nothing in another account, so the schema says "an object" only.
 */
const ACCOUNT_KEYED = new Set(['custom_fields']);

type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';
const KIND_ORDER: Kind[] = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

/** What was seen at one place of the output: the kinds of value, an object's keys, an array's elements. */
class Shape {
	readonly kinds = new Set<Kind>();
	readonly properties = new Map<string, Shape>();
	items: Shape | undefined;

	observe(value: unknown): void {
		if (value === null || value === undefined) {
			this.kinds.add('null');
		} else if (Array.isArray(value)) {
			this.kinds.add('array');
			for (const element of value) {
				this.items ??= new Shape();
				this.items.observe(element);
			}
		} else if (typeof value === 'object') {
			this.kinds.add('object');
			for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
				if (inner === undefined) continue; // not in the JSON n8n stores
				let shape = this.properties.get(key);
				if (!shape) this.properties.set(key, (shape = new Shape()));
				shape.observe(inner);
			}
		} else if (typeof value === 'number') {
			this.kinds.add(Number.isInteger(value) ? 'integer' : 'number');
		} else if (typeof value === 'boolean') {
			this.kinds.add('boolean');
		} else {
			this.kinds.add('string');
		}
	}

	/** Kinds worth naming: null only when nothing else was seen, integer folded into number. */
	private effectiveKinds(): Kind[] {
		const kinds = new Set(this.kinds);
		if (kinds.size > 1) kinds.delete('null');
		if (kinds.has('number')) kinds.delete('integer');
		return KIND_ORDER.filter((kind) => kinds.has(kind));
	}

	/** Places where more than one kind of value was seen (`path: kinds`), for the generator's report. */
	mixed(path = '$'): string[] {
		const kinds = this.effectiveKinds();
		const here = kinds.length > 1 ? [`${path}: ${kinds.join(' | ')}`] : [];
		const inner = [...this.properties].flatMap(([key, shape]) => shape.mixed(`${path}.${key}`));
		return [...here, ...inner, ...(this.items ? this.items.mixed(`${path}[]`) : [])];
	}

	/** `open`: an object whose keys belong to the account (custom fields by their id), so none are listed. */
	toSchema(top = false, open = false): JsonSchema {
		const kinds = this.effectiveKinds();
		const schema: JsonSchema = { type: kinds.length === 1 ? kinds[0] : kinds };
		if (kinds.includes('object') && !open && (top || this.properties.size > 0)) {
			schema.properties = {};
			for (const key of [...this.properties.keys()].sort()) {
				schema.properties[key] = this.properties.get(key)!.toSchema(false, ACCOUNT_KEYED.has(key));
			}
		}
		if (kinds.includes('array')) schema.items = this.items ? this.items.toSchema() : {};
		return schema;
	}
}

/** One schema for all `items` (the json of a node's output items): the union of their fields. */
export function inferSchema(items: IDataObject[]): { schema: JsonSchema; mixed: string[] } {
	if (items.length === 0) throw new Error('no output items to derive a schema from');
	const shape = new Shape();
	for (const item of items) shape.observe(item);
	return { schema: { ...shape.toSchema(true), version: 1 }, mixed: shape.mixed() };
}

/** The file's text: n8n's layout (4 spaces, type first, `version` last, newline at the end). */
export function formatSchema(schema: JsonSchema): string {
	return `${JSON.stringify(schema, null, 4)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Where n8n looks

export interface ActionNode {
	/** As in test/support/schemaScenarios.ts and the type name's suffix. */
	key: 'sobot' | 'bangwo8';
	/** Folder under nodes/ holding <Node>.node.ts (and __schema__/). */
	folder: string;
	description: INodeTypeDescription;
	resources: ResourceMap;
}

export const ACTION_NODES: ActionNode[] = [
	{ key: 'sobot', folder: 'nodes/Sobot', description: new Sobot().description, resources: sobotResources },
	{ key: 'bangwo8', folder: 'nodes/Bangwo8', description: new Bangwo8().description, resources: bangwo8Resources },
];

/** The version directory n8n-core's resolveOutputSchemaPath asks for first: 1 → v1.0.0, 2.1 → v2.1.0. */
export function versionDir(version: number): string {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/**
 * Every version the node declares. Each gets its own schemas: n8n's /schemas route has no version
 * fallback, and a version's defaults shape its output (1.1 simplifies reads, 1 does not).
 */
export function versionsOf(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? [...description.version] : [description.version];
}

/** Repository-relative path of one operation's schema for one version of the node. */
export function schemaPath(node: ActionNode, resource: string, operation: string, version: number): string {
	return `${node.folder}/__schema__/${versionDir(version)}/${resource}/${operation}.json`;
}

/** Every `resource.operation` of a node, in the router's order. */
export function operationsOf(node: ActionNode): Array<[string, string]> {
	return Object.entries(node.resources).flatMap(([resource, operations]) =>
		Object.keys(operations).map((operation): [string, string] => [resource, operation]),
	);
}

/** Repository-relative paths of the schema files present on disk. */
export function committedSchemaFiles(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.json')) out.push(relative(ROOT, path).split('\\').join('/'));
		}
	};
	for (const node of ACTION_NODES) walk(join(ROOT, node.folder, '__schema__'));
	return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Generation and comparison

export interface GeneratedSchema {
	path: string;
	text: string;
	items: number;
	mixed: string[];
}

/** Runs every scenario and returns each operation's schema (see test/support/schemaScenarios.ts). */
export async function generateSchemas(): Promise<GeneratedSchema[]> {
	// Loaded here so that importing this module (for its paths) does not load the fakes and n8n-core.
	const { runScenarios } = await import('../test/support/schemaScenarios');
	const out: GeneratedSchema[] = [];
	const versions = [...new Set(ACTION_NODES.flatMap((node) => versionsOf(node.description)))].sort();
	for (const version of versions) {
		const outputs = await runScenarios(version);
		for (const node of ACTION_NODES) {
			if (!versionsOf(node.description).includes(version)) continue;
			for (const [resource, operation] of operationsOf(node)) {
				const items = outputs.get(`${node.key}:${resource}.${operation}`);
				if (!items) throw new Error(`no scenario ran for ${node.key} ${resource}.${operation} (version ${version})`);
				const { schema, mixed } = inferSchema(items);
				const path = schemaPath(node, resource, operation, version);
				out.push({ path, text: formatSchema(schema), items: items.length, mixed });
			}
		}
	}
	return out;
}

export interface SchemaDrift {
	/** Generated but different from, or absent in, the repository. */
	changed: string[];
	missing: string[];
	/** In the repository but no operation has it any more. */
	stale: string[];
}

export function compareWithCommitted(generated: GeneratedSchema[]): SchemaDrift {
	const drift: SchemaDrift = { changed: [], missing: [], stale: [] };
	const wanted = new Set(generated.map((schema) => schema.path));
	for (const schema of generated) {
		const file = join(ROOT, schema.path);
		if (!existsSync(file)) drift.missing.push(schema.path);
		else if (readFileSync(file, 'utf8') !== schema.text) drift.changed.push(schema.path);
	}
	drift.stale = committedSchemaFiles().filter((path) => !wanted.has(path));
	return drift;
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const started = Date.now();
	const generated = await generateSchemas();
	const drift = compareWithCommitted(generated);
	for (const schema of generated) {
		for (const place of schema.mixed) console.log(`schemas: note ${schema.path}: several kinds of value at ${place}`);
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (check) {
		for (const path of drift.changed) console.error(`schemas: differs from the node's output: ${path}`);
		for (const path of drift.missing) console.error(`schemas: missing: ${path}`);
		for (const path of drift.stale) console.error(`schemas: no operation has it any more: ${path}`);
		const bad = drift.changed.length + drift.missing.length + drift.stale.length;
		console.log(`schemas: ${generated.length} operations checked in ${seconds}s, ${bad} out of date${bad ? ' (run npm run schemas)' : ''}`);
		process.exit(bad ? 1 : 0);
	}
	for (const schema of generated) {
		if (!drift.changed.includes(schema.path) && !drift.missing.includes(schema.path)) continue;
		const file = join(ROOT, schema.path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, schema.text);
	}
	for (const path of drift.stale) {
		rmSync(join(ROOT, path));
		// remove the resource folder too when it is now empty
		const dir = dirname(join(ROOT, path));
		if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
	}
	console.log(
		`schemas: ${generated.length} operations in ${seconds}s: ${drift.missing.length} new, ${drift.changed.length} changed, ` +
			`${drift.stale.length} removed, ${generated.length - drift.missing.length - drift.changed.length} unchanged`,
	);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
