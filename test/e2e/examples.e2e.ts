/**
 * End-to-end: every example workflow of examples/ imported into a real n8n 2.41.1 with the packed
 * package, bound to credentials against the fake vendors holding the sandbox's demo data
 * (scripts/dev.sandbox.ts, the same data `npm run dev` shows), and run the way it runs for a
 * user: the Sobot Trigger ones activated and pushed to on their production URL, the scheduled one
 * run from the editor. Checks what each example did in the fakes.
 *
 * Run by scripts/e2e/run.sh after package.e2e.ts (one closing line for both).
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	SANDBOX,
	bindCredentials,
	createSandboxCredentials,
	crmPushOf,
	loadExamples,
	seedDemoData,
	sobotTriggerPath,
	startSandboxFakes,
	type Example,
	type SandboxCredentials,
	type SandboxFakes,
} from '../../scripts/dev.sandbox';
import { type Execution, type N8n, nodeOutput, packPackage, startN8n } from './n8n';
import { assertSuccess, PKG, sleep } from './workflows';

const REPO = resolve(__dirname, '..', '..');

let n8n: N8n;
let fakes: SandboxFakes;
let creds: SandboxCredentials;
let tarball = '';
const examples = loadExamples();

function example(file: string): Example {
	const e = examples.find((x) => x.file === file);
	assert.ok(e, `examples/${file} exists`);
	return e;
}

/** The one execution a push started (waits for it to finish). */
async function onlyExecution(workflowId: string): Promise<Execution> {
	const end = Date.now() + 30_000;
	for (;;) {
		const list = await n8n.listExecutions(workflowId);
		if (list.length > 0 || Date.now() > end) {
			assert.equal(list.length, 1, `one execution of workflow ${workflowId}`);
			return await n8n.waitForExecution(list[0].id);
		}
		await sleep(200);
	}
}

