/**
 * Bangwo8 Trigger chat events (Chat Ended, Chat Rated) in n8n's real PollContext against the fake
 * Bangwo8: first activation silent, each chat (and each rating) once across polls, a rating that
 * arrives polls after the chat ended, a restart (new node instance, the static data kept),
 * paging, a failing poll, the look-back window, bounded memory, a chat stamped in the future,
 * both shapes of the list, Fetch Test Event.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Bangwo8Trigger } from '../../nodes/Bangwo8Trigger/Bangwo8Trigger.node';
import { chinaDay } from '../../nodes/shared/time';
import type { Engine } from '../harness/engine';
import { formatCst } from '../fakes/base';
import { DAY, MINUTE, TRIGGER, TriggerEnv, logWarnings, type TestFake } from './helpers';

const HISTORIES = '/api/v1/imchat/histories.json';

describe('Bangwo8 Trigger chat events', () => {
	let env: TriggerEnv;
	let fake: TestFake;

	beforeEach(async () => {
		env = await new TriggerEnv().start();
		fake = env.fake;
		fake.addAgent({ name: '王小明' });
		fake.addAgent({ name: '李晓红' });
		fake.seedUsers(3);
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await env.stop();
	});

	/** One trigger (one static-data object); `poll` may run it in another engine (a restarted n8n). */
	function chatTrigger(event: 'chatEnded' | 'chatRated', parameters: IDataObject = {}) {
		const staticData: IDataObject = {};
		const all = { authentication: 'oAuth2', event, ...parameters };
		return {
			staticData,
			async poll(mode: 'trigger' | 'manual' = 'trigger', engine: Engine = env.engine): Promise<INodeExecutionData[]> {
				const { items } = await engine.poll({ type: TRIGGER, parameters: all, credentials: { bangwo8OAuth2Api: env.oauth }, staticData, mode });
				if (items !== null) expect(items[0].length).toBeGreaterThan(0);
				return items === null ? [] : items[0];
			},
			position: () => JSON.parse(JSON.stringify((staticData['node:Trigger'] as IDataObject).chats)) as IDataObject,
		};
	}

	const ids = (items: INodeExecutionData[]) => items.map((item) => String(item.json.r_id));
	const recent = (n: number, rated = true) => fake.seedChats(n, { createdAt: Date.now() - 3 * 3600_000, stepSeconds: 300, rated });

	it('Chat Ended: activation emits nothing old; a chat that ends later comes once; one still going waits', async () => {
		recent(4);
		const t = chatTrigger('chatEnded');
		expect(await t.poll()).toEqual([]);
		const windowDay = chinaDay(Date.now() - 2 * DAY);
		expect(env.listCalls(HISTORIES).map((request) => request.query)).toEqual([{ starttime: windowDay, page: '1', per_page: '100' }]);
		expect(await t.poll()).toEqual([]);

		const going = fake.addChat({ uname: '张伟', start_time: formatCst(Date.now() - 2 * MINUTE), end_time: '' });
		expect(await t.poll()).toEqual([]);
		going.end_time = formatCst(Date.now() - MINUTE);
		const items = await t.poll();
		expect(ids(items)).toEqual([going.r_id]);
		expect(items[0].json).toMatchObject({ event: 'chatEnded', r_id: going.r_id, uname: '张伟', evaluate: 'Not Rated' });
		expect(items[0].json.warning).toBeUndefined();
		expect(await t.poll()).toEqual([]);
	});

	it('Chat Rated: a rating that arrives polls after the chat ended is emitted once; a changed rating again; Only Dissatisfied filters', async () => {
		const [happy] = recent(1);
		const chats = recent(3, false);
		const t = chatTrigger('chatRated', { onlyDissatisfied: true });
		expect(await t.poll()).toEqual([]);
		expect(await t.poll()).toEqual([]);

		fake.rateChat(chats[0].r_id, '1', '很好');
		fake.rateChat(chats[1].r_id, '3', '等了很久没人回复');
		const items = await t.poll();
		expect(ids(items)).toEqual([chats[1].r_id]);
		expect(items[0].json).toMatchObject({
			event: 'chatRated',
			evaluate: 'Dissatisfied',
			evaluate_remark: '等了很久没人回复',
			support_name: chats[1].support_name,
		});
		expect(String(items[0].json.evaluate_time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000(Z|[+-]\d{2}:\d{2})$/);
		expect(await t.poll()).toEqual([]);

		// Re-rated dissatisfied → satisfied → dissatisfied: the second dissatisfied rating is a new event.
		fake.rateChat(chats[1].r_id, '1');
		expect(await t.poll()).toEqual([]);
		fake.rateChat(chats[1].r_id, '3', '还是没解决');
		expect(ids(await t.poll())).toEqual([chats[1].r_id]);
		expect(await t.poll()).toEqual([]);

		// Without the filter every rating comes, but not the ones already known.
		const all = chatTrigger('chatRated');
		await all.poll();
		fake.rateChat(chats[2].r_id, '2');
		const neutral = await all.poll();
		expect(ids(neutral)).toEqual([chats[2].r_id]);
		expect(neutral[0].json.evaluate).toBe('Neutral');
		expect(happy.evaluate).not.toBe('0');
	});

	it('a restart (new node instance, the static data kept) emits a late rating once, and nothing twice', async () => {
		const chats = recent(3, false);
		const t = chatTrigger('chatRated');
		await t.poll();
		fake.rateChat(chats[0].r_id, '3', '太慢了');
		expect(ids(await t.poll())).toEqual([chats[0].r_id]);

		const restarted = env.makeEngine(new Bangwo8Trigger());
		expect(await t.poll('trigger', restarted)).toEqual([]);
		fake.rateChat(chats[2].r_id, '3', '没人理我');
		expect(ids(await t.poll('trigger', restarted))).toEqual([chats[2].r_id]);
		expect(await t.poll('trigger', env.engine)).toEqual([]);
		expect(await t.poll('trigger', env.makeEngine(new Bangwo8Trigger()))).toEqual([]);
	});

	it('pages: a window longer than a page is read to the end, and a late rating on page 2 comes once', async () => {
		const chats = fake.seedChats(150, { createdAt: Date.now() - 20 * 3600_000, stepSeconds: 60, rated: false });
		const t = chatTrigger('chatRated');
		await t.poll();
		fake.rateChat(chats[140].r_id, '3');
		const before = env.listCalls(HISTORIES).length;
		expect(ids(await t.poll())).toEqual([chats[140].r_id]);
		expect(env.listCalls(HISTORIES).slice(before).map((request) => request.query.page).sort()).toEqual(['1', '2']);
		expect(await t.poll()).toEqual([]);
	});

	it('a failing poll moves nothing: the next one emits what happened meanwhile, once', async () => {
		const chats = recent(2, false);
		const t = chatTrigger('chatRated');
		await t.poll();
		const position = t.position();
		fake.rateChat(chats[1].r_id, '3');
		fake.failNext(1, { status: 403, body: { errcode: '100006', errmsg: 'forbidden' } });
		await expect(t.poll()).rejects.toThrow('Bangwo8 100006: forbidden');
		expect(t.position()).toEqual(position);
		expect(ids(await t.poll())).toEqual([chats[1].r_id]);
		expect(await t.poll()).toEqual([]);
	});

	it('the look-back window: only chats of the last N China days are read; a longer look-back does not emit older chats', async () => {
		const old = fake.seedChats(2, { createdAt: Date.now() - 5 * DAY, rated: true });
		const t = chatTrigger('chatEnded', { lookBackDays: 2 });
		await t.poll();
		expect(t.position().seen).not.toContain(old[0].r_id);
		const longer = chatTrigger('chatEnded', { lookBackDays: 7 });
		Object.assign(longer.staticData, JSON.parse(JSON.stringify(t.staticData)));
		expect(await longer.poll()).toEqual([]);
		expect(env.listCalls(HISTORIES).at(-1)?.query.starttime).toBe(chinaDay(Date.now() - 7 * DAY));
		expect(longer.position().seen).toEqual(expect.arrayContaining(old.map((chat) => chat.r_id)));
		const fresh = fake.addChat({ start_time: formatCst(Date.now() - MINUTE), end_time: formatCst(Date.now()) });
		expect(ids(await longer.poll())).toEqual([fresh.r_id]);
	});

	it('bounded memory: past the limit the oldest keys go and their chats are not emitted again (logged)', async () => {
		const warnings = logWarnings();
		recent(6);
		const staticData: IDataObject = {};
		const engine = env.makeEngine(new Bangwo8Trigger({}, { maxSeen: 3 }));
		const poll = async () => {
			const { items } = await engine.poll({ type: TRIGGER, parameters: { authentication: 'oAuth2', event: 'chatEnded' }, credentials: { bangwo8OAuth2Api: env.oauth }, staticData, mode: 'trigger' });
			return items === null ? [] : items[0];
		};
		await poll();
		const chats = (staticData['node:Trigger'] as IDataObject).chats as IDataObject;
		expect(chats.seen).toHaveLength(3);
		expect(await poll()).toEqual([]);
		expect(await poll()).toEqual([]);
		const fresh = fake.addChat({ start_time: formatCst(Date.now() - MINUTE), end_time: formatCst(Date.now()) });
		expect(ids(await poll())).toEqual([fresh.r_id]);
		expect(warnings.some((warning) => warning.includes('more than 3 chats in the look-back window'))).toBe(true);
	});

	it('a chat stamped in the future is emitted once with a warning and holds nothing back', async () => {
		const warnings = logWarnings();
		const t = chatTrigger('chatEnded');
		await t.poll();
		const future = fake.addChat({ start_time: formatCst(Date.now() - MINUTE), end_time: '2099-01-01 00:00:00' });
		const items = await t.poll();
		expect(ids(items)).toEqual([future.r_id]);
		expect(items[0].json.warning).toMatch(/^end_time "2099-01-01 00:00:00" is more than 5 minutes ahead of the n8n host's clock: emitted once/);
		expect(warnings.some((warning) => warning.includes(future.r_id))).toBe(true);
		expect(await t.poll()).toEqual([]);
		const next = fake.addChat({ start_time: formatCst(Date.now() - MINUTE), end_time: formatCst(Date.now()) });
		expect(ids(await t.poll())).toEqual([next.r_id]);
	});

	it('the older list shape (no end time, create_time, inline messages) gives the same items', async () => {
		fake.chatShape = 'older';
		const t = chatTrigger('chatRated', { onlyDissatisfied: true });
		await t.poll();
		const [chat] = recent(1, false);
		fake.rateChat(chat.r_id, '3');
		const items = await t.poll();
		expect(ids(items)).toEqual([chat.r_id]);
		expect(items[0].json).toMatchObject({ event: 'chatRated', evaluate: 'Dissatisfied', client_name: chat.uname, contents: null });
		expect((items[0].json.messages as IDataObject[]).length).toBe(chat.messages.length);
		const ended = chatTrigger('chatEnded');
		await ended.poll();
		const [later] = recent(1, false);
		expect(ids(await ended.poll())).toEqual([later.r_id]);
	});

	it('Fetch Test Event: the newest matching chat, raw when Simplify is off, and the static data untouched', async () => {
		const chats = recent(8);
		const dissatisfied = chats.filter((chat) => chat.evaluate === '3').at(-1)!;
		const t = chatTrigger('chatRated', { onlyDissatisfied: true, simplify: false });
		const items = await t.poll('manual');
		expect(ids(items)).toEqual([dissatisfied.r_id]);
		expect(items[0].json).toMatchObject({ event: 'chatRated', evaluate: '3', start_time: dissatisfied.start_time });
		expect(t.staticData['node:Trigger']).toBeUndefined();
	});
});
