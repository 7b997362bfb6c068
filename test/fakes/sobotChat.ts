/**
 * Fake Sobot online chat (在线客服, `/api/chat/5/user/*`) and online statistics (`/api/wb/5/data/*`),
 * plus the ticket centre's `add_ticket_evaluation`: the endpoints of BEYOND-TICKETS §1.1, §1.3 and
 * §1.4 (sources: the S-PHP SDK's docblocks, the S-GO SDK, the international spec S-AE). Nobody has
 * run them against a real account: every answer shape and error code the source does not give is
 * marked ASSUMPTION. Mounted by FakeSobot (test/fakes/sobot.ts), which owns the token check.
 *
 * The presets are a small, realistic account: Chinese names, conversations of several messages
 * between a customer, the bot and an agent, summaries with custom fields, ratings, offline
 * messages. `reset()` (called by FakeSobot.resetStores) brings them back.
 */
import { FakeResponse, Route, RouteContext, formatCst, isRecord, parseCst, str } from './base';

export const SOBOT_CHAT_PREFIX = '/api/chat/5/user';
export const SOBOT_DATA_PREFIX = '/api/wb/5/data';

/** One message of a transcript, as get_detail_by_cid lists it. */
export interface SobotChatMessage {
	cid: string;
	sender_name: string;
	/** 0 customer, 1 bot, 2 agent */
	sender_type: number;
	sender_face: string;
	receiver_name: string;
	receiver_type: number;
	receiver_face: string;
	/** 'YYYY-MM-DD HH:mm:ss' in the account's zone (China time here). */
	ts: string;
	/** ms */
	t: number;
	msg: string;
	/** 0 text, 1 image, 2 audio, 3 rich text */
	msg_type: number;
}

export interface SobotConversation {
	cid: string;
	visitorid: string;
	/** '' for a customer not docked through the API. */
	partnerid: string;
	/** channel of the partnerid (0 open platform, 1 web/H5/SDK, 2 WeChat) */
	from: number;
	/** The customer's nickname and real name (name_flag 0 / 1). */
	nick: string;
	realName: string;
	/** ms */
	start: number;
	/** [sender type, text, msg_type?] in order, one minute apart. */
	lines: Array<[0 | 1 | 2, string, number?]>;
	agentName: string;
	summary?: Record<string, unknown>;
	rating?: Record<string, unknown>;
}

/** A rating received by `comment`, as sent. */
export type SobotChatRating = Record<string, unknown> & { cid: string };

export const CHAT_VISITOR = 'a7c1e0f5b2d84c3e9f6a1b2c3d4e5f60'; // 王小明, three conversations
export const CHAT_OTHER_VISITOR = 'b8d2f1a6c3e94d5fa07b2c3d4e5f6a71'; // 李娜, one conversation, partner-docked
export const CHAT_PARTNER = 'shop-user-10086'; // 李娜's partnerid (from 1)
export const CHAT_GROUP_ONLINE = 'd1000000000000000000000000000001'; // 售前咨询, in working hours
export const CHAT_GROUP_OFFLINE = 'd1000000000000000000000000000002'; // 售后服务, off hours
export const SUMMARY_FIELD = 'e5000000000000000000000000000001'; // 订单号
export const SUMMARY_CHANNEL_FIELD = 'e5000000000000000000000000000002'; // 咨询渠道

const AGENT_FACE = 'https://img.sobot.com/console/common/face/admin.png';
const USER_FACE = 'https://img.sobot.com/console/common/face/user.png';
const BOT_FACE = 'https://img.sobot.com/console/common/face/robot.png';

/** 2024-07-15 10:00 China time, the first preset conversation. */
export const CHAT_EPOCH_MS = Date.UTC(2024, 6, 15, 2, 0, 0);

