import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resolveOutputSchemaPath } from 'n8n-core';

import {
	ACTION_NODES,
	committedSchemaFiles,
	compareWithCommitted,
	formatSchema,
	generateSchemas,
	inferSchema,
	operationsOf,
	ROOT,
	schemaPath,
	versionDir,
	versionsOf,
	type GeneratedSchema,
	type JsonSchema,
} from '../../scripts/schemas';
import { SCENARIOS } from '../support/schemaScenarios';

/**
 * The output schemas n8n's editor shows before the first run (nodes/<Node>/__schema__/, made by
 * `npm run schemas` from the nodes' real output against the fakes): one per operation, where
 * n8n looks for it, and still what the node returns.
 */
describe('output schemas (scripts/schemas.ts)', () => {
	it('has a scenario for every operation of both action nodes, and none for an operation that is gone', () => {
		for (const node of ACTION_NODES) {
			const operations = operationsOf(node).map(([resource, operation]) => `${resource}.${operation}`);
			expect(operations.length).toBeGreaterThan(20);
			expect(Object.keys(SCENARIOS[node.key]).sort()).toEqual([...operations].sort());
		}
	});

	describe('the committed files', () => {
		let generated: GeneratedSchema[];
		beforeAll(async () => {
			generated = await generateSchemas();
		}, 120_000);

		it('match what the nodes return now (else run `npm run schemas` and review the diff)', () => {
			expect(compareWithCommitted(generated)).toEqual({ changed: [], missing: [], stale: [] });
		});

		it('were each derived from at least one output item', () => {
			expect(generated.filter((schema) => schema.items === 0)).toEqual([]);
		});
	});

	it('are found by n8n-core’s own resolver for the URL the editor asks for', () => {
		const files = committedSchemaFiles();
		let count = 0;
		for (const node of ACTION_NODES) {
			for (const version of versionsOf(node.description))
			for (const [resource, operation] of operationsOf(node)) {
				// The editor asks /schemas/<package>.<node>/<version as x.y.z>/<resource>/<operation>.json and the
				// server resolves it in the folder of the node's .node.js, exactly, then with version fallback.
				const nodeDir = join(ROOT, node.folder);
				const expected = join(ROOT, schemaPath(node, resource, operation, version));
				expect(resolveOutputSchemaPath({ nodeDir, version: versionDir(version).slice(1), resource, operation })).toBe(expected);
				expect(resolveOutputSchemaPath({ nodeDir, version, resource, operation, versionFallback: true })).toBe(expected);
				count++;
			}
		}
		expect(files).toHaveLength(count);
	});

	it('are JSON Schemas the editor accepts: an object with properties, in n8n’s own layout', () => {
		for (const path of committedSchemaFiles()) {
			const text = readFileSync(join(ROOT, path), 'utf8');
			const schema = JSON.parse(text) as JsonSchema;
			// The editor's check (schemaPreview store): 'type' in it and 'properties' in it, not null.
			expect({ path, type: schema.type, hasProperties: typeof schema.properties === 'object' }).toEqual({
				path,
				type: 'object',
				hasProperties: true,
			});
			expect(formatSchema(schema)).toBe(text);
			expect(text).not.toMatch(/"required"/);
		}
	});
});

describe('inferSchema', () => {
	it('merges the fields of all items, sorted, with n8n’s type names', () => {
		const { schema, mixed } = inferSchema([
			{ id: '1', count: 2, ratio: 1, tags: ['a'], nested: { on: true } },
			{ id: '2', ratio: 0.5, extra: null, tags: [], nested: { at: 'x' } },
		]);
		expect(schema).toEqual({
			type: 'object',
			properties: {
				count: { type: 'integer' },
				extra: { type: 'null' },
				id: { type: 'string' },
				nested: { type: 'object', properties: { at: { type: 'string' }, on: { type: 'boolean' } } },
				ratio: { type: 'number' },
				tags: { type: 'array', items: { type: 'string' } },
			},
			version: 1,
		});
		expect(Object.keys(schema.properties!)).toEqual(['count', 'extra', 'id', 'nested', 'ratio', 'tags']);
		expect(mixed).toEqual([]);
	});

	it('merges array elements, drops null next to a real type, and reports genuinely mixed values', () => {
		const { schema, mixed } = inferSchema([
			{ list: [{ a: 1 }, { b: 'x' }], empty: [], maybe: null, either: 'x', inner: {} },
			{ maybe: 'y', either: 3 },
		]);
		expect(schema.properties).toEqual({
			either: { type: ['string', 'integer'] },
			empty: { type: 'array', items: {} },
			inner: { type: 'object' },
			list: { type: 'array', items: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } } },
			maybe: { type: 'string' },
		});
		expect(mixed).toEqual(['$.either: string | integer']);
	});

	it('refuses to describe no output at all', () => {
		expect(() => inferSchema([])).toThrow('no output items');
	});
});