describe('example workflows inside n8n', { timeout: 10 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Sobot', 'Sobot.node.js')), 'dist/ missing: run npm run build first');
		tarball = packPackage(REPO);
		fakes = await startSandboxFakes();
		seedDemoData(fakes);
		n8n = await startN8n({ packageTarball: tarball });
		creds = await createSandboxCredentials(n8n, fakes);
		console.log(`# n8n at ${n8n.baseUrl} ready in ${n8n.timings.readyMs} ms; ${examples.length} examples: ${examples.map((e) => e.file).join(', ')}`);
	});

	after(async () => {
		await n8n?.stop();
		await fakes?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	test('every example is a workflow of known node types whose credentials are placeholders; the sandbox credentials test OK', async () => {
		assert.ok(examples.length >= 3, 'at least three examples');
		const known = new Set((await n8n.nodeTypes()).map((t) => t.name));
		for (const { file, workflow } of examples) {
			assert.ok(workflow.name && Array.isArray(workflow.nodes) && workflow.connections, `${file}: name, nodes, connections`);
			for (const node of workflow.nodes) {
				assert.ok(known.has(node.type), `${file}: node "${node.name}" has a type n8n knows (${node.type})`);
				for (const [type, ref] of Object.entries(node.credentials ?? {})) {
					assert.equal(ref.id, '', `${file}: "${node.name}" ships no credential id (${type})`);
				}
			}
			assert.ok(workflow.nodes.some((n) => n.type.startsWith(`${PKG}.`)), `${file} uses our nodes`);
		}
		for (const c of Object.values(creds)) {
			const r = await n8n.testCredential(c);
			assert.equal(r.status, 'OK', `${c.name}: ${r.message}`);
		}
	});

	test('Sobot customer → Bangwo8 contact: a push of a new customer creates one Bangwo8 contact', async () => {
		const { workflow } = example('sobot-customer-to-bangwo8-contact.json');
		const wf = await n8n.createWorkflow(bindCredentials(workflow, creds));
		await n8n.activateWorkflow(wf.id);
		try {
			const customer = fakes.sobot.addCustomer({ uname: '赵新客', nick: 'zhao', tel: '13912345678', email: 'zhao@example.com' });
			const before = new Set(fakes.bangwo8.users.keys());
			const r = await n8n.callWebhook(sobotTriggerPath(workflow), { body: crmPushOf(customer), query: { secret: SANDBOX.triggerSecret } });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const ex = await onlyExecution(wf.id);
			assertSuccess(ex);
			const created = [...fakes.bangwo8.users.values()].filter((u) => !before.has(u.cId));
			assert.equal(created.length, 1, 'one contact created');
			assert.equal(created[0].name, '赵新客');
			assert.equal(created[0].mobile, '13912345678');
			assert.equal(created[0].email, 'zhao@example.com');
			assert.equal(created[0].note, `Sobot customer ${customer.id}`);
			assert.equal(nodeOutput(ex, 'Create Bangwo8 Contact').length, 1);
		} finally {
			await n8n.deactivateWorkflow(wf.id);
		}
	});

	test('Bangwo8 contacts changed since yesterday → CSV: one file with a row per changed contact', async () => {
		const { workflow } = example('bangwo8-changed-contacts-to-csv.json');
		const wf = await n8n.createWorkflow(bindCredentials(workflow, creds));
		const ex = await n8n.runWorkflow(wf.id, { triggerNodeName: 'Every Morning' });
		assertSuccess(ex);
		// n8n runs in UTC here ($today); Bangwo8's filter is the day string against updateDT's day.
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const expected = [...fakes.bangwo8.users.values()].filter((u) => u.state !== '3' && u.updateDT.slice(0, 10) >= yesterday);
		assert.ok(expected.length > 0 && expected.length < fakes.bangwo8.users.size, `some but not all contacts changed since ${yesterday} (${expected.length})`);
		const rows = nodeOutput(ex, 'Columns');
		assert.deepEqual(rows.map((r) => r.id).sort(), expected.map((u) => u.cId).sort());
		assert.deepEqual(Object.keys(rows[0]), ['id', 'name', 'mobile', 'email', 'company_id', 'created', 'updated']);
		const run = ex.data!.resultData.runData['CSV File'][0] as unknown as { data: { main: Array<Array<{ binary?: Record<string, { fileName?: string; mimeType?: string; fileSize?: string }> }>> } };
		const files = run.data.main[0];
		assert.equal(files.length, 1, 'one file');
		const file = files[0].binary?.data;
		assert.ok(file, 'binary property "data"');
		assert.equal(file.fileName, `bangwo8-contacts-${new Date().toISOString().slice(0, 10)}.csv`);
		assert.equal(file.mimeType, 'text/csv');
	});

	test('Bangwo8 chat rated dissatisfied → transcript → ticket: from the editor, then active with a late rating', { timeout: 3 * 60_000 }, async () => {
		const { workflow } = example('bangwo8-dissatisfied-chat-to-ticket.json');
		const TRIGGER = 'Chat Rated Dissatisfied';
		const teamLead = [...fakes.bangwo8.agents.values()].find((agent) => agent.name === '李晓红')!;
		const ticketsFor = (rId: string) => [...fakes.bangwo8.tickets.values()].filter((ticket) => ticket.subject.startsWith(`Dissatisfied chat #${rId} `));
		const checkTicket = (rId: string) => {
			const chat = fakes.bangwo8.chats.get(rId)!;
			const tickets = ticketsFor(rId);
			assert.equal(tickets.length, 1, `one ticket for chat ${rId}`);
			const [ticket] = tickets;
			assert.equal(ticket.servicerUserId, teamLead.sId, 'assigned to the team lead');
			assert.equal(ticket.priorityLevel, '3');
			assert.equal(ticket.ticketSource, '2');
			assert.equal(ticket.custUserId, chat.client_id);
			const body = ticket.ticketReply[0].replyMsg;
			assert.match(body, /^Rated Dissatisfied at /);
			assert.ok(body.includes(`Remark: ${chat.evaluate_remark}`), body);
			for (const message of chat.messages) assert.ok(body.includes(`${message.spokesman} (`) && body.includes(message.msg), `transcript holds "${message.msg}"`);
			assert.ok(body.includes('(Customer): '), 'speakers named');
		};

		// From the editor: the trigger's test event is the newest chat rated dissatisfied of the demo data.
		const demo = [...fakes.bangwo8.chats.values()].filter((chat) => chat.evaluate === '3').at(-1);
		assert.ok(demo, 'the demo data holds a dissatisfied chat');
		const manual = await n8n.createWorkflow(bindCredentials(workflow, creds));
		const ex = await n8n.runWorkflow(manual.id, { triggerNodeName: TRIGGER });
		assertSuccess(ex);
		assert.deepEqual(nodeOutput(ex, TRIGGER).map((item) => item.r_id), [demo.r_id]);
		assert.equal(nodeOutput(ex, TRIGGER)[0].evaluate, 'Dissatisfied');
		checkTicket(demo.r_id);

		// Active, polling every 15 s: a chat that ended earlier is rated dissatisfied late, another satisfied.
		const first = (new Date().getUTCSeconds() + 5) % 60;
		const pollTimes = { item: [0, 1, 2, 3].map((i) => ({ mode: 'custom', cronExpression: `${(first + i * 15) % 60} * * * * *` })) };
		const active = bindCredentials(workflow, creds);
		active.name = `${workflow.name} (active)`;
		active.nodes = active.nodes.map((n) => (n.name === TRIGGER ? { ...n, parameters: { ...n.parameters, pollTimes } } : n));
		const wf = await n8n.createWorkflow(active);
		const [late, happy] = fakes.bangwo8.seedChats(2, { createdAt: Date.now() - 3600_000, rated: false });
		const reads = () => fakes.bangwo8.requestsTo('GET', '/api/v1/imchat/histories.json').length;
		await n8n.activateWorkflow(wf.id);
		try {
			const start = reads();
			const end = Date.now() + 60_000;
			while (reads() < start + 1) {
				assert.ok(Date.now() < end, 'the trigger read the chats');
				await sleep(500);
			}
			fakes.bangwo8.rateChat(late.r_id, '3', '问题一直没解决,很失望');
			fakes.bangwo8.rateChat(happy.r_id, '1', '谢谢');
			const seen = reads();
			while (ticketsFor(late.r_id).length === 0 || reads() < seen + 3) {
				assert.ok(Date.now() < end + 60_000, 'a ticket for the late rating, then two more polls');
				await sleep(500);
			}
			checkTicket(late.r_id);
			assert.equal(ticketsFor(happy.r_id).length, 0, 'no ticket for a satisfied chat');
			const executions = await n8n.listExecutions(wf.id);
			assert.equal(executions.length, 1, 'one execution: the late rating, once');
			assertSuccess(await n8n.waitForExecution(executions[0].id));
		} finally {
			await n8n.deactivateWorkflow(wf.id);
		}
	});

	test('New Sobot customer → label, stage, agent: the pushed customer is labelled, staged and assigned', async () => {
		const { workflow } = example('sobot-new-customer-label-stage-assign.json');
		const wf = await n8n.createWorkflow(bindCredentials(workflow, creds));
		await n8n.activateWorkflow(wf.id);
		try {
			const customer = fakes.sobot.addCustomer({ uname: '钱新客', nick: 'qian', tel: '13987654321', crm_status: 2 });
			const r = await n8n.callWebhook(sobotTriggerPath(workflow), { body: crmPushOf(customer), query: { secret: SANDBOX.triggerSecret } });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const ex = await onlyExecution(wf.id);
			assertSuccess(ex);
			const after = fakes.sobot.customers.get(customer.id)!;
			assert.equal(after.biz_label, SANDBOX.labels.newCustomer);
			assert.equal(after.stageid, SANDBOX.stageId);
			assert.equal(after.liable_serviceid, SANDBOX.agentId);
			assert.equal(after.crm_status, 3, 'followed up');
			for (const name of ['Label', 'Stage', 'Assign']) assert.equal(nodeOutput(ex, name).length, 1, `${name}: one item`);
		} finally {
			await n8n.deactivateWorkflow(wf.id);
		}
	});
});