function presetConversations(): SobotConversation[] {
	const hour = 3_600_000;
	return [
		{
			cid: 'c0000000000000000000000000000001',
			visitorid: CHAT_VISITOR,
			partnerid: '',
			from: 1,
			nick: '小明',
			realName: '王小明',
			start: CHAT_EPOCH_MS,
			agentName: '安康',
			lines: [
				[0, '你好，我的打印机到货后无法开机'],
				[1, '您好，请问您的订单号是多少？'],
				[0, '订单号 DD20240715001'],
				[1, '正在为您转接人工客服'],
				[2, '您好，我是客服安康，请发一张设备照片'],
				[0, 'https://img.sobot.com/chat/photo-001.jpg', 1],
				[2, '看到了，电源模块损坏，我们为您安排换货'],
				[0, '好的，谢谢'],
			],
			summary: {
				summary_flag: 1,
				update_time: '2024-07-15 10:20:00',
				operation_name: '售后',
				req_type_name: '换货',
				question_status: 1,
				question_description: '打印机电源模块损坏，安排换货',
				invalid_session: 0,
				fields: [
					{ fieldid: SUMMARY_FIELD, field_name: '订单号', field_value: 'DD20240715001' },
					{ fieldid: SUMMARY_CHANNEL_FIELD, field_name: '咨询渠道', field_value: '官网' },
				],
				summary_staff_name: '安康',
			},
		},
		{
			cid: 'c0000000000000000000000000000002',
			visitorid: CHAT_VISITOR,
			partnerid: '',
			from: 1,
			nick: '小明',
			realName: '王小明',
			start: CHAT_EPOCH_MS + 26 * hour,
			agentName: '',
			lines: [
				[0, '换货什么时候发出？'],
				[1, '换货一般在 2 个工作日内发出，请耐心等待'],
				[0, '好的'],
			],
		},
		{
			cid: 'c0000000000000000000000000000003',
			visitorid: CHAT_VISITOR,
			partnerid: '',
			from: 1,
			nick: '小明',
			realName: '王小明',
			start: CHAT_EPOCH_MS + 50 * hour,
			agentName: 'SCRM测试',
			lines: [
				[0, '新打印机还是打不开'],
				[2, '很抱歉，我们帮您登记退款'],
				[0, '太慢了，很不满意'],
			],
			summary: {
				summary_flag: 1,
				update_time: '2024-07-17 12:15:00',
				operation_name: '售后',
				req_type_name: '退款',
				question_status: 0,
				question_description: '换货后仍无法开机，登记退款',
				invalid_session: 0,
				fields: [{ fieldid: SUMMARY_FIELD, field_name: '订单号', field_value: 'DD20240715001' }],
				summary_staff_name: 'SCRM测试',
			},
		},
		{
			cid: 'c0000000000000000000000000000004',
			visitorid: CHAT_OTHER_VISITOR,
			partnerid: CHAT_PARTNER,
			from: 1,
			nick: '娜娜',
			realName: '李娜',
			start: CHAT_EPOCH_MS + 3 * hour,
			agentName: '安康',
			lines: [
				[0, '发票可以开公司抬头吗？'],
				[2, '可以的，请提供公司名称和税号'],
				[0, '上海某某科技有限公司，税号 91310000XXXXXXXX'],
				[2, '已为您登记，电子发票将发送到您的邮箱'],
			],
		},
	];
}

function presetOffline(): Map<string, Array<Record<string, unknown>>> {
	return new Map([
		[
			CHAT_VISITOR,
			[
				{
					sender: '52e5ed05ee984a4f8bb0b3f921ba2b05',
					sender_name: '安康',
					send_face: AGENT_FACE,
					msg_list: [
						{ cid: 'c0000000000000000000000000000001', msg: '换货单已生成，快递单号 SF1234567890', ts: '2024-07-15 11:02:00' },
						{ cid: 'c0000000000000000000000000000001', msg: '请签收后告诉我们', ts: '2024-07-15 11:03:30' },
					],
				},
				{
					sender: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
					sender_name: 'SCRM测试',
					send_face: AGENT_FACE,
					msg_list: [{ cid: 'c0000000000000000000000000000003', msg: '退款已提交，3-5 个工作日到账', ts: '2024-07-17 15:40:00' }],
				},
			],
		],
	]);
}

