/**
 * End-to-end: a Bangwo8 Trigger that meets a contact stamped 2099 keeps working inside a real
 * n8n 2.41.1 (issue 22 item 1, "must show").
 *
 * The packed package in a fresh n8n (test/e2e/n8n.ts), the fake Bangwo8 in this process. An
 * active workflow polls Contact Updated; n8n refuses a poll time more often than once a minute,
 * so the trigger gets four poll times a minute (seconds s, s+15, s+30, s+45). After activation
 * a contact stamped 2099-01-01 appears, then two real changes, one at a time: each comes in an
 * execution of its own, once, and later polls start none. ~1.5 min.
 *
 * A node:test file (jest skips it). Run: E2E_FILES=test/e2e/clock.e2e.ts npm run e2e
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { FakeBangwo8 } from '../fakes/bangwo8';
import { formatCst } from '../fakes/base';
import { type Execution, type N8n, nodeOutput, packPackage, startN8n } from './n8n';
import { assertSuccess, executionsOf, ms, node, sleep, T } from './workflows';

const REPO = resolve(__dirname, '..', '..');
const FUTURE = '2099-01-01 00:00:00';
const POLL_EVERY_S = 15;

let n8n: N8n;
let bangwo8: FakeBangwo8;
let tarball = '';

describe('Bangwo8 Trigger inside n8n: a contact stamped 2099', { timeout: 5 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Bangwo8Trigger', 'Bangwo8Trigger.node.js')), 'dist/ missing: run npm run build first');
		tarball = packPackage(REPO);
		bangwo8 = new FakeBangwo8({ account: 'e2e-acct', password: 'e2e-pw' });
		await bangwo8.start();
		const t0 = performance.now();
		n8n = await startN8n({ packageTarball: tarball });
		console.log(`# n8n ${n8n.install.n8nVersion} ready in ${n8n.timings.readyMs} ms (startN8n ${ms(t0)}); fake bangwo8 ${bangwo8.origin}`);
	});

	after(async () => {
		await n8n?.stop();
		await bangwo8?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	test('the 2099 contact is emitted once with a warning; the next two real changes once each; later polls emit nothing', { timeout: 4 * 60_000 }, async () => {
		const [known] = bangwo8.seedUsers(1, { createdAt: Date.now() - 3600_000 });
		const cred = await n8n.createCredential({
			name: 'Bangwo8 Basic (clock)',
			type: 'bangwo8BasicAuthApi',
			data: { baseUrl: `${bangwo8.origin}/api/v1`, account: bangwo8.account, password: bangwo8.password },
		});
		const first = (new Date().getUTCSeconds() + 10) % 60;
		const seconds = [0, 1, 2, 3].map((i) => (first + i * POLL_EVERY_S) % 60);
		const wf = await n8n.createWorkflow({
			name: 'Bangwo8 poll meets 2099',
			nodes: [
				node('Bangwo8 Trigger', T.bangwo8Trigger, 0, {
					authentication: 'basicAuth', event: 'contactUpdated',
					pollTimes: { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) },
				}, { bangwo8BasicAuthApi: cred }),
				node('After', 'n8n-nodes-base.noOp', 220, {}),
			],
			connections: { 'Bangwo8 Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
		});
		const reads = (order: string) => bangwo8.requestsTo('GET', '/api/v1/users.json').filter((r) => r.query.updated_order === order).length;
		const polls = () => reads('asc');
		/** Waits until `done` holds, checking twice a second. */
		const until = async (done: () => boolean, what: string, timeoutMs = 3 * POLL_EVERY_S * 1000) => {
			const end = Date.now() + timeoutMs;
			while (!done()) {
				assert.ok(Date.now() < end, `${what} within ${timeoutMs} ms`);
				await sleep(500);
			}
		};
		await n8n.activateWorkflow(wf.id);
		const t0 = performance.now();
		// Activation polls once (the first position, newest first): the 2099 contact comes after it.
		await until(() => reads('desc') > 0, 'the activation poll');
		await sleep(1100);

		/** The n-th execution (1-based, oldest first), finished, with its data. */
		const execution = async (n: number): Promise<Execution> => {
			const list = await executionsOf(n8n, wf.id, n, 3 * POLL_EVERY_S * 1000);
			assert.ok(list.length >= n, `execution ${n} started (${list.length} so far, after ${ms(t0)})`);
			const ex = await n8n.waitForExecution(list[list.length - n].id);
			assertSuccess(ex);
			return ex;
		};
		const emitted = (ex: Execution) => nodeOutput(ex, 'After');

		const wrong = bangwo8.addUser({ name: 'E2E 时钟错误', updateDT: FUTURE });
		const one = emitted(await execution(1));
		assert.deepEqual(one.map((u) => u.cId), [wrong.cId]);
		assert.match(String(one[0].warning), /^updateDT 2099-01-01 00:00:00 is more than 5 minutes ahead of the n8n host's clock: emitted once/);
		console.log(`# execution 1 after ${ms(t0)}: contact ${wrong.cId} (${FUTURE}), warning "${String(one[0].warning)}"`);
		assert.match(n8n.logs(), new RegExp(`Bangwo8 Trigger: contact ${wrong.cId}: updateDT ${FUTURE} is more than 5 minutes ahead`), "the warning in n8n's log");

		known.updateDT = formatCst(Date.now()); // an edit in Bangwo8
		const two = emitted(await execution(2));
		assert.deepEqual(two.map((u) => u.cId), [known.cId]);
		console.log(`# execution 2 after ${ms(t0)}: contact ${known.cId} (${known.updateDT})`);

		const added = bangwo8.addUser({ name: 'E2E 时钟之后' });
		const three = emitted(await execution(3));
		assert.deepEqual(three.map((u) => u.cId), [added.cId]);
		console.log(`# execution 3 after ${ms(t0)}: contact ${added.cId} (${added.updateDT})`);

		// Two more polls, which find the 2099 contact and both changes again: no execution.
		const seen = polls();
		await until(() => polls() >= seen + 2, 'two more polls');
		await sleep(2000); // an execution started by the last poll would show by now
		const all = await n8n.listExecutions(wf.id);
		assert.equal(all.length, 3, `executions: ${all.map((e) => `${e.id} ${e.status}`).join(', ')}`);
		console.log(`# ${polls()} polls in ${ms(t0)}, 3 executions, each change once`);
		await n8n.deactivateWorkflow(wf.id);
	});
});
