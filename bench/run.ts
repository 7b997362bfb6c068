/**
 * Benchmarks of PRODUCT.md's targets, printed as figures (nothing here asserts a time).
 *
 *   npm run bench            (BENCH_RUNS=5 by default; more runs give steadier medians)
 *
 * Every figure is measured in this run against the same local fake vendor servers the tests use:
 * request counts are read off the fake server, and the node's overhead is the ratio of its wall
 * time to a bare HTTP loop making the same requests to the same server.
 */
import * as http from 'node:http';
import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { FakeBangwo8 } from '../test/fakes/bangwo8';
import { FakeSobot } from '../test/fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../test/harness/engine';
import {
	addBangwo8BasicCredential,
	addSobotCredential,
	BANGWO8_NODE,
	createEngine,
	SOBOT_NODE,
} from '../test/support/package';
import { extraBenchmarks } from './extra';
import { latencyBenchmarks } from './latency';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const PAGE_SIZE = 100;

interface Row {
	figure: string;
	value: string;
	target: string;
}
const rows: Row[] = [];
const report = (figure: string, value: string | number, target = '') => {
	rows.push({ figure, value: String(value), target });
	console.log(`${figure}: ${value}${target ? `   (target ${target})` : ''}`);
};

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const start = process.hrtime.bigint();
	const result = await work();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** Peak heap while `work` runs, above the heap before it (sampled every 5 ms, after a GC). */
async function peakHeapMb(work: () => Promise<unknown>): Promise<number> {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 5);
	await work();
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	clearInterval(sampler);
	return (peak - base) / 1024 / 1024;
}

/**
 * GET with a new TCP connection, as n8n's HTTP helper makes every request (it builds a new
 * agent per request, so connections are not reused): the floor for any node built on it.
 */
async function getJsonFreshConnection(url: string, headers: Record<string, string>): Promise<unknown> {
	return await new Promise((resolve, reject) => {
		const request = http.get(url, { headers, agent: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				try {
					resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
				} catch (error) {
					reject(error);
				}
			});
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

type Get = (url: string, headers: Record<string, string>) => Promise<unknown>;

const getJsonKeepAlive: Get = async (url, headers) => await (await fetch(url, { headers })).json();

// ------------------------------------------------------------------------------------ Sobot

async function sobotBenchmarks() {
	const fake = new FakeSobot();
	await fake.start();
	const store = new CredentialStore();
	const engine = createEngine(store);
	const credential = addSobotCredential(store, fake, {}, { token: 'none' });
	try {
		for (let execution = 0; execution < 100; execution++) {
			const { error } = await engine.runNode({
				type: SOBOT_NODE,
				parameters: { resource: 'stage', operation: 'getMany', returnAll: true },
				credentials: { sobotApi: credential },
			});
			if (error) throw error;
		}
		report('Sobot token requests over 100 executions', fake.tokenRequests, '1');
		await sobotTokenBursts(fake, engine, credential);

		fake.seedCustomers(1000);
		await sobotCustomerListRequests(fake, engine, credential, 1000);
		fake.seedCustomers(9000);
		await sobotCustomerListRequests(fake, engine, credential, 10000);

		const node = () => sobotReturnAll(engine, credential);
		const token = String(fake.currentToken);
		await compareWithBareLoops('Sobot', node, {
			keepAlive: () => bareSobotLoop(getJsonKeepAlive, fake.origin, token),
			freshConnections: () => bareSobotLoop(getJsonFreshConnection, fake.origin, token),
		});
		report('Sobot peak heap, Return All of 10,000 customers (MB)', (await peakHeapMb(node)).toFixed(1));
		await simplifyCost('Sobot', node, () => sobotReturnAll(engine, credential, 1.1));
	} finally {
		await fake.stop();
	}
}

/** Return All of the customers: version 1 (raw, as the other figures), or 1.1 with Simplify on. */
async function sobotReturnAll(engine: Engine, credential: CredentialRef, typeVersion = 1): Promise<number> {
	const { items, error } = await engine.runNode({
		type: SOBOT_NODE,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true },
		credentials: { sobotApi: credential },
		typeVersion,
	});
	if (error) throw error;
	return items.length;
}

async function sobotCustomerListRequests(fake: FakeSobot, engine: Engine, credential: CredentialRef, records: number) {
	fake.clearRequests();
	const count = await sobotReturnAll(engine, credential);
	const listCalls = fake.requestsTo('GET', '/api/scrm/5/user/list_by_page').length;
	report(
		`Sobot list requests, Return All of ${records.toLocaleString('en')} customers`,
		`${listCalls} (${count} items)`,
		String(Math.ceil(records / PAGE_SIZE)),
	);
}

/** The same requests the node makes, with plain fetch: the floor the node is compared with. */
/** Executions started together right after the token expired (get_token answered after 150 ms). */
async function sobotTokenBursts(fake: FakeSobot, engine: Engine, credential: CredentialRef) {
	fake.tokenLatencyMs = 150;
	for (const n of [2, 4, 8, 16]) {
		fake.expireToken();
		const tokensBefore = fake.tokenRequests;
		const started = performance.now();
		const results = await Promise.all(
			Array.from({ length: n }, async () =>
				await engine.runNode({
					type: SOBOT_NODE,
					parameters: { resource: 'stage', operation: 'getMany', returnAll: true },
					credentials: { sobotApi: credential },
				}),
			),
		);
		const failed = results.filter((result) => result.error).length;
		report(
			`Sobot burst of ${n} executions right after expiry: failed / token requests / wall time`,
			`${failed} / ${fake.tokenRequests - tokensBefore} / ${Math.round(performance.now() - started)} ms`,
			'0 / 1',
		);
	}
	fake.tokenLatencyMs = 0;
}

async function bareSobotLoop(get: Get, origin: string, token: string): Promise<number> {
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const body = (await get(`${origin}/api/scrm/5/user/list_by_page?page_no=${page}&page_size=${PAGE_SIZE}`, {
			token,
		})) as { items: unknown[]; page_count: number };
		items.push(...body.items);
		if (page >= Number(body.page_count)) return items.length;
	}
}

// ---------------------------------------------------------------------------------- Bangwo8

async function bangwo8Benchmarks() {
	const fake = new FakeBangwo8();
	await fake.start();
	const store = new CredentialStore();
	const engine = createEngine(store);
	const credential = addBangwo8BasicCredential(store, fake);
	try {
		fake.seedUsers(1000);
		await bangwo8ContactListRequests(fake, engine, credential, 1000);
		fake.seedUsers(9000);
		await bangwo8ContactListRequests(fake, engine, credential, 10000);

		const node = () => bangwo8ReturnAll(engine, credential);
		report(
			`Bangwo8 minimal node: the same 100 requests with n8n's httpRequest helper, no package code (ms)`,
			(await helperFloor(fake.origin)).toFixed(0),
		);
		await compareWithBareLoops('Bangwo8', node, {
			keepAlive: () => bareBangwo8Loop(getJsonKeepAlive, fake.origin),
			freshConnections: () => bareBangwo8Loop(getJsonFreshConnection, fake.origin),
		});
		report('Bangwo8 peak heap, Return All of 10,000 contacts (MB)', (await peakHeapMb(node)).toFixed(1));
		await simplifyCost('Bangwo8', node, () => bangwo8ReturnAll(engine, credential, 1.1));
	} finally {
		await fake.stop();
	}
}

async function bangwo8ReturnAll(engine: Engine, credential: CredentialRef, typeVersion = 1): Promise<number> {
	const { items, error } = await engine.runNode({
		type: BANGWO8_NODE,
		parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'getMany', returnAll: true },
		credentials: { bangwo8BasicAuthApi: credential },
		typeVersion,
	});
	if (error) throw error;
	return items.length;
}

