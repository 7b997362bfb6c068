/**
 * End-to-end suite: OUR package inside a real n8n 2.41.1.
 *
 * `npm pack` of the built repository (run `npm run build` first; scripts/e2e/run.sh does) is
 * unpacked into a throwaway n8n user folder exactly as n8n installs a community package
 * (test/e2e/n8n.ts, installCommunityPackage), n8n is started ONCE (headless, 127.0.0.1, free
 * port, no calls home), and every check drives it through its REST / public API and its
 * production webhook URL, counting on the in-process fake vendor servers (test/fakes).
 *
 * A node:test file (jest skips it: not *.test.ts). Run: bash scripts/e2e/run.sh
 * (= install n8n if needed, build, then <node24> -r ./scripts/ts-register.js this file).
 * Tests run in order and share the instance; each one counts the fake's requests from its own
 * starting point, so one failure does not cascade into the counts of the next.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';

import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot, SOBOT_PREFIX } from '../fakes/sobot';
import { type Credential, type Execution, type N8n, type WorkflowNode, nodeOutput, packPackage, startN8n } from './n8n';
import { assertSuccess, chain, executionsOf, ms, node, PKG, sleep, T } from './workflows';

const REPO = resolve(__dirname, '..', '..');

let n8n: N8n;
let sobot: FakeSobot;
let bangwo8: FakeBangwo8;
let tarball = '';

// ------------------------------------------------------------------------------------- helpers

const MANUAL: WorkflowNode = {
	name: 'Manual',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

async function manualWorkflow(name: string, nodes: WorkflowNode[]) {
	const all = [MANUAL, ...nodes];
	return await n8n.createWorkflow({ name, nodes: all, connections: chain(all) });
}

async function sobotCredential(name: string, overrides: Record<string, unknown> = {}): Promise<Credential> {
	return await n8n.createCredential({
		name,
		type: 'sobotApi',
		data: { dataCenter: 'custom', customUrl: sobot.origin, appId: sobot.appId, appSecretKey: sobot.appKey, ...overrides },
	});
}

async function bangwo8OAuth2Credential(name: string, overrides: Record<string, unknown> = {}): Promise<Credential> {
	return await n8n.createCredential({
		name,
		type: 'bangwo8OAuth2Api',
		data: { baseUrl: `${bangwo8.origin}/api/v1`, clientId: bangwo8.clientId, clientSecret: bangwo8.clientSecret, ...overrides },
	});
}

async function bangwo8BasicCredential(name: string, overrides: Record<string, unknown> = {}): Promise<Credential> {
	return await n8n.createCredential({
		name,
		type: 'bangwo8BasicAuthApi',
		data: { baseUrl: `${bangwo8.origin}/api/v1`, account: bangwo8.account, password: bangwo8.password, ...overrides },
	});
}

/** What the editor asks for when it opens a dropdown (POST /rest/dynamic-node-parameters/options). */
async function editorOptions(type: string, methodName: string, path: string, currentNodeParameters: Record<string, unknown>, credentials: Record<string, Credential>) {
	return await n8n.rest<Array<{ name: string; value: string }>>('POST', '/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: type, version: 1 },
		methodName,
		path,
		currentNodeParameters,
		credentials: Object.fromEntries(Object.entries(credentials).map(([k, c]) => [k, { id: c.id, name: c.name }])),
	});
}

/** A CRM push as seed 002 section 4 shows it (values as strings, like the sample). */
function crmPush(entries: Array<{ userid: string; msg_type: string; user_name: string }>) {
	return {
		sys_code: '50',
		type: 'crm',
		content: entries.map((e) => ({
			...e,
			companyid: 'e93d39fe311b4cf2a6ccd69cafaf256f',
			crm_status: '3',
			status: '8',
			user_tels: '13900000001',
			create_datetime: '1631821183',
			update_datetime: '1631821183',
			liable_agent_name: '刘丹',
		})),
	};
}

// --------------------------------------------------------------------------------------- suite

