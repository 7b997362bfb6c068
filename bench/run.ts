/**
 * Benchmarks of PRODUCT.md's targets, printed as figures (nothing here asserts a time).
 *
 *   npm run bench            (BENCH_RUNS=5 by default; more runs give steadier medians)
 *
 * Every figure is measured in this run against the same local fake vendor servers the tests use:
 * request counts are read off the fake server, and the node's overhead is the ratio of its wall
 * time to a bare HTTP loop making the same requests to the same server.
 */
import { FakeBangwo8 } from '../test/fakes/bangwo8';
import { FakeSobot } from '../test/fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../test/harness/engine';
import {
	addBangwo8BasicCredential,
	addSobotCredential,
	BANGWO8_NODE,
	createEngine,
	SOBOT_NODE,
} from '../test/support/package';
import { extraBenchmarks } from './extra';

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

// ------------------------------------------------------------------------------------ Sobot

async function sobotBenchmarks() {
	const fake = new FakeSobot();
	await fake.start();
	const store = new CredentialStore();
	const engine = createEngine(store);
	const credential = addSobotCredential(store, fake);
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

		fake.seedCustomers(1000);
		await sobotCustomerListRequests(fake, engine, credential, 1000);
		fake.seedCustomers(9000);
		await sobotCustomerListRequests(fake, engine, credential, 10000);

		const node = () => sobotReturnAll(engine, credential);
		const bare = () => bareSobotLoop(fake.origin, String(fake.currentToken));
		await compareWithBareLoop('Sobot', node, bare);
		report('Sobot peak heap, Return All of 10,000 customers (MB)', (await peakHeapMb(node)).toFixed(1));
	} finally {
		await fake.stop();
	}
}

async function sobotReturnAll(engine: Engine, credential: CredentialRef): Promise<number> {
	const { items, error } = await engine.runNode({
		type: SOBOT_NODE,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true },
		credentials: { sobotApi: credential },
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
async function bareSobotLoop(origin: string, token: string): Promise<number> {
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const response = await fetch(
			`${origin}/api/scrm/5/user/list_by_page?page_no=${page}&page_size=${PAGE_SIZE}`,
			{ headers: { token } },
		);
		const body = (await response.json()) as { items: unknown[]; page_count: number };
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
		const bare = () => bareBangwo8Loop(fake.origin);
		await compareWithBareLoop('Bangwo8', node, bare);
		report('Bangwo8 peak heap, Return All of 10,000 contacts (MB)', (await peakHeapMb(node)).toFixed(1));
	} finally {
		await fake.stop();
	}
}

async function bangwo8ReturnAll(engine: Engine, credential: CredentialRef): Promise<number> {
	const { items, error } = await engine.runNode({
		type: BANGWO8_NODE,
		parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'getMany', returnAll: true },
		credentials: { bangwo8BasicAuthApi: credential },
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

async function bareBangwo8Loop(origin: string): Promise<number> {
	const authorization = `Basic ${Buffer.from('acct:pw').toString('base64')}`;
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const response = await fetch(`${origin}/api/v1/users.json?page=${page}&per_page=${PAGE_SIZE}`, {
			headers: { authorization },
		});
		const body = (await response.json()) as { users: unknown[]; next_page: string };
		items.push(...body.users);
		if (!body.next_page) return items.length;
	}
}

// ---------------------------------------------------------------------------------- shared

/** Alternates node and bare runs (after one warm-up each) and reports the median ratio. */
async function compareWithBareLoop(vendor: string, node: () => Promise<number>, bare: () => Promise<number>) {
	const [nodeCount, bareCount] = [await node(), await bare()];
	if (nodeCount !== bareCount) throw new Error(`${vendor}: node returned ${nodeCount} items, bare loop ${bareCount}`);
	const nodeTimes: number[] = [];
	const bareTimes: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		nodeTimes.push((await timed(node)).ms);
		bareTimes.push((await timed(bare)).ms);
	}
	const nodeMedian = median(nodeTimes);
	const bareMedian = median(bareTimes);
	report(`${vendor} Return All of 10,000 through the node, median of ${RUNS} (ms)`, nodeMedian.toFixed(0));
	report(`${vendor} bare fetch loop, same requests, median of ${RUNS} (ms)`, bareMedian.toFixed(0));
	report(`${vendor} node / bare loop`, (nodeMedian / bareMedian).toFixed(2), '≤ 1.25');
}

async function main() {
	console.log(`Benchmarks (Node ${process.version}, ${RUNS} timed runs each)\n`);
	await sobotBenchmarks();
	await bangwo8Benchmarks();
	for (const benchmark of extraBenchmarks) await benchmark(report);
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