async function bangwo8ContactListRequests(
	fake: FakeBangwo8,
	engine: Engine,
	credential: CredentialRef,
	records: number,
) {
	fake.clearRequests();
	const count = await bangwo8ReturnAll(engine, credential);
	const listCalls = fake.requestsTo('GET', '/api/v1/users.json').length;
	report(
		`Bangwo8 list requests, Return All of ${records.toLocaleString('en')} contacts`,
		`${listCalls} (${count} items)`,
		String(Math.ceil(records / PAGE_SIZE)),
	);
}

async function bareBangwo8Loop(get: Get, origin: string): Promise<number> {
	const authorization = `Basic ${Buffer.from('acct:pw').toString('base64')}`;
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const body = (await get(`${origin}/api/v1/users.json?page=${page}&per_page=${PAGE_SIZE}`, {
			authorization,
		})) as { users: unknown[]; next_page: string };
		items.push(...body.users);
		if (!body.next_page) return items.length;
	}
}

/**
 * The floor for any node built on n8n's helpers: a minimal node that makes the same 100 list
 * requests with `this.helpers.httpRequest` and returns the records, in the same engine.
 */
async function helperFloor(origin: string): Promise<number> {
	const authorization = `Basic ${Buffer.from('acct:pw').toString('base64')}`;
	const node: INodeType = {
		description: {
			displayName: 'Minimal',
			name: 'minimal',
			group: ['transform'],
			version: 1,
			description: 'Pages through users.json with the bare helper',
			defaults: { name: 'Minimal' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const records: IDataObject[] = [];
			for (let page = 1; ; page++) {
				const body = (await this.helpers.httpRequest({
					url: `${origin}/api/v1/users.json`,
					qs: { page, per_page: PAGE_SIZE },
					headers: { authorization },
					json: true,
				})) as { users: IDataObject[]; next_page: string };
				records.push(...body.users);
				if (!body.next_page) break;
			}
			return [this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), { itemData: { item: 0 } })];
		},
	};
	const engine = new Engine({ nodeTypes: { 'bench.minimal': node }, credentialTypes: [], credentials: new CredentialStore() });
	const run = async () => (await engine.runNode({ type: 'bench.minimal', parameters: {} })).items.length;
	await run();
	const times: number[] = [];
	for (let index = 0; index < RUNS; index++) times.push((await timed(run)).ms);
	return median(times);
}

