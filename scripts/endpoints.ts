/**
 * `npm run endpoints`: every endpoint of both vendors' tables with what uses it — operations
 * (`resource.operation`), editor methods (dropdowns, list searches), triggers and the transport.
 *
 * Read from the source with TypeScript's checker, not kept by hand: starting at each operation
 * in a resource's `export const operations = { … }` (and at each method, trigger and the
 * transport), it follows every identifier to its declaration inside nodes/ and collects the
 * string literals that name an endpoint (`'customerCreate'`). A shared helper is followed too, so
 * an endpoint it can call is listed for every operation that calls it (an over-count, never a
 * miss: endpoint names are always written literally). The transport's files are not followed from
 * operations (it serves them all); its own uses are listed as "transport".
 *
 * `--check` exits non-zero when an endpoint has no user or an operation names no endpoint
 * (test/foundation/endpoints.test.ts runs the same check).
 */
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

interface Vendor {
	name: 'Sobot' | 'Bangwo8';
	folder: string;
	table: string;
	triggers: string[];
}

const VENDORS: Vendor[] = [
	{ name: 'Sobot', folder: 'nodes/Sobot', table: 'SOBOT_ENDPOINTS', triggers: ['nodes/SobotTicketTrigger'] },
	{ name: 'Bangwo8', folder: 'nodes/Bangwo8', table: 'BANGWO8_ENDPOINTS', triggers: ['nodes/Bangwo8Trigger'] },
];

export interface EndpointRow {
	name: string;
	method: string;
	path: string;
	retry: string;
	users: string[];
}

export interface EndpointReport {
	vendor: string;
	endpoints: EndpointRow[];
	/** `resource.operation` of operations in which no endpoint name was found. */
	operationsWithoutEndpoint: string[];
}

function program(): ts.Program {
	const configPath = path.join(ROOT, 'tsconfig.json');
	const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
	const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
	return ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
}

function relative(file: string): string {
	return path.relative(ROOT, file).split(path.sep).join('/');
}