export class SobotChatFake {
	conversations: SobotConversation[] = presetConversations();
	/** offline_msg_data by visitorid (item.msg_data). */
	offline = presetOffline();
	/** Ratings received by `comment`, oldest first. */
	readonly ratings: SobotChatRating[] = [];
	/** Ticket ratings received by add_ticket_evaluation, oldest first. */
	readonly ticketEvaluations: Array<Record<string, unknown>> = [];
	chatGroups = [
		{ groupid: CHAT_GROUP_ONLINE, group_name: '售前咨询', create_time: '2023-03-01 09:00:00', is_work: true },
		{ groupid: CHAT_GROUP_OFFLINE, group_name: '售后服务', create_time: '2023-03-01 09:05:00', is_work: false },
	];
	chatAgents = [
		{
			agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05', agent_name: '安康', agent_email: 'ankang@example.cn', role_name: '客服主管',
			agent_no: '1001', agent_status: 1, group_name: ['售前咨询', '售后服务'], groupid: [CHAT_GROUP_ONLINE, CHAT_GROUP_OFFLINE],
			create_time: '2023-03-02 10:00:00', department_name: '客服中心',
		},
		{
			agentid: 'f1b8dfc486bd42508edbc80e5c9fd8e9', agent_name: 'SCRM测试', agent_email: 'scrm@example.cn', role_name: '客服',
			agent_no: '1002', agent_status: 1, group_name: ['售后服务'], groupid: [CHAT_GROUP_OFFLINE],
			create_time: '2023-03-02 10:05:00', department_name: '客服中心',
		},
		{
			agentid: 'edf5f6bbf1ee488093edc3eea29cdc63', agent_name: '测试2', agent_email: 'test2@example.cn', role_name: '客服',
			agent_no: '1003', agent_status: 0, group_name: [], groupid: [],
			create_time: '2023-05-10 14:30:00', department_name: '运营部',
		},
	];
	/** get_once_data. ASSUMPTION: status_time in ms. */
	live: Record<string, unknown> = presetLive();

	constructor(private readonly hooks: { ok: (extra: Record<string, unknown>) => FakeResponse; ret: (code: string, msg?: string) => FakeResponse; ticketCompany: (ticketId: string) => string | undefined }) {}

	reset(): void {
		this.conversations = presetConversations();
		this.offline = presetOffline();
		this.ratings.length = 0;
		this.ticketEvaluations.length = 0;
		this.live = presetLive();
	}

	routes(): Route[] {
		const chat: Array<[string, (c: RouteContext) => FakeResponse]> = [
			['/query_cids', (c) => this.queryCids(c)],
			['/get_detail_by_cid', (c) => this.detailByCid(c)],
			['/offline_msg_data', (c) => this.offlineMessages(c)],
			['/get_once_data', () => this.hooks.ok({ item: this.live })],
			['/query_agent', () => this.hooks.ok({ items: this.chatAgents })],
			['/query_group', () => this.hooks.ok({ items: this.chatGroups.map(({ is_work: _working, ...group }) => group) })],
			['/admin_is_work', (c) => this.isWork(c)],
			['/comment', (c) => this.comment(c)],
		];
		const data: Array<[string, (c: RouteContext) => FakeResponse]> = [
			['/query_summary', (c) => this.summary(c)],
			['/human_satisfaction', (c) => this.stats(c, (range) => this.humanSatisfaction(range))],
			['/robot_satisfaction', (c) => this.stats(c, (range) => this.robotSatisfaction(range))],
			['/customer_session', (c) => this.stats(c, (range) => this.customerSessions(range))],
			['/human_session', (c) => this.stats(c, (range) => this.humanSessions(range))],
			['/robot_session', (c) => this.stats(c, (range) => this.robotSessions(range))],
			['/message_stats', (c) => this.stats(c, (range) => this.messageStats(range))],
		];
		const route = (prefix: string) => ([path, handler]: [string, (c: RouteContext) => FakeResponse]): Route => ({
			method: 'POST',
			pattern: new RegExp('^' + prefix + path + '/?$'),
			handler,
		});
		return [
			...chat.map(route(SOBOT_CHAT_PREFIX)),
			...data.map(route(SOBOT_DATA_PREFIX)),
			{ method: 'POST', pattern: /^\/api\/ws\/5\/ticket\/add_ticket_evaluation\/?$/, handler: (c) => this.ticketEvaluation(c) },
		];
	}