// ---------------------------------------------------------------------------------- shared

/**
 * Alternates the node and two bare loops (after one warm-up each) and reports medians and
 * ratios: against fetch with keep-alive (the target's baseline), and against the same loop with
 * a new connection per request, which is how n8n's HTTP helper sends every request.
 */
async function compareWithBareLoops(
	vendor: string,
	node: () => Promise<number>,
	bare: { keepAlive: () => Promise<number>; freshConnections: () => Promise<number> },
) {
	const counts = [await node(), await bare.keepAlive(), await bare.freshConnections()];
	if (new Set(counts).size !== 1) throw new Error(`${vendor}: the loops returned different counts ${counts.join(', ')}`);
	const times = { node: [] as number[], keepAlive: [] as number[], fresh: [] as number[] };
	for (let run = 0; run < RUNS; run++) {
		times.node.push((await timed(node)).ms);
		times.keepAlive.push((await timed(bare.keepAlive)).ms);
		times.fresh.push((await timed(bare.freshConnections)).ms);
	}
	const [nodeMedian, keepAliveMedian, freshMedian] = [median(times.node), median(times.keepAlive), median(times.fresh)];
	report(`${vendor} Return All of 10,000 through the node, median of ${RUNS} (ms)`, nodeMedian.toFixed(0));
	report(`${vendor} bare fetch loop (keep-alive), same requests (ms)`, keepAliveMedian.toFixed(0));
	report(`${vendor} bare loop, a new connection per request like n8n's helper (ms)`, freshMedian.toFixed(0));
	report(`${vendor} node / bare fetch loop`, (nodeMedian / keepAliveMedian).toFixed(2), '≤ 1.25');
	report(`${vendor} node / bare loop with new connections`, (nodeMedian / freshMedian).toFixed(2));
}

/** What Simplify (on by default from node version 1.1) adds to a Return All of 10,000, run alternately. */
async function simplifyCost(vendor: string, raw: () => Promise<number>, simplified: () => Promise<number>) {
	if ((await raw()) !== (await simplified())) throw new Error(`${vendor}: Simplify changed the number of items`);
	const times = { raw: [] as number[], simplified: [] as number[] };
	for (let run = 0; run < RUNS; run++) {
		times.raw.push((await timed(raw)).ms);
		times.simplified.push((await timed(simplified)).ms);
	}
	const [rawMedian, simplifiedMedian] = [median(times.raw), median(times.simplified)];
	report(
		`${vendor} Return All of 10,000 with Simplify on (version 1.1) / raw (version 1), medians of ${RUNS}`,
		`${simplifiedMedian.toFixed(0)} ms / ${rawMedian.toFixed(0)} ms = ${(simplifiedMedian / rawMedian).toFixed(2)}`,
	);
}

/**
 * What n8n's engine alone costs for 10,000 items: a node that returns them without any HTTP.
 * Part of every node's time above, whatever the vendor.
 */
async function engineFloor() {
	// Contacts as the fake Bangwo8 seeds them (the seed's shape); no server is started.
	const records = new FakeBangwo8().seedUsers(10000) as unknown as IDataObject[];
	const node: INodeType = {
		description: {
			displayName: 'Records',
			name: 'records',
			group: ['transform'],
			version: 1,
			description: 'Returns 10,000 records',
			defaults: { name: 'Records' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), { itemData: { item: 0 } })];
		},
	};
	const engine = new Engine({ nodeTypes: { 'bench.records': node }, credentialTypes: [], credentials: new CredentialStore() });
	const run = async () => (await engine.runNode({ type: 'bench.records', parameters: {} })).items.length;
	await run();
	const times: number[] = [];
	for (let index = 0; index < RUNS; index++) times.push((await timed(run)).ms);
	report(`Engine alone: a node returning 10,000 records without HTTP, median of ${RUNS} (ms)`, median(times).toFixed(0));
}

async function main() {
	console.log(`Benchmarks (Node ${process.version}, ${RUNS} timed runs each)\n`);
	await sobotBenchmarks();
	await bangwo8Benchmarks();
	await engineFloor();
	for (const benchmark of [...extraBenchmarks, ...latencyBenchmarks]) await benchmark(report);
	console.log('\n| figure | value | target |\n|---|---|---|');
	for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.target} |`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
