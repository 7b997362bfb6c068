/**
 * Return All at a realistic network latency (50 ms a request, what a China-hosted service costs
 * from a server elsewhere): the node with its default Parallel Requests, the node one page at a
 * time, and n8n's own HTTP Request node paging the same fake in the same run — what a user would
 * build instead. Plus the lookups a 1,000-item assign makes.
 *
 * n8n's HTTP Request node comes from n8n-nodes-base in the end-to-end cache
 * (scripts/e2e/install-n8n.sh); without it that row says so.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import type { Report } from './extra';
import { FakeBangwo8 } from '../test/fakes/bangwo8';
import type { FakeServer } from '../test/fakes/base';
import { FakeSobot } from '../test/fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../test/harness/engine';
import { addBangwo8BasicCredential, addSobotCredential, BANGWO8_NODE, createEngine, SOBOT_NODE } from '../test/support/package';
import { PAGING } from '../nodes/shared/pagination';

const LATENCY_MS = 50;
const RECORDS = 10_000;
const RUNS = 3;
const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';

/** n8n's HTTP Request node (v4.2) from the e2e cache, or undefined when n8n is not installed there. */
function httpRequestNode(): INodeType | undefined {
	const cache = process.env.N8N_E2E_CACHE || join(homedir(), '.cache', 'n8n-bangwo8-sobot-e2e');
	const file = join(cache, 'n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node.js');
	if (!existsSync(file)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequestV3 } = require(file) as { HttpRequestV3: new (description: object) => INodeType };
	return new HttpRequestV3({ displayName: 'HTTP Request', name: 'httpRequest', group: ['output'], description: '', defaultVersion: 4.2 });
}

interface LatencyCase {
	vendor: string;
	fake: FakeServer;
	engine: Engine;
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, CredentialRef>;
	listPath: string;
	/** The same list through the HTTP Request node, paging as its docs show. */
	httpRequest: INodeParameters;
}

async function sobotCase(): Promise<LatencyCase> {
	const fake = new FakeSobot();
	await fake.start();
	fake.seedCustomers(RECORDS);
	const store = new CredentialStore();
	const credential = addSobotCredential(store, fake);
	return {
		vendor: 'Sobot customers',
		fake,
		engine: createEngine(store),
		type: SOBOT_NODE,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true },
		credentials: { sobotApi: credential },
		listPath: '/api/scrm/5/user/list_by_page',
		httpRequest: httpRequestParameters(`${fake.origin}/api/scrm/5/user/list_by_page`, 'page_no', 'page_size', {
			token: String(store.dataOf(credential.id).token),
		}, '={{ $response.body.page_no >= $response.body.page_count }}'),
	};
}

async function bangwo8Case(): Promise<LatencyCase> {
	const fake = new FakeBangwo8();
	await fake.start();
	fake.seedUsers(RECORDS);
	const store = new CredentialStore();
	return {
		vendor: 'Bangwo8 contacts',
		fake,
		engine: createEngine(store),
		type: BANGWO8_NODE,
		parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'getMany', returnAll: true },
		credentials: { bangwo8BasicAuthApi: addBangwo8BasicCredential(store, fake) },
		listPath: '/api/v1/users.json',
		httpRequest: httpRequestParameters(`${fake.origin}/api/v1/users.json`, 'page', 'per_page', {
			Authorization: `Basic ${Buffer.from('acct:pw').toString('base64')}`,
		}, '={{ $response.body.next_page === "" }}'),
	};
}

function httpRequestParameters(
	url: string,
	pageParameter: string,
	sizeParameter: string,
	headers: Record<string, string>,
	completeExpression: string,
): INodeParameters {
	return {
		method: 'GET',
		url,
		authentication: 'none',
		sendQuery: true,
		specifyQuery: 'keypair',
		queryParameters: { parameters: [{ name: sizeParameter, value: '100' }] },
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: { parameters: Object.entries(headers).map(([name, value]) => ({ name, value })) },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: pageParameter, value: '={{ $pageCount + 1 }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression,
				},
			},
		},
	};
}