describe(`${PKG} inside n8n`, { timeout: 20 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Sobot', 'Sobot.node.js')), 'dist/ missing: run npm run build first');
		let t0 = performance.now();
		tarball = packPackage(REPO);
		console.log(`# npm pack: ${tarball} in ${ms(t0)}`);
		sobot = new FakeSobot({ appId: 'e2e-app', appKey: 'e2e-app-key' });
		bangwo8 = new FakeBangwo8({ account: 'e2e-acct', password: 'e2e-pw', clientId: 'e2e-cid', clientSecret: 'e2e-csecret' });
		await sobot.start();
		await bangwo8.start();
		t0 = performance.now();
		n8n = await startN8n({ packageTarball: tarball });
		console.log(
			`# n8n ${n8n.install.n8nVersion} (node ${n8n.install.nodeVersion}) at ${n8n.baseUrl}: ready in ${n8n.timings.readyMs} ms, ` +
				`owner+API key in ${n8n.timings.setupMs} ms, startN8n ${ms(t0)}; fakes: sobot ${sobot.origin}, bangwo8 ${bangwo8.origin}`,
		);
	});

	const failed: string[] = [];
	afterEach((t) => {
		// `passed` exists at run time in Node 24 but not yet in @types/node 24.19
		if ((t as unknown as { passed?: boolean }).passed === false) failed.push(t.name);
	});

	after(async () => {
		if (failed.length > 0 && n8n && process.env.N8N_E2E_VERBOSE !== '1') {
			// What n8n said while the failing tests ran (the log goes away with its user folder).
			const tail = n8n.logs().split('\n').filter((l) => !/Python task runner|virtual environment/.test(l)).slice(-80);
			console.log(`# ${failed.length} failed (${failed.join('; ')}); n8n log tail:\n# ${tail.join('\n# ')}`);
		}
		await n8n?.stop();
		await sobot?.stop();
		await bangwo8?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	// ------------------------------------------------------------------------- installation

	test('the npm pack tarball holds the built package only, installed where n8n loads community packages', () => {
		const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
		assert.equal(list.status, 0, list.stderr);
		const files = list.stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
		for (const f of ['package.json', 'dist/nodes/Sobot/Sobot.node.js', 'dist/nodes/SobotTrigger/SobotTrigger.node.js',
			'dist/nodes/Bangwo8/Bangwo8.node.js', 'dist/nodes/Bangwo8Trigger/Bangwo8Trigger.node.js',
			'dist/credentials/SobotApi.credentials.js', 'dist/nodes/Sobot/sobot.svg']) {
			assert.ok(files.includes(f), `${f} in tarball`);
		}
		const stray = files.filter((f) => /^(test|nodes|credentials|scripts|bench)\//.test(f) || /\.ts$/.test(f) && !/\.d\.ts$/.test(f));
		assert.deepEqual(stray, [], 'no sources or tests in the tarball');
		const dir = join(n8n.userFolder, '.n8n', 'nodes');
		const installed = JSON.parse(readFileSync(join(dir, 'node_modules', PKG, 'package.json'), 'utf8'));
		assert.equal(installed.dependencies, undefined, 'no runtime dependencies to install');
		assert.deepEqual(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies, { [PKG]: installed.version });
	});

	test('n8n registers our six nodes and six credential types', async () => {
		const types = (await n8n.nodeTypes()).map((t) => t.name);
		for (const t of [...Object.values(T), `${PKG}.sobotEventTrigger`]) assert.ok(types.includes(t), `node type ${t} loaded`);
		const creds = (await n8n.credentialTypes()).map((t) => t.name);
		for (const c of ['sobotApi', 'bangwo8OAuth2Api', 'bangwo8BasicAuthApi', 'sobotTriggerHeaderAuthApi', 'sobotTriggerBasicAuthApi', 'sobotPushSignatureApi']) {
			assert.ok(creds.includes(c), `credential type ${c} loaded`);
		}
		assert.doesNotMatch(n8n.logs(), /n8n-nodes-bangwo8-sobot[^\n]*(error|failed)/i, 'no load error for our package in the log');
	});

	// ------------------------------------------------------------------- credential tests (UI)

	test('sobotApi credential test as the UI runs it: good secret OK, wrong key / wrong app ID / wrong URL Error', async () => {
		const before = sobot.tokenRequests;
		const good = await sobotCredential('Sobot (test good)');
		assert.deepEqual(await n8n.testCredential(good), { status: 'OK', message: 'Connection successful!' });
		assert.equal(sobot.tokenRequests - before, 1, 'the test asked get_token with the App ID and key');

		const wrongKey = await n8n.testCredential(await sobotCredential('Sobot (test wrong key)', { appSecretKey: 'not-the-key' }));
		console.log(`# sobotApi wrong app key -> ${JSON.stringify(wrongKey)}`);
		assert.equal(wrongKey.status, 'Error');
		assert.match(wrongKey.message, /900003/);
		assert.doesNotMatch(wrongKey.message, /not-the-key/, 'the app key is not echoed');

		const wrongApp = await n8n.testCredential(await sobotCredential('Sobot (test wrong app)', { appId: 'nobody' }));
		console.log(`# sobotApi wrong app ID -> ${JSON.stringify(wrongApp)}`);
		assert.equal(wrongApp.status, 'Error');
		assert.match(wrongApp.message, /900004/);

		const noServer = await n8n.testCredential(await sobotCredential('Sobot (test no server)', { customUrl: 'http://127.0.0.1:1' }));
		console.log(`# sobotApi unreachable URL -> ${JSON.stringify(noServer)}`);
		assert.equal(noServer.status, 'Error');
		console.log(`# get_token calls made by the four tests: ${sobot.tokenRequests - before}`);
	});

	test('bangwo8BasicAuthApi credential test: good account OK, wrong password Error', async () => {
		const good = await n8n.testCredential(await bangwo8BasicCredential('Bangwo8 Basic (test good)'));
		assert.deepEqual(good, { status: 'OK', message: 'Connection successful!' });
		const bad = await n8n.testCredential(await bangwo8BasicCredential('Bangwo8 Basic (test bad)', { password: 'wrong-pw' }));
		console.log(`# bangwo8BasicAuthApi wrong password -> ${JSON.stringify(bad)}`);
		assert.deepEqual(bad, { status: 'Error', message: 'Bangwo8 refused the main account name or password (HTTP 401)' });
		const wrongUrl = await n8n.testCredential(
			await bangwo8BasicCredential('Bangwo8 Basic (wrong URL)', { baseUrl: `${bangwo8.origin}/api/v2` }),
		);
		console.log(`# bangwo8BasicAuthApi wrong base URL -> ${JSON.stringify(wrongUrl)}`);
		assert.equal(wrongUrl.status, 'Error');
	});

	test('bangwo8OAuth2Api (client credentials) credential test: good secret OK, wrong secret Error', async () => {
		const tokensBefore = bangwo8.tokenRequests;
		const good = await n8n.testCredential(await bangwo8OAuth2Credential('Bangwo8 OAuth2 (test good)'));
		console.log(`# bangwo8OAuth2Api good secret -> ${JSON.stringify(good)} (token requests: ${bangwo8.tokenRequests - tokensBefore})`);
		assert.equal(good.status, 'OK', good.message);
		const goodCred = await bangwo8OAuth2Credential('Bangwo8 OAuth2 (test good, stored?)');
		assert.equal((await n8n.testCredential(goodCred)).status, 'OK');
		const stored = await n8n.rest<{ data?: Record<string, unknown> }>('GET', `/credentials/${goodCred.id}?includeData=true`);
		console.log(`# after a successful test the credential holds oauthTokenData: ${stored.data?.oauthTokenData !== undefined}`);
		const bad = await n8n.testCredential(await bangwo8OAuth2Credential('Bangwo8 OAuth2 (test bad)', { clientSecret: 'wrong-secret' }));
		console.log(`# bangwo8OAuth2Api wrong secret -> ${JSON.stringify(bad)} (token requests so far: ${bangwo8.tokenRequests - tokensBefore})`);
		assert.equal(bad.status, 'Error');
		assert.doesNotMatch(bad.message, /wrong-secret/);
	});

	test('Sobot Trigger header-auth credential test (testedBy the node): complete OK, bad header name Error', async () => {
		const good = await n8n.createCredential({ name: 'Push header', type: 'sobotTriggerHeaderAuthApi', data: { headerName: 'X-Sobot-Token', headerSecret: 'abc' } });
		assert.equal((await n8n.testCredential(good)).status, 'OK');
		const bad = await n8n.createCredential({ name: 'Push header bad', type: 'sobotTriggerHeaderAuthApi', data: { headerName: 'not a header', headerSecret: 'abc' } });
		const r = await n8n.testCredential(bad);
		assert.equal(r.status, 'Error');
		assert.match(r.message, /Header Name/);
	});

	test('Sobot push signature credential test (testedBy the Sobot Event Trigger): complete OK, empty Company ID Error', async () => {
		const good = await n8n.createCredential({ name: 'Push signature', type: 'sobotPushSignatureApi', data: { companyId: 'e93d39fe311b4cf2', forwardingSecret: 'k3y' } });
		assert.equal((await n8n.testCredential(good)).status, 'OK');
		const bad = await n8n.createCredential({ name: 'Push signature bad', type: 'sobotPushSignatureApi', data: { companyId: ' ', forwardingSecret: 'k3y' } });
		const r = await n8n.testCredential(bad);
		assert.equal(r.status, 'Error');
		assert.match(r.message, /Company ID/);
	});

	// ------------------------------------------------------------------------------ Sobot

	describe('Sobot node (one credential, token kept by n8n)', () => {
		let cred: Credential;
		let stagesWorkflow = '';
		const STAGE_PATH = `${SOBOT_PREFIX}/user_stage/query_list_by_type`;

		before(async () => {
			cred = await sobotCredential('Sobot');
			const wf = await manualWorkflow('Sobot stages', [
				node('Stages', T.sobot, 220, { resource: 'stage', operation: 'getMany', returnAll: true }, { sobotApi: cred }),
			]);
			stagesWorkflow = wf.id;
		});

		test('three manual runs of stage getMany fetch the token once', async () => {
			const tokens = sobot.tokenRequests;
			const calls = sobot.requestsTo('GET', STAGE_PATH).length;
			for (let i = 0; i < 3; i++) {
				const t0 = performance.now();
				const ex = await n8n.runWorkflow(stagesWorkflow);
				console.log(`# manual run ${i + 1}: ${ms(t0)}`);
				assertSuccess(ex);
				const out = nodeOutput(ex, 'Stages');
				assert.deepEqual(out.map((s) => s.name), sobot.stages.map((s) => s.name));
			}
			assert.equal(sobot.tokenRequests - tokens, 1, 'get_token called exactly once for three executions');
			const stageCalls = sobot.requestsTo('GET', STAGE_PATH).slice(calls);
			// The new credential has no token: the first execution claims the renewal with one stage
			// call sent with an empty token (Sobot refuses it), then fetches the token.
			assert.equal(stageCalls.filter((r) => !r.headers['token']).length, 1, 'one claim carrier');
			const sent = stageCalls.filter((r) => r.headers['token']).map((r) => r.headers['token']);
			assert.equal(sent.length, 3, 'one stage call with a token per execution');
			assert.equal(new Set(sent).size, 1, 'the three executions sent the same stored token');
			assert.equal(sent[0], sobot.currentToken);
		});

		test('a 900002 (token invalidated) is recovered with exactly one new token, and the new one is kept', async () => {
			sobot.expireToken();
			const tokens = sobot.tokenRequests;
			const calls = sobot.requestsTo('GET', STAGE_PATH).length;
			const ex = await n8n.runWorkflow(stagesWorkflow);
			assertSuccess(ex);
			assert.equal(nodeOutput(ex, 'Stages').length, sobot.stages.length);
			assert.equal(sobot.tokenRequests - tokens, 1, 'one new token');
			const withToken = sobot.requestsTo('GET', STAGE_PATH).slice(calls).filter((r) => r.headers['token']);
			assert.equal(withToken.length, 2, 'the refused call and its retry with the new token');
			assert.equal(withToken[1].headers['token'], sobot.currentToken);
			// the refreshed token was stored in the credential: the next execution fetches none
			const ex2 = await n8n.runWorkflow(stagesWorkflow);
			assertSuccess(ex2);
			assert.equal(sobot.tokenRequests - tokens, 1, 'no further token for the next execution');
		});

		test('re-testing the credential in the UI while a workflow uses it: the next execution still works', async () => {
			const tokens = sobot.tokenRequests;
			assert.equal((await n8n.testCredential(cred)).status, 'OK');
			const byTest = sobot.tokenRequests - tokens;
			const calls = sobot.requestsTo('GET', STAGE_PATH).length;
			const ex = await n8n.runWorkflow(stagesWorkflow);
			assertSuccess(ex);
			const byRun = sobot.tokenRequests - tokens - byTest;
			console.log(`# credential re-test: ${byTest} get_token call(s); next execution: ${byRun} more, ${sobot.requestsTo('GET', STAGE_PATH).length - calls} stage call(s)`);
			// The test asks get_token (the App ID and key as they are), which kills the stored token:
			// the next execution renews once.
			assert.equal(byTest, 1);
			assert.equal(byRun, 1, 'one renewal after the test replaced the token');
		});

		test('the credential Test tells the truth: OK after the stored token expired, Error after the App ID was changed and saved', async () => {
			const tokens = sobot.tokenRequests;
			sobot.expireToken(); // e.g. 24 h unused, or another system took a token
			assert.deepEqual(await n8n.testCredential(cred), { status: 'OK', message: 'Connection successful!' });

			// The user changes the App ID to a wrong one in the editor and saves; the stored token
			// (hidden, kept by n8n) would still work, but belongs to the old App ID.
			const loaded = (await n8n.rest<{ data: Record<string, unknown> }>('GET', `/credentials/${cred.id}?includeData=true`)).data;
			await n8n.rest('PATCH', `/credentials/${cred.id}`, { name: cred.name, type: cred.type, data: { ...loaded, appId: 'not-our-app' } });
			const wrong = await n8n.testCredential(cred);
			console.log(`# credential Test after the App ID was changed -> ${JSON.stringify(wrong)}`);
			assert.equal(wrong.status, 'Error');
			assert.match(wrong.message, /^Sobot 900004/);
			const failing = await n8n.runWorkflow(stagesWorkflow);
			assert.match(JSON.stringify(failing.data?.resultData?.error ?? failing), /900004/, 'a workflow with the wrong App ID says so too');

			// Put back: the Test says OK and workflows recover from the tokens the Tests took.
			const again = (await n8n.rest<{ data: Record<string, unknown> }>('GET', `/credentials/${cred.id}?includeData=true`)).data;
			await n8n.rest('PATCH', `/credentials/${cred.id}`, { name: cred.name, type: cred.type, data: { ...again, appId: sobot.appId } });
			assert.equal((await n8n.testCredential(cred)).status, 'OK');
			assertSuccess(await n8n.runWorkflow(stagesWorkflow));
			console.log(`# get_token calls for the three Tests and two runs: ${sobot.tokenRequests - tokens}`);
		});

		test('another client taking a new token for the same App ID: the next execution renews once and succeeds', async () => {
			sobot.issueToken(); // e.g. a script or another n8n instance calling get_token
			const tokens = sobot.tokenRequests;
			const ex = await n8n.runWorkflow(stagesWorkflow);
			assertSuccess(ex);
			assert.equal(sobot.tokenRequests - tokens, 1);
		});

		test('8 executions started together by a webhook right after the token expired: all succeed, three rounds', async () => {
			const webhookId = 'e2e-sobot-burst';
			const wf = await n8n.createWorkflow({
				name: 'Sobot burst',
				nodes: [
					{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId,
						parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', options: {} } },
					node('Stages', T.sobot, 220, { resource: 'stage', operation: 'getMany', returnAll: true }, { sobotApi: cred }),
				],
				connections: { Webhook: { main: [[{ node: 'Stages', type: 'main', index: 0 }]] } },
			});
			await n8n.activateWorkflow(wf.id);
			sobot.tokenLatencyMs = 150; // a token request takes as long as from a server far from Sobot
			try {
				for (let round = 1; round <= 3; round++) {
					sobot.expireToken();
					const tokens = sobot.tokenRequests;
					const t0 = performance.now();
					const answers = await Promise.all(Array.from({ length: 8 }, async () => await n8n.callWebhook(webhookId, { body: {} })));
					const ok = answers.filter((a) => a.status === 200 && JSON.stringify(a.body).includes(sobot.stages[0].name)).length;
					console.log(`# burst round ${round}: ${ok}/8 succeeded, ${sobot.tokenRequests - tokens} get_token request(s), ${ms(t0)}`);
					assert.equal(ok, 8, JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.body)).slice(0, 1500));
					// About one: the election is timing-based, two winners cost one extra token.
					assert.ok(sobot.tokenRequests - tokens <= 2, 'about one token for the whole burst');
				}
				const executions = await executionsOf(n8n, wf.id, 24);
				assert.equal(executions.filter((e) => e.status === 'success').length, 24, 'every execution succeeded');

				// An outage of get_token (four 502s, more than one renewal's retries) during a burst:
				// the execution that met it fails, the others renew again and succeed.
				sobot.expireToken();
				sobot.failNextTokenHttp(4, 502);
				const tokens = sobot.tokenRequests;
				const answers = await Promise.all(Array.from({ length: 8 }, async () => await n8n.callWebhook(webhookId, { body: {} })));
				const ok = answers.filter((a) => a.status === 200 && JSON.stringify(a.body).includes(sobot.stages[0].name)).length;
				console.log(`# burst during a get_token outage of four 502s: ${ok}/8 succeeded, ${sobot.tokenRequests - tokens} get_token request(s)`);
				assert.ok(ok >= 7, `at least 7 of 8 succeed (got ${ok})`);
			} finally {
				sobot.tokenLatencyMs = 0;
				await n8n.deactivateWorkflow(wf.id);
			}
		});

		test('`n8n execute` (CLI, a second process on the same database) runs it with the stored token', async () => {
			const tokens = sobot.tokenRequests;
			const t0 = performance.now();
			const ex = await n8n.executeWorkflowCli(stagesWorkflow);
			console.log(`# n8n execute --id: ${ms(t0)}`);
			assertSuccess(ex);
			assert.deepEqual(nodeOutput(ex, 'Stages').map((s) => s.id), sobot.stages.map((s) => s.id));
			assert.equal(sobot.tokenRequests - tokens, 0, 'no token fetched: the one stored by the server is used');
		});

		test('write + paginated read: label group create, then customer getMany (Return All) over 250 customers in 3 calls', async () => {
			sobot.seedCustomers(250);
			const groupsBefore = sobot.labelGroups.size;
			const listPath = `${SOBOT_PREFIX}/user/list_by_page`;
			const lists = sobot.requestsTo('GET', listPath).length;
			const wf = await manualWorkflow('Sobot write and read', [
				node('Create Group', T.sobot, 220, {
					resource: 'labelGroup', operation: 'create', name: 'E2E 标签组',
					additionalFields: { is_multiple_choice: true, color_value: '#345454' },
				}, { sobotApi: cred }),
				node('All Customers', T.sobot, 440, { resource: 'customer', operation: 'getMany', returnAll: true }, { sobotApi: cred }),
			]);
			const ex = await n8n.runWorkflow(wf.id);
			assertSuccess(ex);
			const [created] = nodeOutput(ex, 'Create Group');
			assert.equal(sobot.labelGroups.size, groupsBefore + 1);
			const stored = sobot.labelGroups.get(String(created.id));
			assert.ok(stored, `created group ${String(created.id)} exists on the server`);
			assert.equal(stored.name, 'E2E 标签组');
			assert.equal(stored.is_multiple_choice, 1);
			assert.equal(stored.color_value, '#345454');
			const customers = nodeOutput(ex, 'All Customers');
			assert.equal(customers.length, 250);
			assert.equal(new Set(customers.map((c) => c.id)).size, 250, 'no customer twice');
			const pages = sobot.requestsTo('GET', listPath).slice(lists);
			assert.equal(pages.length, 3);
			assert.deepEqual(pages.map((p) => [p.query['page_no'], p.query['page_size']]), [['1', '100'], ['2', '100'], ['3', '100']]);
		});

		test('Simplify: a node of version 1.1 (what the editor adds now) simplifies by default, version 1 gives the raw answer', async () => {
			const customer = sobot.addCustomer({ nick: 'E2E 简化', crm_status: 3, sex: 2 });
			const get = { resource: 'customer', operation: 'get', customerId: customer.id };
			const wf = await manualWorkflow('Sobot Simplify by version', [
				{ ...node('Get v1.1', T.sobot, 220, get, { sobotApi: cred }), typeVersion: 1.1 },
				node('Get v1', T.sobot, 440, get, { sobotApi: cred }),
			]);
			const ex = await n8n.runWorkflow(wf.id);
			assertSuccess(ex);
			const [simplified] = nodeOutput(ex, 'Get v1.1');
			const [raw] = nodeOutput(ex, 'Get v1');
			assert.equal(simplified.crmStatus, 'Following Up');
			assert.equal(simplified.sex, 'Female');
			assert.match(String(simplified.createTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/);
			assert.equal(raw.crmStatus, '3');
			assert.match(String(raw.createTime), /^\d{10}$/);
		});

		test('editor dropdowns (loadOptions over REST) use the stored token: stages and label groups', async () => {
			const tokens = sobot.tokenRequests;
			const stages = await editorOptions(T.sobot, 'getStages', 'filters.stageid',
				{ resource: 'customer', operation: 'getMany', returnAll: true, filters: {} }, { sobotApi: cred });
			assert.deepEqual(stages.map((o) => o.name), sobot.stages.map((st) => st.name));
			const groups = await editorOptions(T.sobot, 'getLabelGroups', 'labelGroupId',
				{ resource: 'labelGroup', operation: 'delete' }, { sobotApi: cred });
			assert.ok(groups.some((g) => g.name === 'E2E 标签组'), 'the group created above is listed');
			assert.equal(sobot.tokenRequests - tokens, 0);
		});

		test('a Sobot error reaches the execution as the node error, naming the vendor code and no secret', async () => {
			sobot.failNextWithRetCode(1, '999999');
			const ex = await n8n.runWorkflow(stagesWorkflow);
			assert.equal(ex.status, 'error');
			const message = JSON.stringify(ex.data?.resultData.error ?? {});
			assert.match(message, /999999/);
			assert.doesNotMatch(message, new RegExp(sobot.appKey));
			assert.doesNotMatch(message, new RegExp(sobot.currentToken ?? 'no-token'));
		});

		test('a Sobot that accepts requests and never answers: the execution ends within the time-out and its retries', async () => {
			const wf = await manualWorkflow('Sobot hung', [
				node('Stages', T.sobot, 220, { resource: 'stage', operation: 'getMany', returnAll: true, requestTimeout: 1 }, { sobotApi: cred }),
			]);
			sobot.delayNext(10, 120_000);
			const t0 = performance.now();
			try {
				const ex = await n8n.runWorkflow(wf.id, { timeoutMs: 60_000 });
				const took = performance.now() - t0;
				console.log(`# hung server: execution ${ex.status} after ${Math.round(took)} ms`);
				assert.equal(ex.status, 'error');
				assert.match(JSON.stringify(ex.data?.resultData.error ?? {}), /no answer in time/);
				assert.ok(took < 15_000, 'four attempts of 1 s plus backoff');
			} finally {
				sobot.clearFaults();
			}
		});

		test('resource locators: a workflow saved with the old plain values (text ID, dropdown ID, pre-1.0 JSON) still runs; locator values and the list search too', async () => {
			const customer = sobot.addCustomer({ uname: 'E2E 定位', tel: '13700001111' });
			const stage = sobot.stages[1];
			const agent = sobot.agents[0];
			const group = sobot.addLabelGroup({ name: 'E2E 定位组' });
			const wf = await manualWorkflow('Sobot saved before locators', [
				// As saved while these were a text field and dropdowns: plain strings.
				node('Stage (old values)', T.sobot, 220, {
					resource: 'customer', operation: 'setStage', customerId: customer.id,
					stage: JSON.stringify({ id: stage.id, name: 'a stale name' }), stage_type: 1,
				}, { sobotApi: cred }),
				node('Update (old values)', T.sobot, 440, {
					resource: 'customer', operation: 'update', customerId: `={{ "${customer.id}" }}`, updateFields: { agent: agent.id, remark: 'r' },
				}, { sobotApi: cred }),
				node('Label (old value)', T.sobot, 660, { resource: 'label', operation: 'create', name: 'E2E 定位标签', labelGroupId: group.id }, { sobotApi: cred }),
				// As the editor saves them now.
				node('Get (locator)', T.sobot, 880, {
					resource: 'customer', operation: 'get',
					customerId: { __rl: true, mode: 'list', value: customer.id, cachedResultName: 'E2E 定位 (13700001111)' },
				}, { sobotApi: cred }),
				node('Stage (locator)', T.sobot, 1100, {
					resource: 'customer', operation: 'setStage', customerId: { __rl: true, mode: 'id', value: customer.id },
					stage: { __rl: true, mode: 'id', value: sobot.stages[2].id }, stage_type: 1,
				}, { sobotApi: cred }),
			]);
			const ex = await n8n.runWorkflow(wf.id);
			assertSuccess(ex);
			assert.equal(nodeOutput(ex, 'Stage (old values)')[0].stage_name, stage.name, 'stage name looked up for the old JSON value');
			assert.equal(nodeOutput(ex, 'Get (locator)')[0].id, customer.id);
			assert.equal(nodeOutput(ex, 'Label (old value)')[0].groupid, group.id);
			const stored = sobot.customers.get(customer.id);
			assert.equal(stored?.liable_serviceid, agent.id);
			assert.equal(stored?.liable_service_name, agent.name);
			assert.equal(stored?.stageid, sobot.stages[2].id, 'the locator stage was set last');
			const found = await n8n.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: T.sobot, version: 1 }, path: 'customerId', methodName: 'searchCustomers', filter: '1370000',
				currentNodeParameters: { resource: 'customer', operation: 'get' }, credentials: { sobotApi: { id: cred.id, name: cred.name } },
			});
			assert.deepEqual(found.results, [{ name: 'E2E 定位 (13700001111)', value: customer.id }]);
		});
	});

	// ------------------------------------------------------------------------ Sobot tickets
	describe('Sobot tickets (push -> ticket)', () => {
		test('new SCRM customer (Sobot Trigger push) -> Sobot ticket created for it, in an active workflow', async () => {
			const types = (await n8n.nodeTypes()).map((t) => t.name);
			assert.ok(types.includes(`${PKG}.sobotTicketTrigger`), 'node type sobotTicketTrigger loaded');
			const cred = await sobotCredential('Sobot (tickets)');
			const webhookId = 'e2e-sobot-push-ticket';
			const leafType = 'a1000000000000000000000000000002'; // 咨询 in the fake's type tree
			const wf = await n8n.createWorkflow({
				name: 'Sobot push -> ticket',
				nodes: [
					{ ...node('Sobot Trigger', T.sobotTrigger, 0, { authentication: 'none', events: ['customerSaved'], simplify: false }), webhookId },
					node('Ticket', T.sobot, 220, {
						resource: 'ticket',
						operation: 'createForCustomer',
						userid: '={{ $json.userid }}',
						ticket_title: '={{ "Welcome call for " + $json.user_name }}',
						ticket_content: '={{ "New customer, phone " + $json.user_tels }}',
						ticketTypeId: leafType,
						additionalFields: { user_tels: '={{ $json.user_tels }}' },
					}, { sobotApi: cred }),
				],
				connections: { 'Sobot Trigger': { main: [[{ node: 'Ticket', type: 'main', index: 0 }]] } },
			});
			await n8n.activateWorkflow(wf.id);
			const userid = 'b7a0e6c1d2f34a5b8c9d0e1f2a3b4c5d';
			const ok = await n8n.callWebhook(`${webhookId}/webhook`, { body: crmPush([{ userid, msg_type: '0', user_name: '赵静' }]) });
			assert.equal(ok.status, 200, JSON.stringify(ok.body));
			const [first] = await executionsOf(n8n, wf.id, 1);
			assert.ok(first, 'an execution was started');
			const ex = await n8n.waitForExecution(first.id);
			assertSuccess(ex);
			const [item] = nodeOutput(ex, 'Ticket');
			const stored = [...sobot.tickets.values()].filter((t) => t.userid === userid);
			assert.equal(stored.length, 1, 'exactly one ticket for the pushed customer');
			assert.equal(item.ticketid, stored[0].ticketid);
			assert.equal(stored[0].ticket_title, 'Welcome call for 赵静');
			assert.equal(stored[0].user_tels, '13900000001');
			assert.equal(stored[0].ticket_typeid, leafType);
			const creates = sobot.requestsTo('POST', '/api/ws/5/ticket/save_user_ticket');
			assert.equal(creates.length, 1);
			assert.ok(creates[0].headers.token, 'the ticket call carries the token header');
			await n8n.deactivateWorkflow(wf.id);
		});
	});

	// ------------------------------------------------------------------------------ Bangwo8

	describe('Bangwo8 node', () => {
		before(() => {
			bangwo8.seedUsers(250);
		});

		test('a garbled page 2 (truncated JSON) fails the execution instead of returning page 1 alone', async () => {
			const cred = await bangwo8BasicCredential('Bangwo8 garbled');
			const wf = await manualWorkflow('Bangwo8 garbled page', [
				node('All Contacts', T.bangwo8, 220, {
					authentication: 'basicAuth', resource: 'contact', operation: 'getMany', returnAll: true, parallelRequests: 1,
				}, { bangwo8BasicAuthApi: cred }),
			]);
			bangwo8.delayNext(1, 0); // page 1 answered normally
			bangwo8.failNext(1, { status: 200, raw: '{"users":[{"cId":"1","name":"半', headers: { 'Content-Type': 'application/json' } });
			const ex = await n8n.runWorkflow(wf.id);
			const error = JSON.stringify(ex.data?.resultData.error ?? {});
			console.log(`# garbled page 2: execution ${ex.status}; ${error.slice(0, 160)}`);
			assert.equal(ex.status, 'error', 'no silent partial list');
			assert.match(error, /users\.json answer for page 2 is not a list of users/);
		});

		for (const mode of ['oAuth2', 'basicAuth'] as const) {
			test(`${mode}: contact create, then contact getMany (Return All) in 3 pages`, async () => {
				const cred = mode === 'oAuth2' ? await bangwo8OAuth2Credential('Bangwo8 OAuth2') : await bangwo8BasicCredential('Bangwo8 Basic');
				const credKey = mode === 'oAuth2' ? 'bangwo8OAuth2Api' : 'bangwo8BasicAuthApi';
				const name = `E2E ${mode} 联系人`;
				const wf = await manualWorkflow(`Bangwo8 ${mode}`, [
					node('Create Contact', T.bangwo8, 220, {
						authentication: mode, resource: 'contact', operation: 'create', name,
						additionalFields: { mobile: mode === 'oAuth2' ? '13811112222' : '13833334444', email: `${mode}@example.com` },
					}, { [credKey]: cred }),
					node('All Contacts', T.bangwo8, 440, { authentication: mode, resource: 'contact', operation: 'getMany', returnAll: true }, { [credKey]: cred }),
				]);
				const usersBefore = bangwo8.users.size;
				const tokens = bangwo8.tokenRequests;
				const from = bangwo8.requests.length;
				const t0 = performance.now();
				const ex = await n8n.runWorkflow(wf.id);
				console.log(`# Bangwo8 ${mode} run: ${ms(t0)}`);
				assertSuccess(ex);
				const reqs = bangwo8.requests.slice(from);

				const [created] = nodeOutput(ex, 'Create Contact');
				assert.equal(bangwo8.users.size, usersBefore + 1);
				const stored = [...bangwo8.users.values()].find((u) => u.name === name);
				assert.ok(stored, 'contact created on the server');
				console.log(`# Bangwo8 ${mode} create output: ${JSON.stringify(created).slice(0, 300)}`);
				assert.equal(String(created.id), stored.cId, 'the output carries the new contact id');
				const creates = reqs.filter((r) => r.method === 'POST' && r.path === '/api/v1/users.json');
				assert.equal(creates.length, 1);
				assert.ok(creates[0].headers['requestid'], 'create sent a Requestid');

				const contacts = nodeOutput(ex, 'All Contacts');
				assert.equal(contacts.length, bangwo8.users.size);
				const pages = reqs.filter((r) => r.method === 'GET' && r.path === '/api/v1/users.json');
				assert.equal(pages.length, 3, `pages: ${pages.map((p) => p.search).join(' ')}`);

				const auth = reqs.filter((r) => r.path.startsWith('/api/v1/')).map((r) => (r.headers['authorization'] ?? '').split(' ')[0]);
				if (mode === 'oAuth2') {
					assert.deepEqual([...new Set(auth)], ['Bearer']);
					assert.equal(bangwo8.tokenRequests - tokens, 1, 'one client-credentials token for the execution');
				} else {
					assert.deepEqual([...new Set(auth)], ['Basic']);
					assert.equal(bangwo8.tokenRequests - tokens, 0);
				}

				if (mode === 'oAuth2') {
					// n8n stored the token: a second execution asks for none
					const again = await n8n.runWorkflow(wf.id);
					assertSuccess(again);
					assert.equal(bangwo8.tokenRequests - tokens, 1, 'token reused by the next execution');
				}
			});
		}

		test('OAuth2: an expired bearer (401) makes n8n fetch a new token once and the run succeeds', async () => {
			const cred = await bangwo8OAuth2Credential('Bangwo8 OAuth2 (expiry)');
			const wf = await manualWorkflow('Bangwo8 OAuth2 expiry', [
				node('Contacts', T.bangwo8, 220, { authentication: 'oAuth2', resource: 'contact', operation: 'getMany', returnAll: false, limit: 5 }, { bangwo8OAuth2Api: cred }),
			]);
			assertSuccess(await n8n.runWorkflow(wf.id));
			bangwo8.expireTokens();
			const tokens = bangwo8.tokenRequests;
			const ex = await n8n.runWorkflow(wf.id);
			assertSuccess(ex);
			assert.equal(nodeOutput(ex, 'Contacts').length, 5);
			assert.equal(bangwo8.tokenRequests - tokens, 1);
		});

		test('editor dropdowns: customer groups (loadOptions) and the company resource locator search', async () => {
			bangwo8.addCustomerGroup({ groupName: 'E2E 客户组' });
			bangwo8.seedCompanies(3);
			const target = bangwo8.addCompany({ companyName: 'E2E 查找公司' });
			const cred = await bangwo8BasicCredential('Bangwo8 Basic (editor)');
			const base = { authentication: 'basicAuth', resource: 'contact', operation: 'create', name: 'x', additionalFields: {} };
			const groups = await editorOptions(T.bangwo8, 'getCustomerGroups', 'customerGroupId', base, { bangwo8BasicAuthApi: cred });
			assert.ok(groups.some((g) => g.name === 'E2E 客户组'), JSON.stringify(groups).slice(0, 300));
			const found = await n8n.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: T.bangwo8, version: 1 }, path: 'additionalFields.companyId', methodName: 'searchCompanies',
				filter: '查找', currentNodeParameters: base, credentials: { bangwo8BasicAuthApi: { id: cred.id, name: cred.name } },
			});
			assert.deepEqual(found.results, [{ name: 'E2E 查找公司', value: target.uId }]);
		});

		test('Bangwo8 Trigger, manual run ("Fetch test event"): the newest contact', async () => {
			const cred = await bangwo8BasicCredential('Bangwo8 Basic (trigger)');
			const wf = await n8n.createWorkflow({
				name: 'Bangwo8 trigger manual',
				nodes: [node('Bangwo8 Trigger', T.bangwo8Trigger, 0, { authentication: 'basicAuth', event: 'contactCreated' }, { bangwo8BasicAuthApi: cred })],
				connections: {},
			});
			const ex = await n8n.runWorkflow(wf.id, { triggerNodeName: 'Bangwo8 Trigger' });
			assertSuccess(ex);
			const out = nodeOutput(ex, 'Bangwo8 Trigger');
			assert.equal(out.length, 1);
			const newest = [...bangwo8.users.values()].sort((a, b) => (a.createDT < b.createDT ? 1 : a.createDT > b.createDT ? -1 : 0))[0];
			assert.equal(out[0].createDT, newest.createDT);
		});

		test('ticket update with a reply (ticketReply.replyMsg), a named status and an assignee; ticket-field and agent dropdowns', async () => {
			const [ticket] = bangwo8.seedTickets(1);
			const agent = bangwo8.addAgent({ name: 'E2E 客服', email: 'e2e-agent@example.com' });
			const cred = await bangwo8BasicCredential('Bangwo8 Basic (ticket reply)');
			const wf = await manualWorkflow('Bangwo8 ticket reply', [
				node('Reply', T.bangwo8, 220, {
					authentication: 'basicAuth', resource: 'ticket', operation: 'update', ticketId: ticket.ticketId,
					updateFields: { replyMsg: 'E2E 您好,问题已处理', ticketStatus: 3, servicerUserId: agent.sId },
				}, { bangwo8BasicAuthApi: cred }),
			]);
			const from = bangwo8.requests.length;
			const ex = await n8n.runWorkflow(wf.id);
			assertSuccess(ex);
			const puts = bangwo8.requests.slice(from).filter((r) => r.method === 'PUT' && r.path === `/api/v1/tickets/${ticket.ticketId}.json`);
			assert.equal(puts.length, 1);
			assert.deepEqual(puts[0].body, { ticket: { ticketReply: { replyMsg: 'E2E 您好,问题已处理' }, ticketStatus: '3', servicerUserId: agent.sId } });
			const stored = bangwo8.tickets.get(ticket.ticketId);
			assert.deepEqual(stored?.ticketReply.map((r) => r.replyMsg).slice(-1), ['E2E 您好,问题已处理']);
			assert.equal(stored?.ticketStatus, '3');
			assert.equal(stored?.servicerUserId, agent.sId);
			assert.deepEqual(nodeOutput(ex, 'Reply'), [{ id: ticket.ticketId, status: '0', message: 'Update ok', data: false }]);

			const base = { authentication: 'basicAuth', resource: 'ticket', operation: 'update', ticketId: ticket.ticketId, updateFields: {} };
			const fields = await editorOptions(T.bangwo8, 'getTicketFields', 'updateFields.customFieldsUi.customFieldValues.key', base, { bangwo8BasicAuthApi: cred });
			assert.deepEqual(fields.map((f) => f.value), ['field_3', 'field_5', 'field_4'], JSON.stringify(fields).slice(0, 300));
			const agents = await editorOptions(T.bangwo8, 'getAgents', 'updateFields.servicerUserId', base, { bangwo8BasicAuthApi: cred });
			assert.ok(agents.some((a) => a.value === agent.sId && a.name === 'E2E 客服 (e2e-agent@example.com)'), JSON.stringify(agents).slice(0, 300));
		});
	});

	describe('Bangwo8 Trigger in an active workflow (polling)', () => {
		test('activation stores the position and emits nothing old; the next poll emits contacts created since', { timeout: 150_000 }, async () => {
			const cred = await bangwo8BasicCredential('Bangwo8 Basic (poll)');
			// n8n refuses polls more often than once a minute; a fixed second ~15 s from now makes
			// the first scheduled poll come soon (activation itself polls once, right away).
			const second = (new Date().getUTCSeconds() + 15) % 60;
			const wf = await n8n.createWorkflow({
				name: 'Bangwo8 poll',
				nodes: [
					node('Bangwo8 Trigger', T.bangwo8Trigger, 0, {
						authentication: 'basicAuth', event: 'contactCreated',
						pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
					}, { bangwo8BasicAuthApi: cred }),
					node('After', 'n8n-nodes-base.noOp', 220, {}),
				],
				connections: { 'Bangwo8 Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
			});
			const listCalls = () => bangwo8.requestsTo('GET', '/api/v1/users.json').length;
			const before = listCalls();
			await n8n.activateWorkflow(wf.id);
			await sleep(1100); // strictly after the stored position (vendor times have whole seconds)
			const activationCalls = listCalls() - before;
			const fresh = [bangwo8.addUser({ name: 'E2E 轮询 A' }), bangwo8.addUser({ name: 'E2E 轮询 B' })];
			assert.equal((await n8n.listExecutions(wf.id)).length, 0, 'activation emitted nothing');
			const t0 = performance.now();
			const [first] = await executionsOf(n8n, wf.id, 1, 80_000);
			assert.ok(first, 'the scheduled poll started an execution');
			console.log(`# poll execution after ${ms(t0)} (list calls at activation: ${activationCalls})`);
			const ex = await n8n.waitForExecution(first.id);
			assertSuccess(ex);
			assert.equal(ex.mode, 'trigger');
			assert.deepEqual(nodeOutput(ex, 'After').map((u) => u.cId), fresh.map((u) => u.cId));
			await n8n.deactivateWorkflow(wf.id);
		});
	});

	// ------------------------------------------------------------------------ Sobot Trigger

	describe('Sobot Trigger in an active workflow (production URL)', () => {
		test('query-secret protection: no secret 401, wrong 403 (no execution); good push -> one item per customer', async () => {
			const secret = 'e2e-push-secret-0123456789';
			const webhookId = 'e2e-sobot-push';
			const wf = await n8n.createWorkflow({
				name: 'Sobot push',
				nodes: [
					{ ...node('Sobot Trigger', T.sobotTrigger, 0, {
						authentication: 'querySecret', secret, events: ['customerMerged', 'customerSaved'], simplify: false,
					}), webhookId },
					node('After', 'n8n-nodes-base.noOp', 220, {}),
				],
				connections: { 'Sobot Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
			});
			const t0 = performance.now();
			await n8n.activateWorkflow(wf.id);
			console.log(`# activation (published) in ${ms(t0)}`);
			const path = `${webhookId}/webhook`;
			const push = crmPush([
				{ userid: 'c9187ee3eb184ea7b297002e1066641d', msg_type: '0', user_name: '王伟' },
				{ userid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', msg_type: '0', user_name: '李娜' },
				{ userid: '0f9e8d7c6b5a49382716a5b4c3d2e1f0', msg_type: '1', user_name: '张敏' },
			]);

			const missing = await n8n.callWebhook(path, { body: push });
			assert.equal(missing.status, 401, JSON.stringify(missing.body));
			const wrong = await n8n.callWebhook(path, { body: push, query: { secret: 'guess' } });
			assert.equal(wrong.status, 403, JSON.stringify(wrong.body));
			assert.doesNotMatch(JSON.stringify([missing.body, wrong.body]), new RegExp(secret));

			const ok = await n8n.callWebhook(path, { body: push, query: { secret } });
			assert.equal(ok.status, 200, JSON.stringify(ok.body));
			assert.deepEqual(ok.body, { ret_code: '000000', ret_msg: 'success' });

			const execs = await executionsOf(n8n, wf.id, 1);
			await sleep(1000); // rejected pushes would have started executions by now
			const all = await n8n.listExecutions(wf.id);
			assert.equal(all.length, 1, `exactly one execution (the authorised push), got ${all.length}`);
			const ex = await n8n.waitForExecution(execs[0].id);
			assertSuccess(ex);
			assert.equal(ex.mode, 'webhook');
			const items = nodeOutput(ex, 'After');
			assert.deepEqual(items.map((i) => [i.event, i.userid, i.user_name]), [
				['customerSaved', 'c9187ee3eb184ea7b297002e1066641d', '王伟'],
				['customerSaved', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', '李娜'],
				['customerMerged', '0f9e8d7c6b5a49382716a5b4c3d2e1f0', '张敏'],
			]);
			await n8n.deactivateWorkflow(wf.id);
			const gone = await n8n.callWebhook(path, { body: push, query: { secret } });
			assert.equal(gone.status, 404, 'no longer registered once deactivated');
		});

		test('header-auth protection with our credential type, simplified output', async () => {
			const cred = await n8n.createCredential({ name: 'Push header (active)', type: 'sobotTriggerHeaderAuthApi', data: { headerName: 'X-Sobot-Token', headerSecret: 'h-secret-42' } });
			const webhookId = 'e2e-sobot-push-header';
			const wf = await n8n.createWorkflow({
				name: 'Sobot push header',
				nodes: [{ ...node('Sobot Trigger', T.sobotTrigger, 0, { authentication: 'headerAuth', events: ['customerSaved'], simplify: true }, { sobotTriggerHeaderAuthApi: cred }), webhookId }],
				connections: {},
			});
			await n8n.activateWorkflow(wf.id);
			const path = `${webhookId}/webhook`;
			const push = crmPush([
				{ userid: 'u1', msg_type: '0', user_name: '周杰' },
				{ userid: 'u2', msg_type: '1', user_name: '吴涛' }, // merged: not selected, acknowledged and dropped
			]);
			assert.equal((await n8n.callWebhook(path, { body: push })).status, 401);
			assert.equal((await n8n.callWebhook(path, { body: push, headers: { 'X-Sobot-Token': 'nope' } })).status, 403);
			const ok = await n8n.callWebhook(path, { body: push, headers: { 'x-sobot-token': 'h-secret-42' } });
			assert.equal(ok.status, 200, JSON.stringify(ok.body));
			const [first] = await executionsOf(n8n, wf.id, 1);
			assert.ok(first, 'an execution was started');
			const ex = await n8n.waitForExecution(first.id);
			assertSuccess(ex);
			const items = nodeOutput(ex, 'Sobot Trigger');
			assert.equal(items.length, 1);
			assert.equal(items[0].event, 'customerSaved');
			assert.equal(items[0].userid, 'u1');
			assert.equal(typeof items[0].create_datetime, 'string');
			assert.match(String(items[0].create_datetime), /^2021-09-16T/, 'simplified: Unix seconds became an ISO date');
			await sleep(500);
			assert.equal((await n8n.listExecutions(wf.id)).length, 1);
			await n8n.deactivateWorkflow(wf.id);
		});

		test('Sobot Event Trigger: a signed ticket push starts the active workflow (one item per record), an unsigned or wrongly signed one is refused', async () => {
			const companyId = 'e93d39fe311b4cf2a6ccd69cafaf256f';
			const key = 'e2e-forwarding-key-0123456789';
			const cred = await n8n.createCredential({ name: 'Sobot push signature (active)', type: 'sobotPushSignatureApi', data: { companyId, forwardingSecret: key } });
			const webhookId = 'e2e-sobot-event-push';
			const wf = await n8n.createWorkflow({
				name: 'Sobot event push',
				nodes: [{ ...node('Sobot Event Trigger', `${PKG}.sobotEventTrigger`, 0, { authentication: 'signature', simplify: true }, { sobotPushSignatureApi: cred }), webhookId }],
				connections: {},
			});
			await n8n.activateWorkflow(wf.id);
			const path = `${webhookId}/webhook`;
			const sign = (timestamp: number, randomCode: string, signingKey = key) => ({
				'X-Log-TimeStamp': String(timestamp),
				'X-Log-RandomCode': randomCode,
				'X-Log-Sign': createHash('md5').update(`${companyId}${timestamp}${randomCode}${signingKey}`).digest('hex'),
			});
			const body = { type: 'ticket', content: [
				{ ticketid: 'e2e-t1', ticket_title: '退货申请', ticket_status: '1', update_datetime: '1721030400', reply_content: '已受理', deal_agent_name: '刘丹' },
				{ ticketid: 'e2e-t2', ticket_title: '发票问题', ticket_status: '3', update_datetime: '1721030460', reply_content: '' },
			] };
			const unsigned = await n8n.callWebhook(path, { body });
			assert.equal(unsigned.status, 401, JSON.stringify(unsigned.body));
			const wrong = await n8n.callWebhook(path, { body, headers: sign(Date.now(), '635', 'not-the-key') });
			assert.equal(wrong.status, 403, JSON.stringify(wrong.body));
			const stale = await n8n.callWebhook(path, { body, headers: sign(Date.now() - 10 * 60_000, '636') });
			assert.equal(stale.status, 403, JSON.stringify(stale.body));
			assert.doesNotMatch(JSON.stringify([unsigned.body, wrong.body, stale.body]), new RegExp(key));
			const headers = sign(Date.now(), '637');
			const ok = await n8n.callWebhook(path, { body, headers });
			assert.equal(ok.status, 200, JSON.stringify(ok.body));
			assert.deepEqual(ok.body, { ret_code: '000000', ret_msg: 'success' });
			const replay = await n8n.callWebhook(path, { body, headers });
			assert.equal(replay.status, 200, 'the same push again is acknowledged');
			const [first] = await executionsOf(n8n, wf.id, 1);
			const ex = await n8n.waitForExecution(first.id);
			assertSuccess(ex);
			const items = nodeOutput(ex, 'Sobot Event Trigger');
			assert.deepEqual(items.map((i) => [i.event, i.ticketid, i.ticket_status]), [['ticketReplied', 'e2e-t1', 'In Progress'], ['ticketUpdated', 'e2e-t2', 'Solved']]);
			await sleep(1000);
			assert.equal((await n8n.listExecutions(wf.id)).length, 1, 'refused pushes and the replay started nothing');
			await n8n.deactivateWorkflow(wf.id);
		});

		test('a push entry with "__proto__" smuggles no hidden field into the next node', async () => {
			const webhookId = 'e2e-sobot-push-proto';
			const wf = await n8n.createWorkflow({
				name: 'Sobot push __proto__',
				nodes: [
					{ ...node('Sobot Trigger', T.sobotTrigger, 0, { authentication: 'none', events: ['customerSaved'], simplify: false }), webhookId },
					// What the next node reads through $json: a field on the item's prototype would show here.
					{ ...node('Check', 'n8n-nodes-base.set', 220, {
						mode: 'manual',
						includeOtherFields: true,
						assignments: { assignments: [
							{ id: 'is-admin', name: 'isAdminSeen', value: '={{ String($json.isAdmin) }}', type: 'string' },
							{ id: 'nested', name: 'nestedIsAdminSeen', value: '={{ String($json.profile.isAdmin) }}', type: 'string' },
						] },
						options: {},
					}), typeVersion: 3.4 },
				],
				connections: { 'Sobot Trigger': { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
			});
			await n8n.activateWorkflow(wf.id);
			// Raw JSON: in a JS object literal "__proto__" would set the prototype instead of being sent.
			const body = '{"sys_code":"50","type":"crm","content":[{"msg_type":"0","userid":"u-proto","user_name":"原型",' +
				'"__proto__":{"isAdmin":true},"profile":{"city":"北京","__proto__":{"isAdmin":true}}}]}';
			const ok = await n8n.callWebhook(`${webhookId}/webhook`, { body });
			assert.equal(ok.status, 200, JSON.stringify(ok.body));
			const [first] = await executionsOf(n8n, wf.id, 1);
			assert.ok(first, 'an execution was started');
			const ex = await n8n.waitForExecution(first.id);
			assertSuccess(ex);
			const [item] = nodeOutput(ex, 'Check');
			assert.equal(item.userid, 'u-proto');
			assert.equal(item.isAdminSeen, 'undefined', '$json.isAdmin in the next node');
			assert.equal(item.nestedIsAdminSeen, 'undefined', '$json.profile.isAdmin in the next node');
			assert.deepEqual(nodeOutput(ex, 'Sobot Trigger'), [{ event: 'customerSaved', msg_type: '0', userid: 'u-proto', user_name: '原型', profile: { city: '北京' } }]);
			await n8n.deactivateWorkflow(wf.id);
		});
	});
});