function propertyText(name: ts.PropertyName): string {
	return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

/** The endpoint table: name → { method, path, retry } as written (paths keep their `${…}` prefixes). */
function readTable(source: ts.SourceFile, table: string): EndpointRow[] {
	const rows: EndpointRow[] = [];
	const prefixes = new Map<string, string>(); // const SCRM = '/api/scrm/5'
	const visit = (node: ts.Node): void => {
		if (ts.isVariableDeclaration(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
			prefixes.set(node.name.getText(), node.initializer.text);
		}
		if (ts.isVariableDeclaration(node) && node.name.getText() === table && node.initializer) {
			let literal: ts.Expression = node.initializer;
			while (ts.isAsExpression(literal) || ts.isSatisfiesExpression(literal)) literal = literal.expression;
			if (!ts.isObjectLiteralExpression(literal)) return;
			for (const entry of literal.properties) {
				if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
				const fields: Record<string, string> = {};
				for (const field of entry.initializer.properties) {
					if (ts.isPropertyAssignment(field)) fields[propertyText(field.name)] = field.initializer.getText().replace(/^['`]|['`]$/g, '');
				}
				const wirePath = (fields.path ?? '').replace(/\$\{(\w+)\}/g, (whole, name: string) => prefixes.get(name) ?? whole);
				rows.push({ name: propertyText(entry.name), method: fields.method, path: wirePath, retry: fields.retry, users: [] });
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return rows;
}

/** Endpoint names reachable from `start`, following identifiers into nodes/ (never into `excluded` folders). */
function endpointsReachable(
	checker: ts.TypeChecker,
	start: ts.Node,
	names: Set<string>,
	excluded: string[],
): Set<string> {
	const tables = new Set(VENDORS.map((vendor) => vendor.table));
	const found = new Set<string>();
	const seen = new Set<ts.Node>();
	const nodesFolder = path.join(ROOT, 'nodes') + path.sep;
	const walk = (node: ts.Node): void => {
		if (seen.has(node)) return;
		seen.add(node);
		const visit = (child: ts.Node): void => {
			if (ts.isLiteralTypeNode(child) || ts.isInterfaceDeclaration(child) || ts.isTypeAliasDeclaration(child)) return; // types name endpoints without calling them
			if ((ts.isStringLiteral(child) || ts.isNoSubstitutionTemplateLiteral(child)) && names.has(child.text)) {
				found.add(child.text);
			} else if (ts.isPropertyAccessExpression(child) && tables.has(child.expression.getText()) && names.has(child.name.text)) {
				found.add(child.name.text); // SOBOT_ENDPOINTS.stageList
			} else if (ts.isIdentifier(child)) {
				let symbol = ts.isShorthandPropertyAssignment(child.parent)
					? checker.getShorthandAssignmentValueSymbol(child.parent)
					: checker.getSymbolAtLocation(child);
				if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
				for (const declaration of symbol?.declarations ?? []) {
					const file = declaration.getSourceFile().fileName;
					if (!path.resolve(file).startsWith(nodesFolder)) continue;
					if (excluded.some((folder) => path.resolve(file).startsWith(folder))) continue;
					walk(declaration);
				}
			}
			ts.forEachChild(child, visit);
		};
		visit(node);
	};
	walk(start);
	return found;
}

/** `export const operations = { … }` of a resource's index.ts: operation value → its expression. */
function operationsOf(source: ts.SourceFile): Map<string, ts.Node> {
	const result = new Map<string, ts.Node>();
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (declaration.name.getText() !== 'operations' || !declaration.initializer) continue;
			if (!ts.isObjectLiteralExpression(declaration.initializer)) continue;
			for (const entry of declaration.initializer.properties) {
				if (ts.isPropertyAssignment(entry)) result.set(propertyText(entry.name), entry.initializer);
				else if (ts.isShorthandPropertyAssignment(entry)) result.set(entry.name.text, entry);
			}
		}
	}
	return result;
}

/** Exported functions of a file (the editor's methods). */
function exportedFunctions(source: ts.SourceFile): ts.FunctionDeclaration[] {
	return source.statements.filter(
		(statement): statement is ts.FunctionDeclaration =>
			ts.isFunctionDeclaration(statement) &&
			statement.name !== undefined &&
			(ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export) !== 0,
	);
}

export function endpointReport(): EndpointReport[] {
	const built = program();
	const checker = built.getTypeChecker();
	const file = (name: string) => built.getSourceFile(path.join(ROOT, name));
	return VENDORS.map((vendor) => {
		const tableFile = file(`${vendor.folder}/transport/endpoints.ts`);
		if (!tableFile) throw new Error(`${vendor.folder}/transport/endpoints.ts not found`);
		const rows = readTable(tableFile, vendor.table);
		const names = new Set(rows.map((row) => row.name));
		const users = new Map(rows.map((row) => [row.name, new Set<string>()]));
		const transport = path.join(ROOT, vendor.folder, 'transport') + path.sep;
		const use = (who: string, start: ts.Node, excluded: string[]): number => {
			const found = endpointsReachable(checker, start, names, excluded);
			for (const name of found) users.get(name)?.add(who);
			return found.size;
		};
		const operationsWithoutEndpoint: string[] = [];
		const sources = built.getSourceFiles().filter((source) => !source.isDeclarationFile);
		for (const source of sources) {
			const where = relative(source.fileName);
			const resource = new RegExp(`^${vendor.folder}/actions/([^/]+)/index\\.ts$`).exec(where)?.[1];
			if (resource) {
				for (const [operation, start] of operationsOf(source)) {
					if (use(`${resource}.${operation}`, start, [transport]) === 0) operationsWithoutEndpoint.push(`${resource}.${operation}`);
				}
			}
			if (where.startsWith(`${vendor.folder}/methods/`)) {
				for (const method of exportedFunctions(source)) use(`method ${method.name!.text}`, method, [transport]);
			}
			for (const trigger of vendor.triggers) {
				if (where.startsWith(`${trigger}/`) && where.endsWith('.node.ts')) use(`trigger ${path.basename(trigger)}`, source, [transport]);
			}
			if (where.startsWith(`${vendor.folder}/transport/`) && !where.endsWith('/endpoints.ts')) use('transport', source, []);
		}
		for (const row of rows) row.users = [...(users.get(row.name) ?? [])].sort();
		return { vendor: vendor.name, endpoints: rows, operationsWithoutEndpoint };
	});
}

function print(reports: EndpointReport[]): void {
	for (const report of reports) {
		console.log(`${report.vendor}: ${report.endpoints.length} endpoints`);
		const width = Math.max(...report.endpoints.map((row) => row.name.length));
		for (const row of report.endpoints) {
			const wire = `${row.method.padEnd(6)} ${row.path}`;
			console.log(`  ${row.name.padEnd(width)}  ${wire}  [${row.retry}]`);
			console.log(`  ${' '.repeat(width)}  used by: ${row.users.length > 0 ? row.users.join(', ') : '(nothing)'}`);
		}
		if (report.operationsWithoutEndpoint.length > 0) {
			console.log(`  operations naming no endpoint: ${report.operationsWithoutEndpoint.join(', ')}`);
		}
		console.log('');
	}
}

if (require.main === module) {
	const reports = endpointReport();
	print(reports);
	if (process.argv.includes('--check')) {
		const problems = reports.flatMap((report) => [
			...report.endpoints.filter((row) => row.users.length === 0).map((row) => `${report.vendor} ${row.name}: used by nothing`),
			...report.operationsWithoutEndpoint.map((operation) => `${report.vendor} ${operation}: names no endpoint`),
		]);
		for (const problem of problems) console.error(problem);
		process.exitCode = problems.length > 0 ? 1 : 0;
	}
}