async function timeRun(run: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

async function returnAllAtLatency(report: Report) {
	const httpNode = httpRequestNode();
	for (const make of [sobotCase, bangwo8Case]) {
		const c = await make();
		try {
			c.fake.latencyMs = LATENCY_MS;
			const floor = (RECORDS / 100) * LATENCY_MS;
			const runNode = async (parallelRequests: number) =>
				await c.engine.runNode({ type: c.type, parameters: { ...c.parameters, parallelRequests }, credentials: c.credentials });

			c.fake.clearRequests();
			const check = await runNode(PAGING.defaultParallel);
			if (check.error) throw check.error;
			const requests = c.fake.requestsTo('GET', c.listPath).length;
			const distinct = new Set(check.items.map((item) => JSON.stringify(item.json))).size;
			const times: number[] = [];
			for (let run = 0; run < RUNS; run++) times.push(await timeRun(async () => await runNode(PAGING.defaultParallel)));
			times.sort((a, b) => a - b);
			const parallelMs = times[Math.floor(times.length / 2)];
			const serialMs = await timeRun(async () => await runNode(1));
			report(
				`${c.vendor}, Return All of 10,000 at ${LATENCY_MS} ms a request: list requests / distinct records`,
				`${requests} / ${distinct}`,
				'100 / 10,000',
			);
			report(
				`${c.vendor}, Return All of 10,000 at ${LATENCY_MS} ms: node (Parallel Requests ${PAGING.defaultParallel}, median of ${RUNS}) / one-at-a-time floor (${floor} ms)`,
				`${Math.round(parallelMs)} ms / ${floor} ms = ${(parallelMs / floor).toFixed(2)}`,
				'≤ 0.5 (goal 0.25)',
			);
			report(`${c.vendor}, the node with Parallel Requests 1`, `${Math.round(serialMs)} ms = ${(serialMs / floor).toFixed(2)} × floor`);
			if (httpNode) {
				const engine = new Engine({ nodeTypes: { [HTTP_REQUEST]: httpNode }, credentialTypes: [], credentials: new CredentialStore() });
				c.fake.clearRequests();
				let pages = 0;
				const httpMs = await timeRun(async () => {
					const result = await engine.runNode({ type: HTTP_REQUEST, typeVersion: 4.2, parameters: c.httpRequest });
					if (result.error) throw result.error;
					pages = result.items.length;
				});
				report(
					`${c.vendor}, n8n's HTTP Request node paging the same list (${pages} pages, as its pagination option does it)`,
					`${Math.round(httpMs)} ms = ${(httpMs / floor).toFixed(2)} × floor; node is ${(httpMs / parallelMs).toFixed(1)}× faster`,
				);
			} else {
				report(`${c.vendor}, n8n's HTTP Request node`, 'not measured: n8n is not in the e2e cache (bash scripts/e2e/install-n8n.sh)');
			}
		} finally {
			await c.fake.stop();
		}
	}
}

/** 1,000 items assigned to agents given by an expression: requests for the agent list. */
async function lookupsPerExecution(report: Report) {
	const fake = new FakeSobot();
	await fake.start();
	try {
		const store = new CredentialStore();
		const engine = createEngine(store);
		const customers = fake.seedCustomers(1000, { overrides: { crm_status: 2 } });
		const { error } = await engine.runNode({
			type: SOBOT_NODE,
			parameters: { resource: 'customer', operation: 'assign', customerIds: '={{ $json.customer }}', agents: '={{ $json.agent }}', assign_biz_type: '1' },
			credentials: { sobotApi: addSobotCredential(store, fake) },
			items: customers.map((customer, index) => ({ customer: customer.id, agent: fake.agents[index % fake.agents.length].id })),
		});
		if (error) throw error;
		report(
			'Sobot assign of 1,000 items, agent from an expression: agent-list lookups / assign requests',
			`${fake.requestsTo('GET', '/api/scrm/5/user/user_list').length} / ${fake.requestsTo('POST', '/api/scrm/5/public_user/assign').length}`,
			'1 / 1,000',
		);
	} finally {
		await fake.stop();
	}
}

export const latencyBenchmarks: Array<(report: Report) => Promise<void>> = [returnAllAtLatency, lookupsPerExecution];
