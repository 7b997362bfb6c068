/**
 * Queue-mode leg: OUR package in n8n 2.41.1 running in queue mode — PostgreSQL + Redis (Debian's
 * packages, private instances on 127.0.0.1), n8n main, two workers and one webhook processor,
 * each with its own user folder holding the packed package (test/e2e/queue.ts).
 *
 * Production webhooks go to the webhook processor (main is told not to serve them); manual runs
 * are offloaded to the workers; polls are run by main and their executions by the workers.
 * Every execution's worker is read from the workers' logs and the split is printed.
 *
 * A node:test file (jest skips it: not *.test.ts). Run: npm run e2e:queue
 * (= bash scripts/e2e/queue.sh: Debian packages and n8n if needed, build, then
 * <node24> -r ./scripts/ts-register.js this file). Tests run in order on one cluster.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot, SOBOT_PREFIX } from '../fakes/sobot';
import { type Credential, type Execution, type N8n, type WorkflowNode, nodeOutput, packPackage } from './n8n';
import { assertSuccess, chain, executionsOf, ms, node, PKG, sleep, T } from './workflows';
import { type QueueCluster, startQueueCluster } from './queue';

const REPO = resolve(__dirname, '..', '..');
const STAGE_PATH = `${SOBOT_PREFIX}/user_stage/query_list_by_type`;
const CUSTOMER_LIST_PATH = `${SOBOT_PREFIX}/user/list_by_page`;

let cluster: QueueCluster;
let n8n: N8n;
let sobot: FakeSobot;
let bangwo8: FakeBangwo8;
let tarball = '';
let sobotCred: Credential;

// ------------------------------------------------------------------------------------- helpers

/** An active workflow: production webhook `path` (answers with every item of the last node) → nodes. */
async function webhookWorkflow(name: string, path: string, nodes: WorkflowNode[]) {
	const all: WorkflowNode[] = [
		{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: path,
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
		...nodes,
	];
	const wf = await n8n.createWorkflow({ name, nodes: all, connections: chain(all) });
	await n8n.activateWorkflow(wf.id);
	return wf;
}

/** Which worker ran each execution, per case: filled by `ranOn`, printed by the last test. */
const split = new Map<string, Record<string, number>>();

/** Looks up the worker of each execution (each must have run on exactly one), adds them to the case's tally. */
async function ranOn(caseName: string, executionIds: string[]): Promise<Record<string, number>> {
	const tally: Record<string, number> = Object.fromEntries(cluster.workers.map((w) => [w.name, 0]));
	for (const id of executionIds) {
		const names = await cluster.whoRan(id);
		assert.equal(names.length, 1, `execution ${id} started on exactly one worker (log says: ${JSON.stringify(names)})`);
		tally[names[0]]++;
	}
	const total = split.get(caseName) ?? Object.fromEntries(cluster.workers.map((w) => [w.name, 0]));
	for (const [k, v] of Object.entries(tally)) total[k] = (total[k] ?? 0) + v;
	split.set(caseName, total);
	return tally;
}
const fmt = (t: Record<string, number>) => Object.entries(t).map(([k, v]) => `${k}: ${v}`).join(', ');

/** A CRM push as seed 002 section 4 shows it (values as strings, like the sample). */
function crmPush(n: number) {
	return {
		sys_code: '50',
		type: 'crm',
		content: Array.from({ length: n }, (_, i) => ({
			userid: `push${String(i).padStart(28, '0')}`,
			msg_type: i % 10 === 9 ? '1' : '0',
			user_name: `推送客户${i}`,
			companyid: 'e93d39fe311b4cf2a6ccd69cafaf256f',
			crm_status: '3',
			status: '8',
			user_tels: `139${String(i).padStart(8, '0')}`,
			create_datetime: '1631821183',
			update_datetime: '1631821183',
			liable_agent_name: '刘丹',
		})),
	};
}

// --------------------------------------------------------------------------------------- suite

describe(`${PKG} in n8n queue mode (main + 2 workers + webhook processor, Postgres, Redis)`, { timeout: 25 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Sobot', 'Sobot.node.js')), 'dist/ missing: run npm run build first');
		let t0 = performance.now();
		// into the run directory when scripts/e2e/queue.sh gave one (it is removed whatever happens)
		tarball = packPackage(REPO, process.env.E2E_QUEUE_RUN_DIR ? join(process.env.E2E_QUEUE_RUN_DIR, 'pack') : undefined);
		console.log(`# npm pack: ${tarball} in ${ms(t0)}`);
		sobot = new FakeSobot({ appId: 'q-app', appKey: 'q-app-key' });
		bangwo8 = new FakeBangwo8({ account: 'q-acct', password: 'q-pw', clientId: 'q-cid', clientSecret: 'q-csecret' });
		await sobot.start();
		await bangwo8.start();
		t0 = performance.now();
		cluster = await startQueueCluster({ packageTarball: tarball, workers: 2 });
		n8n = cluster.main;
		const t = cluster.timings;
		console.log(
			`# cluster up in ${ms(t0)}: postgres ${t.postgresMs} ms (initdb ${t.postgresInitdbMs} ms), main ${t.mainMs} ms ` +
				`(ready ${t.mainReadyMs} ms, fresh database), then workers + webhook processor together ${t.workersAndWebhookMs} ms ` +
				`(worker-1 ${t['worker-1ReadyMs']}, worker-2 ${t['worker-2ReadyMs']}, webhook ${t.webhookReadyMs} ms)`,
		);
		console.log(`# main ${n8n.baseUrl}, webhook processor ${cluster.webhookUrl}, postgres :${cluster.postgres.port}, redis :${cluster.redis.port}; fakes: sobot ${sobot.origin}, bangwo8 ${bangwo8.origin}`);
		sobotCred = await n8n.createCredential({
			name: 'Sobot (queue)',
			type: 'sobotApi',
			data: { dataCenter: 'custom', customUrl: sobot.origin, appId: sobot.appId, appSecretKey: sobot.appKey },
		});
	});

	const failed: string[] = [];
	afterEach((t) => {
		// `passed` exists at run time in Node 24 but not yet in @types/node 24.19
		if ((t as unknown as { passed?: boolean }).passed === false) failed.push(t.name);
	});

	after(async () => {
		if (failed.length > 0 && cluster && process.env.N8N_E2E_VERBOSE !== '1') {
			console.log(`# ${failed.length} failed (${failed.join('; ')}); log tails:\n${cluster.logTails(50)}`);
		}
		await cluster?.stop();
		await sobot?.stop();
		await bangwo8?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	test('the package is installed in every process\'s user folder; main loads it; main serves no production webhooks', async () => {
		for (const folder of [n8n.userFolder, ...cluster.workers.map((w) => w.userFolder), cluster.webhook.userFolder]) {
			const nodes = join(folder, '.n8n', 'nodes');
			const installed = JSON.parse(readFileSync(join(nodes, 'node_modules', PKG, 'package.json'), 'utf8'));
			assert.deepEqual(JSON.parse(readFileSync(join(nodes, 'package.json'), 'utf8')).dependencies, { [PKG]: installed.version }, folder);
		}
		const types = (await n8n.nodeTypes()).map((t) => t.name);
		for (const t of Object.values(T)) assert.ok(types.includes(t), `node type ${t} loaded by main`);
		for (const p of [...cluster.workers, cluster.webhook]) {
			assert.doesNotMatch(p.logs(), /n8n-nodes-bangwo8-sobot[^\n]*(error|failed)/i, `no load error for our package in ${p.name}'s log`);
		}
	});

	// 1 ------------------------------------------------------------------------------------------
	test('Sobot token economy across workers: 20 webhook executions, spread over both workers, fetch the token once', async () => {
		const wf = await webhookWorkflow('Q Sobot stages', 'q-sobot-stages', [
			node('Stages', T.sobot, 220, { resource: 'stage', operation: 'getMany', returnAll: true }, { sobotApi: sobotCred }),
		]);
		const tokens = sobot.tokenRequests;
		const calls = sobot.requestsTo('GET', STAGE_PATH).length;
		const t0 = performance.now();
		for (let i = 0; i < 20; i++) {
			const r = await cluster.callWebhook('q-sobot-stages', { body: { i } });
			assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 1000));
			assert.deepEqual((r.body as Array<{ name: string }>).map((s) => s.name), sobot.stages.map((s) => s.name));
		}
		const took = ms(t0);
		const executions = await executionsOf(n8n, wf.id, 20);
		assert.equal(executions.length, 20);
		for (const e of executions) assertSuccess(e);
		const tally = await ranOn('1 token economy', executions.map((e) => e.id));
		const sent = sobot.requestsTo('GET', STAGE_PATH).slice(calls).filter((r) => r.headers['token']).map((r) => r.headers['token']);
		console.log(`# case 1: 20 webhook executions (${fmt(tally)}) -> ${sobot.tokenRequests - tokens} get_token request(s); ` +
			`${sent.length} stage calls with ${new Set(sent).size} distinct token(s); ${took} for the 20 calls`);
		assert.equal(sobot.tokenRequests - tokens, 1, 'get_token called exactly once for 20 executions on 2 workers');
		assert.equal(new Set(sent).size, 1, 'every execution sent the same stored token');
		assert.ok(Object.values(tally).every((v) => v > 0), `both workers ran some: ${fmt(tally)}`);
	});

	// 2 ------------------------------------------------------------------------------------------
	test('Sobot token concurrency across workers: token expired, 8 executions together, 3 rounds: all succeed', async () => {
		const wf = await webhookWorkflow('Q Sobot burst', 'q-sobot-burst', [
			node('Stages', T.sobot, 220, { resource: 'stage', operation: 'getMany', returnAll: true }, { sobotApi: sobotCred }),
		]);
		sobot.tokenLatencyMs = 150; // a token request takes as long as from a server far from Sobot
		const perRound: number[] = [];
		const failures: string[] = [];
		try {
			for (let round = 1; round <= 3; round++) {
				sobot.expireToken();
				const tokens = sobot.tokenRequests;
				const seen = new Set((await n8n.listExecutions(wf.id)).map((e) => e.id));
				const t0 = performance.now();
				const answers = await Promise.all(Array.from({ length: 8 }, async (_, i) => await cluster.callWebhook('q-sobot-burst', { body: { round, i } })));
				const took = ms(t0);
				const ok = answers.filter((a) => a.status === 200 && JSON.stringify(a.body).includes(sobot.stages[0].name)).length;
				const fresh = (await executionsOf(n8n, wf.id, 8 * round)).filter((e) => !seen.has(e.id));
				const tally = await ranOn('2 token concurrency', fresh.map((e) => e.id));
				perRound.push(sobot.tokenRequests - tokens);
				console.log(`# case 2 round ${round}: ${ok}/8 succeeded (${fmt(tally)}), ${sobot.tokenRequests - tokens} get_token request(s), ${took}`);
				if (ok !== 8) failures.push(`round ${round}: ${JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.body)).slice(0, 800)}`);
			}
		} finally {
			sobot.tokenLatencyMs = 0;
		}
		console.log(`# case 2: get_token requests per round: ${perRound.join(', ')}`);
		assert.deepEqual(failures, [], 'every execution of every burst succeeded');
		const executions = await executionsOf(n8n, wf.id, 24);
		assert.equal(executions.filter((e) => e.status === 'success').length, 24, 'every execution succeeded');
		assert.deepEqual(perRound, [1, 1, 1], 'one token per burst');
	});

	// 3 ------------------------------------------------------------------------------------------
	test('Sobot CRM push of 1,000 customers to the webhook processor: one execution with 1,000 items on a worker; unauthorised: 401, no execution', async () => {
		const secret = 'q-push-secret-0123456789';
		const webhookId = 'q-sobot-push';
		const wf = await n8n.createWorkflow({
			name: 'Q Sobot push',
			nodes: [
				{ ...node('Sobot Trigger', T.sobotTrigger, 0, { authentication: 'querySecret', secret, events: ['customerMerged', 'customerSaved'], simplify: false }), webhookId },
				node('After', 'n8n-nodes-base.noOp', 220, {}),
			],
			connections: { 'Sobot Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
		});
		await n8n.activateWorkflow(wf.id);
		const path = `${webhookId}/webhook`;
		const push = crmPush(1000);

		const missing = await cluster.callWebhook(path, { body: push });
		assert.equal(missing.status, 401, JSON.stringify(missing.body));
		const wrong = await cluster.callWebhook(path, { body: push, query: { secret: 'guess' } });
		assert.equal(wrong.status, 403, JSON.stringify(wrong.body));
		// main does not take production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true)
		const toMain = await fetch(`${n8n.baseUrl}/webhook/${path}?secret=${secret}`, {
			method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(push),
		});
		const toMainText = await toMain.text();
		assert.doesNotMatch(toMainText, /000000/, `main answered ${toMain.status}: ${toMainText.slice(0, 200)}`);

		const t0 = performance.now();
		const ok = await cluster.callWebhook(path, { body: push, query: { secret } });
		const ack = ms(t0);
		assert.equal(ok.status, 200, JSON.stringify(ok.body));
		assert.deepEqual(ok.body, { ret_code: '000000', ret_msg: 'success' });
		const [first] = await executionsOf(n8n, wf.id, 1, 60_000);
		assert.ok(first, 'an execution was started');
		const ex = await n8n.waitForExecution(first.id, 60_000);
		const done = ms(t0);
		await sleep(1000); // rejected pushes would have started executions by now
		assert.equal((await n8n.listExecutions(wf.id)).length, 1, 'exactly one execution (the authorised push)');
		assertSuccess(ex);
		assert.equal(ex.mode, 'webhook');
		const items = nodeOutput(ex, 'After');
		assert.equal(items.length, 1000);
		assert.equal(new Set(items.map((i) => i.userid)).size, 1000);
		assert.equal(items.filter((i) => i.event === 'customerMerged').length, 100);
		const tally = await ranOn('3 CRM push', [ex.id]);
		console.log(`# case 3: push of 1,000 customers acknowledged by the webhook processor in ${ack}; execution ${ex.id} ` +
			`(${fmt(tally)}) with ${items.length} items finished ${done} after the push; no secret -> ${missing.status}, wrong -> ${wrong.status}, ` +
			`main's /webhook -> ${toMain.status} (not served)`);
		await n8n.deactivateWorkflow(wf.id);
	});

	test('Sobot Event Trigger: a signed batch of 20 forwarded chat messages to the webhook processor: one execution with 20 items on a worker; unsigned 401, the same push again no second execution', async () => {
		const companyId = 'e93d39fe311b4cf2a6ccd69cafaf256f';
		const key = 'q-forwarding-key-0123456789';
		const cred = await n8n.createCredential({ name: 'Q Sobot push signature', type: 'sobotPushSignatureApi', data: { companyId, forwardingSecret: key } });
		const webhookId = 'q-sobot-event-push';
		const wf = await n8n.createWorkflow({
			name: 'Q Sobot event push',
			nodes: [
				{ ...node('Sobot Event Trigger', `${PKG}.sobotEventTrigger`, 0, { authentication: 'signature', simplify: false }, { sobotPushSignatureApi: cred }), webhookId },
				node('After', 'n8n-nodes-base.noOp', 220, {}),
			],
			connections: { 'Sobot Event Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
		});
		await n8n.activateWorkflow(wf.id);
		const path = `${webhookId}/webhook`;
		const timestamp = Date.now();
		const headers = {
			'X-Log-TimeStamp': String(timestamp),
			'X-Log-RandomCode': 'q-4711',
			'X-Log-Sign': createHash('md5').update(`${companyId}${timestamp}q-4711${key}`).digest('hex'),
		};
		const body = {
			type: 'msg',
			content: Array.from({ length: 20 }, (_, i) => ({
				cid: `q-cid-${i % 4}`, msgid: `q-msg-${i}`, sender_type: i % 2 === 0 ? '0' : '2', sender_name: i % 2 === 0 ? '周杰' : '刘丹', msg: `第${i + 1}条消息`, t: String(timestamp - 1000 * (20 - i)),
			})),
		};
		const unsigned = await cluster.callWebhook(path, { body });
		assert.equal(unsigned.status, 401, JSON.stringify(unsigned.body));
		const t0 = performance.now();
		const ok = await cluster.callWebhook(path, { body, headers });
		const ack = ms(t0);
		assert.equal(ok.status, 200, JSON.stringify(ok.body));
		assert.deepEqual(ok.body, { ret_code: '000000', ret_msg: 'success' });
		const again = await cluster.callWebhook(path, { body, headers });
		assert.equal(again.status, 200, 'a resent push is acknowledged');
		const [first] = await executionsOf(n8n, wf.id, 1, 60_000);
		const ex = await n8n.waitForExecution(first.id, 60_000);
		await sleep(1000);
		assert.equal((await n8n.listExecutions(wf.id)).length, 1, 'one execution: the unsigned and the resent push started none');
		assertSuccess(ex);
		assert.equal(ex.mode, 'webhook');
		const items = nodeOutput(ex, 'After');
		assert.equal(items.length, 20);
		assert.deepEqual([...new Set(items.map((i) => i.event))], ['chatMessage']);
		assert.deepEqual(items.map((i) => i.msgid), body.content.map((m) => m.msgid));
		const tally = await ranOn('3b event push', [ex.id]);
		console.log(`# case 3b: signed batch of 20 chat messages acknowledged by the webhook processor in ${ack}; execution ${ex.id} (${fmt(tally)}) with ${items.length} items; unsigned -> ${unsigned.status}; resent -> ${again.status}, no execution`);
		await n8n.deactivateWorkflow(wf.id);
	});

	// 4 ------------------------------------------------------------------------------------------
	test('Bangwo8 Trigger polling in queue mode, a worker restarted between polls: every new contact emitted exactly once', { timeout: 300_000 }, async () => {
		bangwo8.seedUsers(30);
		const cred = await n8n.createCredential({
			name: 'Bangwo8 Basic (queue poll)',
			type: 'bangwo8BasicAuthApi',
			data: { baseUrl: `${bangwo8.origin}/api/v1`, account: bangwo8.account, password: bangwo8.password },
		});
		// n8n refuses a cron that fires more than once a minute, but takes several poll times each
		// at a fixed second: six of them poll every 10 s.
		const pollTimes = { item: [0, 10, 20, 30, 40, 50].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })) };
		const wf = await n8n.createWorkflow({
			name: 'Q Bangwo8 poll',
			nodes: [
				node('Bangwo8 Trigger', T.bangwo8Trigger, 0, { authentication: 'basicAuth', event: 'contactCreated', pollTimes }, { bangwo8BasicAuthApi: cred }),
				node('After', 'n8n-nodes-base.noOp', 220, {}),
			],
			connections: { 'Bangwo8 Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
		});
		const listCalls = () => bangwo8.requestsTo('GET', '/api/v1/users.json').length;
		const calls0 = listCalls();
		const t0 = performance.now();
		await n8n.activateWorkflow(wf.id);
		await sleep(1100); // strictly after the stored position (vendor times have whole seconds)
		assert.equal((await n8n.listExecutions(wf.id)).length, 0, 'activation emitted nothing');

		const expected: string[] = [];
		const emitted = async (): Promise<{ execs: Execution[]; ids: string[] }> => {
			const execs = (await n8n.listExecutions(wf.id)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			execs.sort((a, b) => Number(a.id) - Number(b.id));
			const ids: string[] = [];
			for (const e of execs) {
				const full = e.data ? e : await n8n.getExecution(e.id);
				assertSuccess(full);
				ids.push(...nodeOutput(full, 'After').map((u) => String(u.cId)));
			}
			return { execs, ids };
		};
		const waitFor = async (what: string, timeoutMs = 45_000): Promise<void> => {
			const end = Date.now() + timeoutMs;
			for (;;) {
				const { ids } = await emitted();
				if (expected.every((id) => ids.includes(id))) return;
				if (Date.now() > end) throw new Error(`${what}: emitted ${JSON.stringify(ids)}, expected ${JSON.stringify(expected)}`);
				await sleep(500);
			}
		};

		expected.push(bangwo8.addUser({ name: 'Q 轮询 A' }).cId, bangwo8.addUser({ name: 'Q 轮询 B' }).cId);
		await waitFor('poll 1');
		const restarts: string[] = [];
		for (const [i, names] of [[0, ['C']], [1, ['D', 'E']]] as Array<[number, string[]]>) {
			const w = cluster.workers[i];
			const tr = performance.now();
			await w.stop();
			// changes made while the worker is down: the next poll's execution goes to the other
			// worker, or waits in Redis until this one is back
			expected.push(...names.map((n) => bangwo8.addUser({ name: `Q 轮询 ${n}` }).cId));
			await w.start();
			restarts.push(`${w.name} restarted in ${ms(tr)} (ready ${w.readyMs[w.readyMs.length - 1]} ms)`);
			await waitFor(`poll after restarting ${w.name}`);
		}
		await sleep(12_000); // at least one more poll with nothing new
		const { execs, ids } = await emitted();
		const tally = await ranOn('4 Bangwo8 poll', execs.map((e) => e.id));
		console.log(`# case 4: ${execs.length} poll executions (${fmt(tally)}) emitted ${ids.length} contacts for ${expected.length} created; ` +
			`${restarts.join(', ')}; ${listCalls() - calls0} list calls by main's polls in ${ms(t0)}`);
		assert.deepEqual([...ids].sort(), [...expected].sort(), 'each new contact emitted exactly once, nothing old');
		for (const e of execs) assert.equal(e.mode, 'trigger');
		await n8n.deactivateWorkflow(wf.id);
	});

	// 5 ------------------------------------------------------------------------------------------
	test('Bangwo8 OAuth2: the client-credentials token is fetched once and reused by both workers', async () => {
		if (bangwo8.users.size < 5) bangwo8.seedUsers(30);
		const cred = await n8n.createCredential({
			name: 'Bangwo8 OAuth2 (queue)',
			type: 'bangwo8OAuth2Api',
			data: { baseUrl: `${bangwo8.origin}/api/v1`, clientId: bangwo8.clientId, clientSecret: bangwo8.clientSecret },
		});
		const wf = await webhookWorkflow('Q Bangwo8 OAuth2', 'q-bangwo8-contacts', [
			node('Contacts', T.bangwo8, 220, { authentication: 'oAuth2', resource: 'contact', operation: 'getMany', returnAll: false, limit: 5 }, { bangwo8OAuth2Api: cred }),
		]);
		const tokens = bangwo8.tokenRequests;
		const from = bangwo8.requests.length;
		const t0 = performance.now();
		const check = (r: { status: number; body: unknown }) => {
			assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 1000));
			assert.equal((r.body as unknown[]).length, 5);
		};
		for (let i = 0; i < 10; i++) check(await cluster.callWebhook('q-bangwo8-contacts', { body: { i } }));
		for (const r of await Promise.all(Array.from({ length: 6 }, async (_, i) => await cluster.callWebhook('q-bangwo8-contacts', { body: { burst: i } })))) check(r);
		const took = ms(t0);
		const executions = await executionsOf(n8n, wf.id, 16);
		assert.equal(executions.length, 16);
		for (const e of executions) assertSuccess(e);
		const tally = await ranOn('5 Bangwo8 OAuth2', executions.map((e) => e.id));
		const bearers = bangwo8.requests.slice(from).filter((r) => r.path.startsWith('/api/v1/')).map((r) => r.headers['authorization'] ?? '');
		console.log(`# case 5: 16 executions (${fmt(tally)}; 10 one by one, then 6 together) -> ${bangwo8.tokenRequests - tokens} token request(s), ` +
			`${bearers.length} API calls with ${new Set(bearers).size} distinct bearer(s); ${took}`);
		assert.equal(bangwo8.tokenRequests - tokens, 1, 'one client-credentials token for all executions on both workers');
		assert.equal(new Set(bearers).size, 1);
		assert.match(bearers[0], /^Bearer /);
		assert.ok(Object.values(tally).every((v) => v > 0), `both workers ran some: ${fmt(tally)}`);
	});

	// 6 ------------------------------------------------------------------------------------------
	test('Sobot customer Get Many, Return All of 2,345 customers, manual run offloaded to a worker: 2,345 items in 24 list calls', async () => {
		sobot.seedCustomers(2345);
		const wf = await n8n.createWorkflow({
			name: 'Q Sobot all customers',
			nodes: [
				{ name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				node('All Customers', T.sobot, 220, { resource: 'customer', operation: 'getMany', returnAll: true }, { sobotApi: sobotCred }),
			],
			connections: { Manual: { main: [[{ node: 'All Customers', type: 'main', index: 0 }]] } },
		});
		const lists = sobot.requestsTo('GET', CUSTOMER_LIST_PATH).length;
		const tokens = sobot.tokenRequests;
		const t0 = performance.now();
		const ex = await n8n.runWorkflow(wf.id, { timeoutMs: 180_000 });
		const took = ms(t0);
		assertSuccess(ex);
		assert.equal(ex.mode, 'manual');
		const customers = nodeOutput(ex, 'All Customers');
		const pages = sobot.requestsTo('GET', CUSTOMER_LIST_PATH).slice(lists);
		const tally = await ranOn('6 Return All', [ex.id]);
		console.log(`# case 6: manual run (${fmt(tally)}) -> ${customers.length} items, ${pages.length} list calls, ` +
			`${sobot.tokenRequests - tokens} get_token; ${took} from run request to finished execution read back`);
		assert.equal(customers.length, 2345);
		assert.equal(new Set(customers.map((c) => c.id)).size, 2345, 'no customer twice');
		assert.equal(pages.length, 24);
		assert.deepEqual(pages.map((p) => p.query['page_no']), Array.from({ length: 24 }, (_, i) => String(i + 1)));
	});

	// ---------------------------------------------------------------------------------------------
	test('both workers did work (split of every execution by worker)', () => {
		const total: Record<string, number> = Object.fromEntries(cluster.workers.map((w) => [w.name, 0]));
		for (const [name, t] of split) {
			console.log(`# split ${name}: ${fmt(t)}`);
			for (const [k, v] of Object.entries(t)) total[k] += v;
		}
		console.log(`# split total: ${fmt(total)}`);
		assert.ok(split.size > 0, 'executions were recorded');
		for (const [k, v] of Object.entries(total)) assert.ok(v > 0, `${k} ran executions`);
	});
});