	// ------------------------------------------------------------------ helpers

	/** Adds a conversation (defaults: a new visitor, now, a two-line chat with the bot). */
	addConversation(fields: Partial<SobotConversation> = {}): SobotConversation {
		const n = this.conversations.length + 1;
		const conversation: SobotConversation = {
			cid: `c${String(n).padStart(31, '0')}`,
			visitorid: CHAT_VISITOR,
			partnerid: '',
			from: 1,
			nick: '访客',
			realName: '访客',
			start: Date.now(),
			agentName: '',
			lines: [
				[0, '在吗？'],
				[1, '您好，有什么可以帮您？'],
			],
			...fields,
		};
		this.conversations.push(conversation);
		return conversation;
	}

	private body(c: RouteContext): Record<string, unknown> {
		return isRecord(c.req.body) ? c.req.body : {};
	}

	/** ASSUMPTION: 400001 for a missing or malformed parameter, as the ticket centre answers. */
	private paramError(message: string): FakeResponse {
		return this.hooks.ret('400001', message);
	}

	/** The customer of a chat request: visitorid, else partnerid + from; undefined → not given. */
	private customerOf(b: Record<string, unknown>): ((c: SobotConversation) => boolean) | undefined {
		const visitorid = str(b['visitorid']);
		if (visitorid !== '') return (c) => c.visitorid === visitorid;
		const partnerid = str(b['partnerid']);
		if (partnerid !== '') {
			const from = str(b['from']) === '' ? 0 : Number(b['from']);
			return (c) => c.partnerid === partnerid && c.from === from;
		}
		return undefined;
	}

	messagesOf(conversation: SobotConversation, realName = false): SobotChatMessage[] {
		const customer = realName ? conversation.realName : conversation.nick;
		const party = (type: number) => (type === 0 ? customer : type === 1 ? '智能机器人' : conversation.agentName || '客服');
		const face = (type: number) => (type === 0 ? USER_FACE : type === 1 ? BOT_FACE : AGENT_FACE);
		return conversation.lines.map(([type, msg, msgType = 0], index) => {
			const t = conversation.start + index * 60_000;
			const receiver = type === 0 ? (conversation.lines.slice(index + 1).find(([next]) => next !== 0)?.[0] ?? 1) : 0;
			return {
				cid: conversation.cid,
				sender_name: party(type),
				sender_type: type,
				sender_face: face(type),
				receiver_name: party(receiver),
				receiver_type: receiver,
				receiver_face: face(receiver),
				ts: formatCst(t),
				t,
				msg,
				msg_type: msgType,
			};
		});
	}

	// ------------------------------------------------------------------ online chat

	/** ASSUMPTION: start_time / end_time 'YYYY-MM-DD HH:mm:ss' (account zone) filter by start; oldest first. */
	private queryCids(c: RouteContext): FakeResponse {
		const b = this.body(c);
		const match = this.customerOf(b);
		if (!match) return this.paramError('visitorid或partnerid不能为空');
		const from = str(b['start_time']) === '' ? -Infinity : parseCst(str(b['start_time']));
		const to = str(b['end_time']) === '' ? Infinity : parseCst(str(b['end_time']));
		if (Number.isNaN(from) || Number.isNaN(to)) return this.paramError('start_time/end_time格式错误');
		const items = this.conversations
			.filter((conversation) => match(conversation) && conversation.start >= from && conversation.start <= to)
			.sort((a, z) => a.start - z.start)
			.map((conversation) => ({ cid: conversation.cid, start_date_time: conversation.start, visitorid: conversation.visitorid }));
		return this.hooks.ok({ item: items });
	}

