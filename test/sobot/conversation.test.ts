/** Conversation resource (Sobot online chat, /api/chat/5/user + query_summary) in n8n's engine against the fake Sobot. */
import type { IDataObject } from 'n8n-workflow';

import { CHAT_EPOCH_MS, CHAT_OTHER_VISITOR, CHAT_PARTNER, CHAT_VISITOR, SOBOT_CHAT_PREFIX, SOBOT_DATA_PREFIX, SUMMARY_CHANNEL_FIELD, SUMMARY_FIELD } from '../fakes/sobotChat';
import { only, useSobot } from './helpers';

const bed = useSobot();
beforeAll(() => {
	bed.engine.timezone = 'Asia/Shanghai';
});
afterAll(() => {
	bed.engine.timezone = undefined;
});

const FIRST = 'c0000000000000000000000000000001';
const THIRD = 'c0000000000000000000000000000003';
const conversation = (operation: string, parameters: IDataObject = {}) => ({ resource: 'conversation', operation, ...parameters });

describe('conversation.getTranscript', () => {
	it('posts the cid and returns every message: sender and receiver named, message type named, times ISO in the workflow zone', async () => {
		const { items, error } = await bed.run(conversation('getTranscript', { conversationId: FIRST, simplify: true }));
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path, request.body]).toEqual(['POST', `${SOBOT_CHAT_PREFIX}/get_detail_by_cid`, { cid: FIRST, name_flag: 0 }]);
		expect(items).toHaveLength(1);
		const { cid, messages } = items[0].json as { cid: string; messages: IDataObject[] };
		expect(cid).toBe(FIRST);
		expect(messages).toHaveLength(8);
		expect(messages.map((message) => message.sender_type)).toEqual(['Customer', 'Bot', 'Customer', 'Bot', 'Agent', 'Customer', 'Agent', 'Customer']);
		expect(messages[0]).toMatchObject({
			sender_name: '小明',
			receiver_type: 'Bot',
			msg: '你好，我的打印机到货后无法开机',
			msg_type: 'Text',
			ts: '2024-07-15T10:00:00.000+08:00',
			t: '2024-07-15T10:00:00.000+08:00',
		});
		expect(messages[5]).toMatchObject({ msg_type: 'Image', receiver_type: 'Agent' });
		expect(messages[4]).toMatchObject({ sender_name: '安康', receiver_type: 'Customer' });
	});

	it('without Simplify the messages are as Sobot sent them', async () => {
		const { items } = await bed.run(conversation('getTranscript', { conversationId: FIRST, simplify: false }));
		const [first] = (items[0].json.messages as IDataObject[]) ?? [];
		expect(first).toMatchObject({ sender_type: 0, msg_type: 0, ts: '2024-07-15 10:00:00', t: CHAT_EPOCH_MS });
	});

	it("a customer's last conversation by partner ID and channel, with real names; cid comes from the messages", async () => {
		const { items, error } = await bed.run(
			conversation('getTranscript', { transcriptOf: 'lastConversation', customerBy: 'partnerId', partnerId: CHAT_PARTNER, from: '1', name_flag: 1 }),
		);
		expect(error).toBeUndefined();
		expect(only(bed).body).toEqual({ partnerid: CHAT_PARTNER, from: 1, name_flag: 1 });
		expect(items[0].json.cid).toBe('c0000000000000000000000000000004');
		expect((items[0].json.messages as IDataObject[])[0].sender_name).toBe('李娜');
	});

	it("by visitor ID: that visitor's latest conversation", async () => {
		const { items } = await bed.run(conversation('getTranscript', { transcriptOf: 'lastConversation', customerBy: 'visitorId', visitorId: CHAT_VISITOR }));
		expect(items[0].json.cid).toBe(THIRD);
	});

	it('an empty or malformed conversation ID stops the item before any request, naming the parameter', async () => {
		const { error } = await bed.run(conversation('getTranscript', { conversationId: '  ' }));
		expect(error?.message).toBe('"Conversation ID" is empty');
		const bad = await bed.run(conversation('getTranscript', { conversationId: 'a/b' }));
		expect(bad.error?.message).toBe('"Conversation ID" is not a valid ID: "a/b"');
		expect(bed.calls()).toHaveLength(0);
	});

	it('a Sobot error names its code; with Continue On Fail the item carries it', async () => {
		bed.fake.failNextWithRetCode(1, '999999', '会话查询失败');
		const { items } = await bed.run(conversation('getTranscript', { conversationId: FIRST }), { continueOnFail: true });
		expect(items[0].json.error).toMatch(/^Sobot 999999: 会话查询失败/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('conversation.getMany', () => {
	it("lists a visitor's conversations, start time simplified; Limit keeps the first ones", async () => {
		const { items, error } = await bed.run(conversation('getMany', { customerBy: 'visitorId', visitorId: CHAT_VISITOR, limit: 2, simplify: true }));
		expect(error).toBeUndefined();
		expect(only(bed).body).toEqual({ visitorid: CHAT_VISITOR });
		expect(items.map((item) => item.json.cid)).toEqual(['c0000000000000000000000000000001', 'c0000000000000000000000000000002']);
		expect(items[0].json).toEqual({ cid: FIRST, start_date_time: '2024-07-15T10:00:00.000+08:00', visitorid: CHAT_VISITOR });
	});

	it('Return All returns every conversation of the customer', async () => {
		const { items } = await bed.run(conversation('getMany', { customerBy: 'visitorId', visitorId: CHAT_VISITOR, returnAll: true }));
		expect(items).toHaveLength(3);
	});

	it("the time filters go out as the account's wall clock and narrow the list", async () => {
		const { items } = await bed.run(
			conversation('getMany', {
				customerBy: 'visitorId',
				visitorId: CHAT_VISITOR,
				returnAll: true,
				filters: { start_time: '2024-07-16T00:00:00', end_time: '2024-07-16T23:59:59' },
			}),
		);
		expect(only(bed).body).toEqual({ visitorid: CHAT_VISITOR, start_time: '2024-07-16 00:00:00', end_time: '2024-07-16 23:59:59' });
		expect(items.map((item) => item.json.cid)).toEqual(['c0000000000000000000000000000002']);
	});

	it('a start after the end is refused before any request', async () => {
		const { error } = await bed.run(
			conversation('getMany', { customerBy: 'visitorId', visitorId: CHAT_VISITOR, filters: { start_time: '2024-07-17', end_time: '2024-07-16' } }),
		);
		expect(error?.message).toBe('"Started After" is later than "Started Before"');
		expect(bed.calls()).toHaveLength(0);
	});

	it('by partner ID sends partnerid and from', async () => {
		const { items } = await bed.run(conversation('getMany', { customerBy: 'partnerId', partnerId: CHAT_PARTNER, from: '1', returnAll: true }));
		expect(only(bed).body).toEqual({ partnerid: CHAT_PARTNER, from: 1 });
		expect(items.map((item) => item.json.visitorid)).toEqual([CHAT_OTHER_VISITOR]);
	});

	it('a Sobot error names its code', async () => {
		bed.fake.failNextWithRetCode(1, '400001', 'visitorid不能为空');
		const { error } = await bed.run(conversation('getMany', { customerBy: 'visitorId', visitorId: CHAT_VISITOR }));
		expect(error?.message).toMatch(/^Sobot 400001/);
	});
});

describe('conversation.getSummary', () => {
	it('returns the summary with flags as booleans, the question status named and custom fields as an object', async () => {
		const { items, error } = await bed.run(conversation('getSummary', { conversationId: FIRST, simplify: true }));
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.path, request.body]).toEqual([`${SOBOT_DATA_PREFIX}/query_summary`, { cid: FIRST }]);
		expect(items[0].json).toMatchObject({
			cid: FIRST,
			summary_flag: true,
			invalid_session: false,
			question_status: 'Solved',
			update_time: '2024-07-15T10:20:00.000+08:00',
			custom_fields: { [SUMMARY_FIELD]: 'DD20240715001', [SUMMARY_CHANNEL_FIELD]: '官网' },
			summary_staff_name: '安康',
		});
		const unsolved = await bed.run(conversation('getSummary', { conversationId: THIRD, simplify: true }));
		expect(unsolved.items[0].json.question_status).toBe('Not Solved');
	});

	it('a conversation without a summary is an error naming the conversation', async () => {
		const { error } = await bed.run(conversation('getSummary', { conversationId: 'c0000000000000000000000000000002' }));
		expect(error?.message).toBe('Sobot has no summary of conversation "c0000000000000000000000000000002"');
	});
});

describe('conversation.getOfflineMessages', () => {
	it('one item per message with its sender and the visitor; times ISO; Limit and Return All', async () => {
		const { items, error } = await bed.run(conversation('getOfflineMessages', { visitorId: CHAT_VISITOR, returnAll: true, simplify: true }));
		expect(error).toBeUndefined();
		expect(only(bed).body).toEqual({ visitorid: CHAT_VISITOR });
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual({
			visitorid: CHAT_VISITOR,
			sender: '52e5ed05ee984a4f8bb0b3f921ba2b05',
			sender_name: '安康',
			send_face: 'https://img.sobot.com/console/common/face/admin.png',
			cid: FIRST,
			msg: '换货单已生成，快递单号 SF1234567890',
			ts: '2024-07-15T11:02:00.000+08:00',
		});
		expect(items[2].json.sender_name).toBe('SCRM测试');
		const limited = await bed.run(conversation('getOfflineMessages', { visitorId: CHAT_VISITOR, limit: 1 }));
		expect(limited.items).toHaveLength(1);
	});

	it('a visitor without offline messages gives no items; a Sobot error names its code', async () => {
		const none = await bed.run(conversation('getOfflineMessages', { visitorId: CHAT_OTHER_VISITOR, returnAll: true }));
		expect(none.items).toHaveLength(0);
		bed.fake.failNextWithRetCode(1, '900004');
		const { error } = await bed.run(conversation('getOfflineMessages', { visitorId: CHAT_VISITOR }));
		expect(error?.message).toMatch(/^Sobot 900004/);
	});
});
