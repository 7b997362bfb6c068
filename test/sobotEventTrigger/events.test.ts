/**
 * Sobot Event Trigger: every event type, in the documented and the guessed shapes, through
 * n8n-core's real WebhookContext; one execution per request, one item per record; unknown fields
 * and records kept; unsafe keys dropped; duplicates emitted once; Simplify.
 */
import {
	ACK,
	chatListMessage,
	chatMessage,
	createdTicket,
	emitted,
	makeEnv,
	offlineMessage,
	push,
	pushedTicket,
	unreadMessage,
} from './helpers';

describe('events', () => {
	const { engine, signature } = makeEnv();

	test.each([
		['a pushed ticket with a reply (failed-push list fields)', 'ticketReplied', pushedTicket({ reply_content: '已为您办理退货。' })],
		['a pushed ticket without a reply', 'ticketUpdated', pushedTicket()],
		['a new ticket (S-PY shape: create_time = update_time)', 'ticketCreated', createdTicket],
		['a ticket whose push names its event (guessed field)', 'ticketCreated', pushedTicket({ event_type: 'create' })],
		['a forwarded chat message', 'chatMessage', chatMessage(0)],
		['an offline message (type 202)', 'offlineMessage', offlineMessage],
		['an unread customer message', 'unreadMessage', unreadMessage],
		['a chat-list message', 'chatListMessage', chatListMessage],
		['a record of an unknown kind', 'other', { foo: 'bar', 金额: 12.5 }],
	])('%s → %s, every field kept, answered 200 + ack', async (_name, event, record) => {
		const result = await push(engine, signature, { sys_code: '51', type: 'x', content: [record] });
		expect(result.response).toMatchObject({ status: 200, body: ACK, ended: true });
		expect(emitted(result)).toEqual([{ event, ...record, sobot_envelope: { sys_code: '51', type: 'x' } }]);
		expect(Object.keys(emitted(result)[0])[0]).toBe('event');
	});

	test('bare records: a single object, a list, and a content given as JSON text', async () => {
		expect(emitted(await push(engine, signature, { ...offlineMessage, msgId: 'm-bare' })).map((j) => j.event)).toEqual(['offlineMessage']);
		const list = await push(engine, signature, [{ ...chatListMessage, lastMsgTime: 1 }, { ...unreadMessage, ts: 1 }]);
		expect(emitted(list).map((j) => j.event)).toEqual(['chatListMessage', 'unreadMessage']);
		const text = await push(engine, signature, { type: 'ticket', content: JSON.stringify([pushedTicket({ ticketid: 'T-json' })]) });
		expect(emitted(text)).toMatchObject([{ event: 'ticketUpdated', ticketid: 'T-json', sobot_envelope: { type: 'ticket' } }]);
	});

	test('a chat under a chat envelope type is a chat message even without cid (guessed types)', async () => {
		const result = await push(engine, signature, { type: 'msg', content: [{ msg: '你好', sender_name: '王小明' }] });
		expect(emitted(result)[0].event).toBe('chatMessage');
	});

	test('a batch of 20 forwarded messages is one execution of 20 items, in order, each paired', async () => {
		const batch = Array.from({ length: 20 }, (_, i) => chatMessage(i, { msgid: `m${i}` }));
		const result = await push(engine, signature, { type: 'msg', content: batch });
		expect(result.workflowData).toHaveLength(1);
		expect(emitted(result)).toHaveLength(20);
		expect(emitted(result).map((j) => j.msgid)).toEqual(batch.map((m) => m.msgid));
		expect(result.workflowData?.[0].map((i) => i.pairedItem)).toEqual(batch.map((_, item) => ({ item })));
	});

	test('only selected events start the workflow; a push with none of them is acknowledged and starts nothing', async () => {
		const mixed = await push(engine, signature, [pushedTicket({ ticketid: 'T-sel' }), chatMessage(1, { msgid: 'sel' })], {
			parameters: { events: ['chatMessage'] },
		});
		expect(emitted(mixed).map((j) => j.event)).toEqual(['chatMessage']);
		const none = await push(engine, signature, [offlineMessage, { foo: 1 }], { parameters: { events: ['ticketCreated'] } });
		expect(none.response).toMatchObject({ status: 200, body: ACK });
		expect(none.workflowData).toBeUndefined();
	});

	test('__proto__, constructor and prototype keys are dropped at every depth; a record field "event" becomes sobot_event', async () => {
		const body = `{"content":[{"ticketid":"T-proto","__proto__":{"isAdmin":true},"event":"mine","extend_fields_list":[{"fieldid":"f","constructor":{"x":1},"prototype":1}]}]}`;
		const result = await push(engine, signature, undefined, { request: { body, rawBody: body } });
		const [item] = emitted(result);
		expect(Object.keys(item)).not.toContain('__proto__');
		expect((item as { isAdmin?: unknown }).isAdmin).toBeUndefined();
		expect(item.sobot_event).toBe('mine');
		expect(item.event).toBe('ticketUpdated');
		expect(item.extend_fields_list).toEqual([{ fieldid: 'f' }]);
	});

	test('a body that is not JSON gets 400 and starts nothing', async () => {
		const result = await push(engine, signature, 'not json', { request: { body: 'not json', rawBody: 'not json' } });
		expect(result.response.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('duplicates', () => {
	test('Sobot resending a record (new signature) emits it once; a new version of it is emitted', async () => {
		const { engine, signature } = makeEnv();
		const version1 = pushedTicket({ ticketid: 'T-dup', update_datetime: '1721030400' });
		expect(emitted(await push(engine, signature, { content: [version1] }))).toHaveLength(1);
		const again = await push(engine, signature, { content: [version1, chatMessage(2, { msgid: 'new' })] });
		expect(again.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(again).map((j) => j.event)).toEqual(['chatMessage']);
		const version2 = { ...version1, update_datetime: '1721030460', ticket_status: '3' };
		expect(emitted(await push(engine, signature, { content: [version2] })).map((j) => j.ticket_status)).toEqual(['3']);
	});

	test('the test URL (manual mode) always shows what arrives', async () => {
		const { engine, signature } = makeEnv();
		const record = chatMessage(3, { msgid: 'manual' });
		expect(emitted(await push(engine, signature, [record], { mode: 'manual' }))).toHaveLength(1);
		expect(emitted(await push(engine, signature, [record], { mode: 'manual' }))).toHaveLength(1);
	});
});

describe('simplify', () => {
	const { engine, signature } = makeEnv();

	test('a ticket: ISO times in the workflow zone, status and priority named, flags, custom_fields', async () => {
		engine.timezone = 'Asia/Shanghai';
		const result = await push(engine, signature, { content: [pushedTicket({ reply_content: '好的' })] }, { parameters: { simplify: true } });
		expect(emitted(result)[0]).toMatchObject({
			event: 'ticketReplied',
			update_datetime: '2024-07-15T16:00:00.000+08:00',
			hope_complete_time: '2024-07-16T16:00:00.000+08:00',
			hope_accept_time: null,
			ticket_status: 'In Progress',
			ticket_level: 'High',
			is_reminder: false,
			custom_fields: { f1: '20240715001' },
			user_nick: '王小明',
		});
	});

	test('chat records: ms times as ISO, codes named; a zone-less time read in the Account Time Zone option', async () => {
		engine.timezone = 'UTC';
		const result = await push(engine, signature, [chatMessage(1), chatListMessage, chatMessage(0, { ts: '2024-07-15 16:00:00' })], {
			parameters: { simplify: true, options: { accountTimeZone: 'America/New_York' } },
		});
		const [message, list, zoneless] = emitted(result);
		expect(message).toMatchObject({ source: 'WeChat', sender_type: 'Agent', msg_type: 'Text', t: '2024-07-15T08:00:15.000Z' });
		expect(list).toMatchObject({ lastMsgType: 'Text', lastMsgTime: '2024-07-15T08:02:00.000Z' });
		expect(zoneless.ts).toBe('2024-07-15T20:00:00.000Z');
	});

	test('an unknown Account Time Zone answers 500 and starts nothing', async () => {
		const result = await push(engine, signature, [chatMessage(0)], { parameters: { simplify: true, options: { accountTimeZone: 'Mars/Base' } } });
		expect(result.response.status).toBe(500);
		expect(result.workflowData).toBeUndefined();
	});
});