	/** cid > visitorid > partnerid+from; without cid the customer's last conversation. */
	private detailByCid(c: RouteContext): FakeResponse {
		const b = this.body(c);
		const cid = str(b['cid']);
		let conversation: SobotConversation | undefined;
		if (cid !== '') conversation = this.conversations.find((candidate) => candidate.cid === cid);
		else {
			const match = this.customerOf(b);
			if (!match) return this.paramError('cid、visitorid、partnerid不能同时为空');
			conversation = this.conversations.filter(match).sort((a, z) => z.start - a.start)[0];
		}
		// ASSUMPTION: an unknown conversation answers an empty list, not an error.
		return this.hooks.ok({ item: conversation ? this.messagesOf(conversation, Number(b['name_flag']) === 1) : [] });
	}

	private offlineMessages(c: RouteContext): FakeResponse {
		const visitorid = str(this.body(c)['visitorid']);
		if (visitorid === '') return this.paramError('visitorid不能为空');
		const data = this.offline.get(visitorid) ?? [];
		const size = data.reduce((sum, sender) => sum + (Array.isArray(sender['msg_list']) ? sender['msg_list'].length : 0), 0);
		return this.hooks.ok({ item: { size, msg_data: data } });
	}

	private isWork(c: RouteContext): FakeResponse {
		const groupid = str(this.body(c)['groupid']);
		if (groupid === '') return this.paramError('groupid不能为空');
		const group = this.chatGroups.find((candidate) => candidate.groupid === groupid);
		// ASSUMPTION: code and text for an unknown group.
		if (!group) return this.hooks.ret('400002', '技能组不存在');
		return this.hooks.ok({ item: { is_work: group.is_work } });
	}

	/** comment: rates the partner's last conversation; status 1 ok, 2 already rated, 3 no conversation. */
	private comment(c: RouteContext): FakeResponse {
		const b = this.body(c);
		const partnerid = str(b['partnerid']);
		if (partnerid === '') return this.paramError('partnerid不能为空');
		const score = Number(b['score']);
		if (!Number.isInteger(score) || score < 1 || score > 5) return this.paramError('score参数错误');
		const conversation = this.conversations.filter((candidate) => candidate.partnerid === partnerid).sort((a, z) => z.start - a.start)[0];
		if (!conversation) return this.hooks.ok({ item: { status: 3, cid: '' } });
		if (conversation.rating) return this.hooks.ok({ item: { status: 2, cid: conversation.cid } });
		conversation.rating = { ...b };
		this.ratings.push({ ...b, cid: conversation.cid });
		return this.hooks.ok({ item: { status: 1, cid: conversation.cid } });
	}

	private summary(c: RouteContext): FakeResponse {
		const cid = str(this.body(c)['cid']);
		if (cid === '') return this.paramError('cid不能为空');
		const conversation = this.conversations.find((candidate) => candidate.cid === cid);
		// ASSUMPTION: a conversation without a summary answers item null.
		return this.hooks.ok({ item: conversation?.summary ? { ...conversation.summary, cid } : null });
	}

