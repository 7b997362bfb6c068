/**
 * The editor contract: every parameter a saved workflow or credential can hold — its path, type,
 * default and option values — one line each, for every node and credential of the package.
 * A saved workflow stores parameter names and option values, and leaves out parameters at their
 * default (so a changed default changes what it does): these lines are what must not change
 * silently after 1.0.
 *
 *   npm run contract              compare with test/contract/parameters.txt (exit 1 on a difference)
 *   npm run contract -- --update  write the file (after a deliberate change, listed in CHANGELOG)
 *   npm run contract -- --print   print the lines
 *
 * test/foundation/contract.test.ts runs the comparison with the test suite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '..');
export const CONTRACT_FILE = path.join(ROOT, 'test/contract/parameters.txt');

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

/** `dist/nodes/Sobot/Sobot.node.js` → the TypeScript source's exported class, instantiated. */
function load<T>(distPath: string): T {
	const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const exports = require(source) as Record<string, new () => T>;
	const [type] = Object.values(exports).filter((value) => typeof value === 'function');
	return new type();
}

function isProperty(value: unknown): value is INodeProperties {
	return typeof value === 'object' && value !== null && 'displayName' in value && 'type' in value && 'name' in value;
}

function isPropertyCollection(value: unknown): value is INodePropertyCollection {
	return typeof value === 'object' && value !== null && 'values' in value;
}

/** Where a parameter is shown: `resource.operation` from its display options, `*` when everywhere. */
function scope(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	const resource = (show.resource as string[] | undefined)?.join('|') ?? '*';
	const operation = (show.operation as string[] | undefined)?.join('|') ?? '*';
	const other = Object.entries(show)
		.filter(([key]) => key !== 'resource' && key !== 'operation')
		.map(([key, values]) => `${key}=${(values as unknown[]).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))).join('|')}`);
	return [`${resource}.${operation}`, ...other].join(' ');
}

function describe(property: INodeProperties, owner: string, prefix: string, where: string, lines: string[]): void {
	const name = `${prefix}${property.name}`;
	// A nested option's own conditions (e.g. `@version` on a collection option) follow its name.
	const own = prefix !== '' && property.displayOptions ? [scope(property).replace(/^\*\.\* ?/, '')] : [];
	const parts = [owner, where, name, ...own.filter(Boolean), property.type];
	if (property.type !== 'collection' && property.type !== 'fixedCollection' && property.type !== 'notice') {
		parts.push(`default=${JSON.stringify(property.default)}`);
	}
	const options = (property.options ?? []) as unknown[];
	const values = options.filter((option): option is INodePropertyOptions => !isProperty(option) && !isPropertyCollection(option));
	if (values.length > 0) parts.push(`values=${values.map((option) => JSON.stringify(option.value)).sort().join('|')}`);
	if (property.type === 'resourceLocator') parts.push(`modes=${(property.modes ?? []).map((mode) => mode.name).join('|')}`);
	if (property.type !== 'notice') lines.push(parts.join(' '));
	for (const option of options) {
		if (isProperty(option)) describe(option, owner, `${name}.`, where, lines);
		else if (isPropertyCollection(option)) {
			for (const child of option.values) describe(child, owner, `${name}.${option.name}.`, where, lines);
		}
	}
}

/** The contract lines of the package, sorted. */
export function contractLines(): string[] {
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	const lines: string[] = [];
	for (const file of manifest.n8n.nodes) {
		const { description } = load<INodeType>(file);
		const versions = Array.isArray(description.version) ? description.version.join('|') : String(description.version);
		lines.push(`node ${description.name} version=${versions}`);
		for (const property of description.properties) describe(property, `node ${description.name}`, '', scope(property), lines);
	}
	for (const file of manifest.n8n.credentials) {
		const credential = load<ICredentialType>(file);
		lines.push(`credential ${credential.name}`);
		for (const property of credential.properties) describe(property, `credential ${credential.name}`, '', '', lines);
	}
	return [...new Set(lines.map((line) => line.replace(/\s+/g, ' ').trim()))].sort();
}

/** Lines only in `before` (removed or changed) and only in `after` (added or changed). */
export function contractDiff(before: string[], after: string[]): { removed: string[]; added: string[] } {
	const old = new Set(before);
	const now = new Set(after);
	return { removed: before.filter((line) => !now.has(line)), added: after.filter((line) => !old.has(line)) };
}

export function readContract(): string[] {
	return readFileSync(CONTRACT_FILE, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

if (require.main === module) {
	const lines = contractLines();
	if (process.argv.includes('--print')) {
		console.log(lines.join('\n'));
	} else if (process.argv.includes('--update')) {
		writeFileSync(CONTRACT_FILE, `${lines.join('\n')}\n`);
		console.log(`${path.relative(ROOT, CONTRACT_FILE)}: ${lines.length} lines written`);
	} else {
		const { removed, added } = contractDiff(readContract(), lines);
		for (const line of removed) console.log(`- ${line}`);
		for (const line of added) console.log(`+ ${line}`);
		console.log(`contract: ${removed.length} removed or changed, ${added.length} added (${lines.length} lines)`);
		process.exitCode = removed.length + added.length > 0 ? 1 : 0;
	}
}
