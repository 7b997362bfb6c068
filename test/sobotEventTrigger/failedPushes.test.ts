/**
 * Nothing missed: Sobot Ticket → Get Failed Pushes (query_ticket_push_fail_infos) and the Sobot
 * Ticket Trigger's Ticket Push Failed event, which emits each failure once, across polls and
 * restarts, against the fake Sobot.
 */
import type { IDataObject } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { SobotTicketTrigger } from '../../nodes/SobotTicketTrigger/SobotTicketTrigger.node';
import { FakeSobot, SOBOT_TICKET_PREFIX } from '../fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addSobotCredential, createEngine, PACKAGE_NAME, SOBOT_NODE } from '../support/package';

const TICKET_TRIGGER = `${PACKAGE_NAME}.sobotTicketTrigger`;
const fake = new FakeSobot();
const store = new CredentialStore();
let credential: CredentialRef;
const nowSec = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
	await fake.start();
	credential = addSobotCredential(store, fake);
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.resetStores();
	fake.clearFaults();
	fake.clearRequests();
});

const failListCalls = () => fake.requestsTo('GET', `${SOBOT_TICKET_PREFIX}/query_ticket_push_fail_infos`);

/** A ticket changed `agoSec` seconds ago whose push failed. */
function failure(agoSec: number, title = '退货申请', extra: IDataObject = {}) {
	const ticket = fake.addTicket({ ticket_title: title, create_datetime: String(nowSec() - agoSec - 60), update_datetime: String(nowSec() - agoSec), deal_agent_name: '刘丹' });
	return fake.addTicketPushFailure(ticket, extra);
}

describe('Sobot → Ticket → Get Failed Pushes', () => {
	const engine = createEngine(store);
	const run = async (parameters: IDataObject, typeVersion = 1) =>
		await engine.runNode({ type: SOBOT_NODE, typeVersion, parameters: { resource: 'ticket', operation: 'getFailedPushes', ...parameters } as never, credentials: { sobotApi: credential } });

	test('the last 24 hours by default, newest first, every field of the pushed ticket', async () => {
		const old = failure(3 * 86_400);
		const a = failure(7200, '物流延迟');
		const b = failure(60, '发票问题', { reply_content: '发票已重新开具。' });
		const { items, error } = await run({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.ticketid)).toEqual([b.ticketid, a.ticketid]);
		expect(items[0].json).toEqual(b);
		expect(items.map((i) => i.json.ticketid)).not.toContain(old.ticketid);
		const [request] = failListCalls();
		expect(request.query).toMatchObject({ page_no: '1', page_size: '50' });
		expect(request.query.start_datetime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	});

	test('paging: Return All reads every page (120 failures, 50 a page); Limit stops early', async () => {
		for (let i = 0; i < 120; i++) failure(60 + i, `工单${i}`);
		const all = await run({ returnAll: true });
		expect(all.items).toHaveLength(120);
		expect(new Set(all.items.map((i) => i.json.ticketid)).size).toBe(120);
		expect(failListCalls()).toHaveLength(3);
		fake.clearRequests();
		expect((await run({ returnAll: false, limit: 7 })).items).toHaveLength(7);
		expect(failListCalls()).toHaveLength(1);
	});

	test('a range longer than a month is asked in 4-week windows; Start after End is refused before sending', async () => {
		failure(40 * 86_400, '旧工单');
		const { items } = await run({ returnAll: true, startTime: new Date(Date.now() - 45 * 86_400_000).toISOString(), endTime: new Date().toISOString() });
		expect(items).toHaveLength(1);
		expect(failListCalls().length).toBe(2);
		fake.clearRequests();
		const bad = await run({ returnAll: true, startTime: '2024-07-02T00:00:00Z', endTime: '2024-07-01T00:00:00Z' });
		expect(bad.error?.message).toMatch(/"Start Time" is later than "End Time"/);
		expect(failListCalls()).toHaveLength(0);
	});

	test('a Sobot error names its code', async () => {
		fake.failNextWithRetCode(1, '400001', '参数错误');
		const { error } = await run({ returnAll: true });
		expect(error?.message).toMatch(/400001/);
	});

	test('Simplify (version 1.1): ISO times, status and priority named, custom fields', async () => {
		engine.timezone = 'Asia/Shanghai';
		failure(60, '退货', { ticket_status: '3', ticket_level: '1', is_reminder: '1' });
		const { items } = await run({ returnAll: true }, 1.1);
		expect(items[0].json).toMatchObject({ ticket_status: 'Solved', ticket_level: 'Medium', is_reminder: true });
		expect(items[0].json.update_datetime).toMatch(/\+08:00$/);
	});
});

describe('Sobot Ticket Trigger → Ticket Push Failed (the sweep)', () => {
	function trigger(staticData: IDataObject) {
		// A new node instance each time: what an n8n restart gives (static data comes from the database).
		const engine = new Engine({ nodeTypes: { [TICKET_TRIGGER]: new SobotTicketTrigger() }, credentialTypes: [new SobotApi()], credentials: store });
		return async (mode: 'trigger' | 'manual' = 'trigger') => {
			const { items } = await engine.poll({ type: TICKET_TRIGGER, parameters: { event: 'ticketPushFailed', simplify: false }, credentials: { sobotApi: credential }, staticData, mode });
			return (items?.[0] ?? []).map((item) => item.json);
		};
	}

	test('each missed ticket is emitted once, oldest first, across polls and restarts; nothing from before activation', async () => {
		failure(600, '激活前的失败');
		let staticData: IDataObject = {};
		let poll = trigger(staticData);
		expect(await poll()).toEqual([]); // activation: records where to start

		const a = failure(30, '物流延迟');
		const b = failure(10, '发票问题', { reply_content: '已补开发票。' });
		const first = await poll();
		expect(first.map((j) => j.ticketid)).toEqual([a.ticketid, b.ticketid]);
		expect(first[0]).toEqual({ event: 'ticketPushFailed', ...a });
		expect(await poll()).toEqual([]);

		// Restart: the node is built again and static data is read back from the database (JSON).
		staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		poll = trigger(staticData);
		expect(await poll()).toEqual([]);
		const c = failure(5, '退款进度');
		expect((await poll()).map((j) => j.ticketid)).toEqual([c.ticketid]);
		expect(await poll()).toEqual([]);
	});

	test('a new failure of the same ticket (a later version) is emitted; a failing poll emits nothing and loses nothing', async () => {
		const staticData: IDataObject = {};
		const poll = trigger(staticData);
		await poll();
		const ticket = fake.addTicket({ ticket_title: '升级投诉', update_datetime: String(nowSec() - 20) });
		fake.addTicketPushFailure(ticket);
		expect(await poll()).toHaveLength(1);
		fake.touchTicket(ticket, nowSec() - 5, { ticket_status: '2' });
		fake.addTicketPushFailure(ticket);
		const before = JSON.stringify(staticData);
		fake.failNextWithRetCode(1, '999999');
		await expect(poll()).rejects.toThrow(/999999/);
		expect(JSON.stringify(staticData)).toBe(before);
		const again = await poll();
		expect(again.map((j) => [j.ticketid, j.ticket_status])).toEqual([[ticket.ticketid, '2']]);
		expect(await poll()).toEqual([]);
	});

	test('Fetch test event shows the newest failure without moving the position', async () => {
		const staticData: IDataObject = {};
		const poll = trigger(staticData);
		failure(100, '旧');
		const newest = failure(50, '新');
		expect((await poll('manual')).map((j) => j.ticketid)).toEqual([newest.ticketid]);
		expect(staticData).toEqual({});
	});
});