	/** ASSUMPTION (S-GO): camelCase; 400005 for an unknown ticket as the other ticket calls; a second rating is refused. */
	private ticketEvaluation(c: RouteContext): FakeResponse {
		const b = this.body(c);
		const ticketId = str(b['ticketId']);
		const company = this.hooks.ticketCompany(ticketId);
		if (company === undefined) return this.hooks.ret('400005', '工单不存在');
		if (str(b['companyId']) !== company) return this.paramError('companyId错误');
		const score = Number(b['score']);
		if (!Number.isInteger(score) || score < 1 || score > 5) return this.paramError('score参数错误');
		if (this.ticketEvaluations.some((evaluation) => evaluation['ticketId'] === ticketId)) return this.hooks.ret('400011', '工单已评价');
		this.ticketEvaluations.push({ ...b });
		return this.hooks.ok({});
	}

	// ------------------------------------------------------------------ statistics

	/** start_date / end_date 'YYYY-MM-DD', days in China time; figures from the conversations in range. */
	private stats(c: RouteContext, figures: (range: SobotConversation[]) => Record<string, unknown>): FakeResponse {
		const b = this.body(c);
		const start = str(b['start_date']);
		const end = str(b['end_date']);
		const day = /^\d{4}-\d{2}-\d{2}$/;
		if (!day.test(start) || !day.test(end)) return this.paramError('start_date/end_date格式错误,应为yyyy-MM-dd');
		const from = parseCst(start);
		const to = parseCst(end) + 86_400_000;
		if (from >= to) return this.paramError('开始日期不能晚于结束日期');
		return this.hooks.ok({ item: figures(this.conversations.filter((conversation) => conversation.start >= from && conversation.start < to)) });
	}

	private humanSatisfaction(range: SobotConversation[]): Record<string, unknown> {
		const human = range.filter((conversation) => conversation.lines.some(([type]) => type === 2));
		const rated = human.filter((conversation) => conversation.rating);
		const scores = rated.map((conversation) => Number(conversation.rating?.['score']));
		const good = scores.filter((score) => score >= 4).length;
		const middle = scores.filter((score) => score === 3).length;
		const bad = scores.filter((score) => score <= 2).length;
		const rate = (n: number, of: number) => (of === 0 ? '0.00' : ((100 * n) / of).toFixed(2));
		const solved = rated.filter((conversation) => Number(conversation.rating?.['solved']) === 1).length;
		return {
			effect_session_count: String(human.length),
			total_times: String(rated.length),
			comment_rate: rate(rated.length, human.length),
			initiative: String(rated.filter((conversation) => Number(conversation.rating?.['comment_type']) === 1).length),
			initiative_rate: '0.00',
			invites: String(rated.filter((conversation) => Number(conversation.rating?.['comment_type'] ?? 0) === 0).length),
			invites_rate: '0.00',
			solved_count: String(rated.length),
			solved: String(solved),
			not_solved: String(rated.length - solved),
			solved_rate: rate(solved, rated.length),
			avg_num: scores.length === 0 ? '0.00' : (scores.reduce((a, z) => a + z, 0) / scores.length).toFixed(2),
			good: String(good),
			good_rate: rate(good, rated.length),
			middle: String(middle),
			middle_rate: rate(middle, rated.length),
			bad: String(bad),
			bad_rate: rate(bad, rated.length),
			score1: String(scores.filter((score) => score === 1).length),
			score2: String(scores.filter((score) => score === 2).length),
			score3: String(scores.filter((score) => score === 3).length),
			score4: String(scores.filter((score) => score === 4).length),
		};
	}

	private robotSatisfaction(range: SobotConversation[]): Record<string, unknown> {
		const bot = range.filter((conversation) => conversation.lines.some(([type]) => type === 1));
		return { effect_session_count: String(bot.length), total_times: '0', comment_rate: '0.00', solved: '0', not_solved: '0', resolution_rate: '0.00' };
	}

