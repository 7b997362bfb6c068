/**
 * Bangwo8 chats (imchat/histories.json, imchat/chatrecords/{r_id}.json) in n8n's engine against
 * the fake: filters, paging, both shapes of the answers read into one, Simplify, the messages of
 * one chat with its rating, the errors, and the Chat locator's list.
 */
import type { IDataObject } from 'n8n-workflow';

import { CHAT_KEYS, MESSAGE_KEYS } from '../../nodes/Bangwo8/actions/chat/fields';
import { searchChats } from '../../nodes/Bangwo8/methods/listSearch';
import { formatCst } from '../fakes/base';
import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

const HISTORIES = '/api/v1/imchat/histories.json';

describe.each(AUTHENTICATIONS)('Bangwo8 chats with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	/** Two contacts, two agents and `n` chats from 2024-07-15 10:00 (China), 10 minutes apart. */
	function seed(n: number) {
		t.fake.addAgent({ name: '王小明' });
		t.fake.addAgent({ name: '李晓红' });
		t.fake.seedUsers(2);
		return t.fake.seedChats(n, { createdAt: '2024-07-15 10:00:00' });
	}

	it('getMany: days, customer and paging sent as Bangwo8 reads them; every chat once, in the one shape', async () => {
		const chats = seed(150);
		const customer = chats[0].client_id;
		const output = outputOf(
			await t.run('chat', 'getMany', {
				returnAll: true,
				filters: {
					client_id: { __rl: true, mode: 'list', value: customer },
					starttime: '2024-07-15',
					endtime: '2024-07-16T23:59:59+08:00',
				},
			}),
		);
		const requests = t.fake.requestsTo('GET', HISTORIES);
		expect(requests[0].query).toEqual({
			client_id: customer,
			starttime: '2024-07-15',
			endtime: '2024-07-16',
			page: '1',
			per_page: '100',
		});
		const expected = chats.filter((chat) => chat.client_id === customer);
		expect(expected.length).toBe(75);
		expect(output.map((chat) => chat.r_id)).toEqual(expected.map((chat) => chat.r_id));
		for (const chat of output) expect(Object.keys(chat)).toEqual([...CHAT_KEYS]);
		expect(output[0]).toMatchObject({
			evaluate: chats[0].evaluate,
			evaluate_remark: chats[0].evaluate_remark,
			first_response: chats[0].first_response,
			contents: `${t.fake.origin}${HISTORIES.replace('histories.json', `chatrecords/${chats[0].r_id}.json`)}`,
			messages: null,
			client_name: null,
		});
		expectAuthorization(t);
	});

	it('getMany: Return All follows every page; Limit stops early', async () => {
		seed(230);
		const all = outputOf(await t.run('chat', 'getMany', { returnAll: true }));
		expect(all).toHaveLength(230);
		expect(new Set(all.map((chat) => chat.r_id)).size).toBe(230);
		expect(t.fake.requestsTo('GET', HISTORIES).map((request) => request.query.page).sort()).toEqual(['1', '2', '3']);

		const before = t.fake.requestsTo('GET', HISTORIES).length;
		const limited = outputOf(await t.run('chat', 'getMany', { returnAll: false, limit: 7 }));
		expect(limited.map((chat) => chat.r_id)).toEqual(all.slice(0, 7).map((chat) => chat.r_id));
		const asked = t.fake.requestsTo('GET', HISTORIES).slice(before);
		expect(asked.map((request) => request.query)).toEqual([{ page: '1', per_page: '7' }]);
	});

	it('getMany: Simplify names the rating, channel and who ended it, and gives times in the workflow zone', async () => {
		const chats = seed(4);
		t.engine.timezone = 'America/New_York';
		const output = outputOf(await t.run('chat', 'getMany', { returnAll: true, simplify: true }));
		const byId = new Map(output.map((chat) => [chat.r_id, chat]));
		const ratings = chats.map((chat) => byId.get(chat.r_id)?.evaluate);
		const names: Record<string, string> = { '0': 'Not Rated', '1': 'Satisfied', '2': 'Neutral', '3': 'Dissatisfied' };
		expect(ratings).toEqual(chats.map((chat) => names[chat.evaluate]));
		expect(new Set(ratings)).toEqual(new Set(['Satisfied', 'Neutral', 'Dissatisfied', 'Not Rated']));
		const rated = chats.find((chat) => chat.evaluate === '3')!;
		expect(byId.get(rated.r_id)).toMatchObject({
			// 2024-07-15 10:xx China time is 22:xx the day before in New York (UTC-4).
			start_time: `2024-07-14T22:${rated.start_time.slice(14, 16)}:00.000-04:00`,
			evaluate_remark: '等了很久没人回复,问题也没解决',
			end_type: rated.end_type === '1' ? 'Customer' : 'Agent',
			type: { '1': 'Client App', '2': 'Web', '3': 'WeChat' }[rated.type],
		});
		expect(byId.get(rated.r_id)?.evaluate_time).toMatch(/^2024-07-14T22:\d{2}:\d{2}\.000-04:00$/);
		const unrated = chats.find((chat) => chat.evaluate === '0')!;
		expect(byId.get(unrated.r_id)?.evaluate_time).toBeNull();
	});

	it('getMany: the older shape (create_time, client_name, messages inline) comes out in the same keys', async () => {
		const chats = seed(3);
		t.fake.chatShape = 'older';
		t.engine.timezone = 'Asia/Shanghai';
		const output = outputOf(await t.run('chat', 'getMany', { returnAll: true, simplify: true }));
		expect(output).toHaveLength(3);
		for (const chat of output) expect(Object.keys(chat)).toEqual([...CHAT_KEYS]);
		const [first] = output;
		expect(first).toMatchObject({
			r_id: chats[0].r_id,
			client_id: chats[0].client_id,
			client_name: chats[0].uname,
			start_time: '2024-07-15T10:00:00.000+08:00',
			contents: null,
			support_name: null,
		});
		const messages = first.messages as IDataObject[];
		expect(messages).toHaveLength(chats[0].messages.length);
		for (const message of messages) expect(Object.keys(message)).toEqual([...MESSAGE_KEYS]);
		expect(messages.map((message) => message.msg)).toEqual(chats[0].messages.map((message) => message.msg));
		expect(new Set(messages.map((message) => message.spokesman_identity))).toContain('Customer');
	});

	it('getMany: a reversed day range or a customer that is not an ID is refused before any request, naming it', async () => {
		const reversed = await t.run('chat', 'getMany', { returnAll: true, filters: { starttime: '2024-07-16', endtime: '2024-07-15' } });
		expect(reversed.error?.message).toBe('"Started To" (2024-07-15) is before "Started From" (2024-07-16)');
		const badCustomer = await t.run('chat', 'getMany', { returnAll: true, filters: { client_id: { __rl: true, mode: 'id', value: '张伟' } } });
		expect(badCustomer.error?.message).toBe('"Customer" must be a numeric ID, got "张伟"');
		const badDay = await t.run('chat', 'getMany', { returnAll: true, filters: { starttime: 'yesterday' } });
		expect(badDay.error?.message).toBe('"Started From" is not a valid date: yesterday');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('getMany: what Bangwo8 refuses names its code; a page that is not a list fails the run', async () => {
		seed(3);
		t.fake.failNext(1, { status: 403, body: { errcode: '100006', errmsg: '无权限查看聊天记录' } });
		const refused = await t.run('chat', 'getMany', { returnAll: true });
		expect(refused.error?.message).toBe('Bangwo8 100006: 无权限查看聊天记录');
		t.fake.failNext(1, { status: 200, body: { histories: 'none', count: '3' } });
		const broken = await t.run('chat', 'getMany', { returnAll: true });
		expect(broken.error?.message).toMatch(/^Bangwo8: the \/imchat\/histories\.json answer for page 1 is not a list of histories/);
	});

	it('get: the messages of a chat, each speaker and type named with Simplify', async () => {
		const chat = seed(4).find((candidate) => candidate.messages.length >= 5)!;
		t.engine.timezone = 'Asia/Shanghai';
		const [output] = outputOf(
			await t.run('chat', 'get', { chatId: { __rl: true, mode: 'id', value: chat.r_id }, simplify: true }),
		);
		onlyRequest(t, 'GET', `/api/v1/imchat/chatrecords/${chat.r_id}.json`);
		expect(Object.keys(output)).toEqual([...CHAT_KEYS]);
		expect(output.r_id).toBe(chat.r_id);
		// Without "Started On" the messages answer is all there is: no rating read.
		expect(output.evaluate).toBeNull();
		const messages = output.messages as IDataObject[];
		expect(messages.map((message) => [message.spokesman_identity, message.msg])).toEqual(
			chat.messages.map((message) => [{ '1': 'Agent', '2': 'Customer', '3': 'Robot' }[message.spokesman_identity], message.msg]),
		);
		expect(messages[0]).toMatchObject({ msg_type: 'Text', create_time: `${chat.start_time.replace(' ', 'T')}.000+08:00` });
	});

	it('get: with Started On, the rating, remark, agent and figures of that day\'s list come with the messages', async () => {
		const chats = seed(8);
		const dissatisfied = chats.find((chat) => chat.evaluate === '3')!;
		const [output] = outputOf(
			await t.run('chat', 'get', {
				chatId: dissatisfied.r_id,
				options: { startedOn: '={{ $json.start }}' },
				simplify: true,
			}, { items: [{ start: '2024-07-15T11:00:00+08:00' }] }),
		);
		const listed = onlyRequest(t, 'GET', HISTORIES);
		expect(listed.query).toMatchObject({ starttime: '2024-07-15', endtime: '2024-07-15' });
		expect(output).toMatchObject({
			r_id: dissatisfied.r_id,
			evaluate: 'Dissatisfied',
			evaluate_remark: dissatisfied.evaluate_remark,
			support_name: dissatisfied.support_name,
			first_response: dissatisfied.first_response,
		});
		expect((output.messages as IDataObject[]).map((message) => message.msg)).toEqual(dissatisfied.messages.map((message) => message.msg));
	});

	it('get: Started On takes the day of a raw start_time (China time) whatever the workflow zone', async () => {
		t.engine.timezone = 'America/Los_Angeles';
		t.fake.addAgent({ name: '王小明' });
		const [late] = t.fake.seedChats(1, { createdAt: '2024-07-15 23:30:00' });
		const [output] = outputOf(
			await t.run('chat', 'get', { chatId: late.r_id, options: { startedOn: '={{ $json.start_time }}' } }, { items: [{ start_time: late.start_time }] }),
		);
		expect(onlyRequest(t, 'GET', HISTORIES).query).toMatchObject({ starttime: '2024-07-15', endtime: '2024-07-15' });
		expect(output.start_time).toBe('2024-07-15 23:30:00');
	});

	it('get: a chat that is not on the given day, an unknown chat and an answer without messages are errors', async () => {
		const [chat] = seed(1);
		const wrongDay = await t.run('chat', 'get', { chatId: chat.r_id, options: { startedOn: '2024-07-20' } });
		expect(wrongDay.error?.message).toBe(`Chat ${chat.r_id} is not among the chats Bangwo8 lists for 2024-07-20`);
		const unknown = await t.run('chat', 'get', { chatId: '999999' });
		expect(unknown.error?.message).toBe('Bangwo8 100004: Record not found');
		t.fake.failNext(1, { status: 200, body: { status: '0', message: 'ok' } });
		const empty = await t.run('chat', 'get', { chatId: chat.r_id });
		expect(empty.error?.message).toBe(`Bangwo8 answered chat ${chat.r_id} without a list of messages`);
		const badId = await t.run('chat', 'get', { chatId: 'r-1' });
		expect(badId.error?.message).toBe('"Chat" must be a numeric ID, got "r-1"');
	});

	it('get: Continue On Fail keeps the other items', async () => {
		const [chat] = seed(1);
		const result = await t.run('chat', 'get', { chatId: '={{ $json.id }}' }, { items: [{ id: chat.r_id }, { id: '999999' }], continueOnFail: true });
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.r_id])).toEqual([
			[{ item: 0 }, chat.r_id],
			[{ item: 1 }, 'Bangwo8 100004: Record not found'],
		]);
	});

	it('Chat locator: the chats of the last 30 days, filtered by customer or agent', async () => {
		t.fake.addAgent({ name: '王小明' });
		t.fake.seedUsers(1);
		const old = t.fake.addChat({ uname: '赵敏', start_time: formatCst(Date.now() - 40 * 86_400_000) });
		const recent = t.fake.seedChats(3, { createdAt: Date.now() - 2 * 86_400_000 });
		const context = t.loadOptionsContext({ resource: 'chat', operation: 'get' });
		const listed = await searchChats.call(context);
		expect(listed.results.map((item) => item.value)).toEqual(recent.map((chat) => chat.r_id));
		expect(listed.results.map((item) => item.value)).not.toContain(old.r_id);
		expect(listed.results[0].name).toBe(`#${recent[0].r_id} ${recent[0].uname} → 王小明 ${recent[0].start_time}`);
		const filtered = await searchChats.call(context, recent[1].r_id);
		expect(filtered.results.map((item) => item.value)).toEqual([recent[1].r_id]);
	});
});