	private customerSessions(range: SobotConversation[]): Record<string, unknown> {
		const valid = range.filter((conversation) => conversation.lines.length > 2);
		const minutes = range.map((conversation) => conversation.lines.length - 1);
		return {
			total_consult_session: String(range.length),
			total_valid_session: String(valid.length),
			total_valid_session_rate: range.length === 0 ? '0.00' : ((100 * valid.length) / range.length).toFixed(2),
			avg_session_duration: minutes.length === 0 ? '0' : String(Math.round((60 * minutes.reduce((a, z) => a + z, 0)) / minutes.length)),
			avg_total_session_duration: minutes.length === 0 ? '0' : String(Math.round((60 * minutes.reduce((a, z) => a + z, 0)) / minutes.length)),
			total_invalid_session: String(range.length - valid.length),
		};
	}

	private humanSessions(range: SobotConversation[]): Record<string, unknown> {
		const human = range.filter((conversation) => conversation.lines.some(([type]) => type === 2));
		return {
			consult_session: String(human.length),
			valid_session: String(human.length),
			invalid_session: '0',
			not_received_session: '0',
			transfer_in_session: String(human.filter((conversation) => conversation.lines.some(([type]) => type === 1)).length),
			transfer_out_session: '0',
			black_session: '0',
			avg_reception_time: '45',
			solved_session: String(human.filter((conversation) => conversation.summary?.['question_status'] === 1).length),
			not_solved_session: String(human.filter((conversation) => conversation.summary?.['question_status'] === 0).length),
			max_concurrent: '2',
			initiative_session: '0',
		};
	}

	private robotSessions(range: SobotConversation[]): Record<string, unknown> {
		const bot = range.filter((conversation) => conversation.lines.some(([type]) => type === 1));
		const toHuman = bot.filter((conversation) => conversation.lines.some(([type]) => type === 2));
		return {
			consult_session: String(bot.length),
			valid_session: String(bot.length),
			invalid_session: '0',
			valid_reception_rate: bot.length === 0 ? '0.00' : '100.00',
			self_reception_session: String(bot.length - toHuman.length),
			self_reception_rate: bot.length === 0 ? '0.00' : ((100 * (bot.length - toHuman.length)) / bot.length).toFixed(2),
			to_human_session: String(toHuman.length),
			to_human_session_rate: bot.length === 0 ? '0.00' : ((100 * toHuman.length) / bot.length).toFixed(2),
			avg_session_duration: '120',
		};
	}

	private messageStats(range: SobotConversation[]): Record<string, unknown> {
		const count = (type: number) => range.reduce((sum, conversation) => sum + conversation.lines.filter(([sender]) => sender === type).length, 0);
		const agentWords = range.reduce(
			(sum, conversation) => sum + conversation.lines.filter(([sender]) => sender === 2).reduce((words, [, msg]) => words + msg.length, 0),
			0,
		);
		return {
			robot_msg_count: String(count(1)),
			customer_msg_count: String(count(0)),
			agent_msg_count: String(count(2)),
			answer_ratio: count(0) === 0 ? '0.00' : ((count(2) + count(1)) / count(0)).toFixed(2),
			agent_words: String(agentWords),
			offline_msg_count: String([...this.offline.values()].flat().length),
		};
	}
}

function presetLive(): Record<string, unknown> {
	return {
		admin_size: 2,
		online_user_size: 5,
		wait_user_size: 3,
		robot_user_size: 7,
		admin_list: [
			{
				agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05', agent_name: '安康', agent_nick: '小安', agent_email: 'ankang@example.cn',
				group_name: ['售前咨询', '售后服务'], groupid: [CHAT_GROUP_ONLINE, CHAT_GROUP_OFFLINE], count: 3, max_count: 5,
				status: 1, status_code: 0, status_time: CHAT_EPOCH_MS,
			},
			{
				agentid: 'f1b8dfc486bd42508edbc80e5c9fd8e9', agent_name: 'SCRM测试', agent_nick: '测测', agent_email: 'scrm@example.cn',
				group_name: ['售后服务'], groupid: [CHAT_GROUP_OFFLINE], count: 2, max_count: 2,
				status: 2, status_code: 3, status_time: CHAT_EPOCH_MS + 600_000,
			},
		],
	};
}

