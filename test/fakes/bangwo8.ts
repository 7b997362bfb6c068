/**
 * Fake Bangwo8 (帮我吧) REST API v1, modelled on seeds 000/001 and docs/VENDOR-NOTES.md.
 *
 * - `POST /api/token.php` (OAuth2 client credentials) → Bearer tokens valid for `tokenTtlSeconds`.
 * - Everything under `/api/v1/` needs `Authorization: Basic base64(account:password)` or a valid Bearer.
 * - Zendesk-like shapes: `.json` paths, root-key wrapping, lists with count/next_page, ids as strings.
 * - `Requestid` header on creates: a repeated id replays the first answer and creates nothing.
 *
 * Anything not confirmed by the seeds / vendor notes is marked "GUESS" (error codes of auth and
 * validation failures, ticket fields, update/delete messages, the id in the create answer).
 */
import { randomBytes } from 'node:crypto';
import { FakeServer, FakeResponse, RecordedRequest, Route, RouteContext, isRecord, json, str, formatCst, parseCst } from './base';

// ==================================================================== endpoint table (ALL paths)
// Paths relative to /api/v1/. `{id}` = numeric id segment. Handler names map to FakeBangwo8 methods.
export const BANGWO8_TOKEN_PATH = '/api/token.php';
export const BANGWO8_API_PREFIX = '/api/v1/';
export const BANGWO8_ENDPOINTS = [
	// contacts (users)
	['GET', 'users.json', 'listUsers'],
	['POST', 'users.json', 'createUser'],
	['GET', 'users/show_many.json', 'showManyUsers'],
	['GET', 'users/search.json', 'searchUsers'],
	['DELETE', 'users/destroy_many.json', 'destroyManyUsers'],
	['GET', 'users/{id}.json', 'getUser'],
	['PUT', 'users/{id}.json', 'updateUser'],
	['DELETE', 'users/{id}.json', 'deleteUser'],
	['GET', 'users/{id}/tickets.json', 'userTickets'],
	// companies
	['GET', 'companies.json', 'listCompanies'],
	['POST', 'companies.json', 'createCompany'],
	['GET', 'companies/show_many.json', 'showManyCompanies'],
	['GET', 'companies/search.json', 'searchCompanies'],
	['GET', 'companies/{id}.json', 'getCompany'],
	['PUT', 'companies/{id}.json', 'updateCompany'],
	['DELETE', 'companies/{id}.json', 'deleteCompany'],
	['GET', 'companies/{id}/users.json', 'companyUsers'],
	['GET', 'companies/{id}/tickets.json', 'companyTickets'],
	// customer groups
	['GET', 'customergroups.json', 'listGroups'],
	['POST', 'customergroups.json', 'createGroup'],
	['GET', 'customergroups/show_many.json', 'showManyGroups'],
	['GET', 'customergroups/{id}.json', 'getGroup'],
	['PUT', 'customergroups/{id}.json', 'updateGroup'],
	['DELETE', 'customergroups/{id}.json', 'deleteGroup'],
	['GET', 'customergroups/{id}/customers.json', 'groupCustomers'],
	// contact fields
	['GET', 'user_fields.json', 'listUserFields'],
	// tickets
	['GET', 'tickets.json', 'listTickets'],
	['POST', 'tickets.json', 'createTicket'],
	['GET', 'tickets/{id}.json', 'getTicket'],
	['PUT', 'tickets/{id}.json', 'updateTicket'],
	['GET', 'tickets/ticket_fields.json', 'listTicketFields'],
	['GET', 'tickettemplates.json', 'listTicketTemplates'],
	// agents (客服)
	['GET', 'supports.json', 'listAgents'],
	['GET', 'supports/{id}.json', 'getAgent'], // ASSUMPTION: path and `{"support":{…}}` answer inferred from the other resources
	// online chats (服务记录 → 在线聊天, BEYOND-TICKETS §2.1): paths and query names from the vendor's page;
	// ASSUMPTIONS: the `histories` / `chatrecords` root keys, count/next_page paging, r_id numeric
	['GET', 'imchat/histories.json', 'listChats'],
	['GET', 'imchat/chatrecords/{id}.json', 'getChatRecords'],
] as const;

type HandlerName = (typeof BANGWO8_ENDPOINTS)[number][2];

/** Error bodies. Only 100047 is confirmed by the seed; the rest are GUESSES kept here in one place. */
export const BANGWO8_ERRORS = {
	invalidUri: { status: 404, errcode: '100047', errmsg: 'Invalid resource URI' },
	invalidToken: { status: 401, errcode: '100001', errmsg: 'Invalid token' }, // GUESS
	invalidBasic: { status: 401, errcode: '100002', errmsg: 'Invalid account or password' }, // GUESS
	noAuth: { status: 401, errcode: '100003', errmsg: 'Authorization required' }, // GUESS
	notFound: { status: 404, errcode: '100004', errmsg: 'Record not found' }, // GUESS
	badRequest: { status: 400, errcode: '100005', errmsg: 'Invalid parameter' }, // GUESS
} as const;

/** Write-answer messages. 'Insert ok' is confirmed; the others are GUESSES. */
export const BANGWO8_WRITE_MSG = { insert: 'Insert ok', update: 'Update ok', delete: 'Delete ok' } as const;

export interface FakeBangwo8Options {
	account?: string;
	password?: string;
	clientId?: string;
	clientSecret?: string;
	/** Bearer lifetime; `expires_in` answers this. Default 3600. */
	tokenTtlSeconds?: number;
}

export interface CustomField {
	key: string;
	value: string;
}

export interface Bangwo8User {
	cId: string;
	name: string;
	mobile: string;
	email: string;
	fixnumber: string;
	position: string;
	QQ: string;
	note: string;
	companyId: string;
	supportId: string;
	multiServiceList: string;
	default: string;
	service_groupid: string;
	createDT: string;
	updateDT: string;
	tableName: string;
	uniqueId: string;
	custom_fields: CustomField[];
	/** 1 active, 2 left, 3 deleted */
	state: string;
	createrId: string;
}

export interface Bangwo8Company {
	uId: string;
	companyName: string;
	province: string;
	city: string;
	supportId: string;
	servicestarttime: string;
	serviceendtime: string;
	serviceCharge: string;
	serviceaccount: string;
	servicepassword: string;
	address: string;
	userURL: string;
	serveNote: string;
	multiServiceList: string;
	service_groupid: string;
	createDT: string;
	updateDT: string;
	tableName: string;
	custom_fields: CustomField[];
}

export interface Bangwo8Group {
	groupId: string;
	groupName: string;
	/** 1 company group, 2 contact group */
	type: string;
}

/**
 * The ticket of the vendor's ticket page (VENDOR-NOTES "Bangwo8 tickets, complete"). ASSUMPTIONS:
 * `companyId` (the fake's link for companies/{id}/tickets.json: the contact's company), the
 * comma-separated strings of `ccUserIdList` / `ccGroupIdList` / `tagList` (the page types the cc
 * lists as string), and `ticketReply` kept on the record as a list of replies.
 */
export interface Bangwo8Ticket {
	ticketId: string;
	subject: string;
	descript: string;
	/** 1 remote, 2 chat, 3 call centre, 4 message, 5 system, 7 API, 8 template, 9 email */
	ticketSource: string;
	/** 1 question, 2 task, 3 incident, 4 job */
	ticketType: string;
	/** 1 low, 2 normal, 3 high, 4 urgent */
	priorityLevel: string;
	/** 1 new, 2 open, 3 awaiting reply, 4 solved, 5 closed automatically, 6 closed manually */
	ticketStatus: string;
	/** The contact the ticket is for. */
	custUserId: string;
	agentId: string;
	createrId: string;
	/** The assignee (an agent's sId). */
	servicerUserId: string;
	servicerGroupId: string;
	ccUserIdList: string;
	ccGroupIdList: string;
	ticketTemplateId: string;
	tagList: string;
	companyId: string;
	createDT: string;
	updateDT: string;
	custom_fields: CustomField[];
	tables: unknown[];
	ticketReply: Array<{ replyMsg: string; createDT: string }>;
}

/** Documented enum values: anything else is refused (ASSUMPTION: with 400 badRequest naming the field). */
export const BANGWO8_TICKET_ENUMS = {
	ticketStatus: ['1', '2', '3', '4', '5', '6'],
	priorityLevel: ['1', '2', '3', '4'],
	ticketType: ['1', '2', '3', '4'],
	ticketSource: ['1', '2', '3', '4', '5', '7', '8', '9'],
} as const;

/** `GET tickettemplates.json` (vendor's 工单模板 page). */
export interface Bangwo8TicketTemplate {
	tId: string;
	ticketTemplateName: string;
	ticketTemplateDescription: string;
	visibleRange: string;
	servicerGroupId: string;
	servicerId: string;
	isReleased: string;
	creatorId: string;
	createDT: string;
}

/** `GET tickets/ticket_fields.json`: `isRequired` 1 = optional, 0 = required. */
export interface Bangwo8TicketField {
	id: string;
	name: string;
	key: string;
	system: string;
	type: string;
	isRequired: string;
	custom_field_options: Array<{ id: string; name: string; value: string }>;
}

/** `GET supports.json` (客服). */
export interface Bangwo8Agent {
	sId: string;
	name: string;
	email: string;
	mobile: string;
	groupId: string;
	isAdmin: string;
	isStat: string;
}

export interface Bangwo8UserField {
	id: string;
	name: string;
	key: string;
	type: string;
	system: string;
	custom_field_options: Array<{ id: string; name: string; value: string }>;
}

/** A message of a chat (`imchat/chatrecords/{r_id}.json`). */
export interface Bangwo8ChatMessage {
	spokesman: string;
	/** 1 agent, 2 user, 3 robot */
	spokesman_identity: string;
	msg: string;
	/** 1 text, 2 image */
	msg_type: string;
	create_time: string;
}

/**
 * An online chat as the newer vendor page lists it. ASSUMPTIONS: times are `YYYY-MM-DD HH:mm:ss`
 * China time like the other Bangwo8 times; `client_id` is a contact's cId and `uname` its name;
 * ids and figures are strings like everywhere else in Bangwo8. The fake keeps the messages on the
 * chat and answers `contents` with the chatrecords URL (newer shape) or the messages inline
 * (older shape, `chatShape = 'older'`).
 */
export interface Bangwo8Chat {
	r_id: string;
	/** 1 client app, 2 web, 3 WeChat, 4 robot, 5 agent, 8 third party */
	type: string;
	client_id: string;
	uname: string;
	support_id: string;
	support_name: string;
	start_time: string;
	end_time: string;
	client_ip: string;
	ip_info: string;
	/** 0 none, 1 satisfied, 2 neutral, 3 dissatisfied */
	evaluate: string;
	evaluate_time: string;
	evaluate_remark: string;
	/** 1 customer ended, 2 agent ended */
	end_type: string;
	servicer_msg_count: string;
	client_msg_count: string;
	/** seconds */
	first_response: string;
	response_speed: string;
	chat_clue: string;
	messages: Bangwo8ChatMessage[];
}

/** Transcripts the chat seeding cycles through: [speaker (1 agent, 2 customer, 3 robot), text]. */
const TRANSCRIPTS: Array<{ rating: string; remark: string; lines: Array<[string, string]> }> = [
	{
		rating: '1',
		remark: '客服很专业,问题很快解决了',
		lines: [
			['3', '您好,我是智能助手,请问有什么可以帮您?'],
			['2', '打印机连不上网络'],
			['1', '您好,请问打印机型号是多少?'],
			['2', 'X-100'],
			['1', '请长按WiFi键5秒重新配网,然后再试一下'],
			['2', '好了,可以打印了,谢谢!'],
		],
	},
	{
		rating: '3',
		remark: '等了很久没人回复,问题也没解决',
		lines: [
			['2', '我的订单三天了还没发货'],
			['1', '您好,请提供一下订单号'],
			['2', 'SO-20240715-001'],
			['1', '已帮您催促仓库,请耐心等待'],
			['2', '上次也是这么说的,太慢了'],
		],
	},
	{
		rating: '2',
		remark: '',
		lines: [
			['2', '发票怎么开?'],
			['1', '您好,在订单详情页点击"申请发票"即可'],
			['2', '好的'],
		],
	},
	{
		rating: '0',
		remark: '',
		lines: [
			['2', '你们几点下班?'],
			['3', '人工客服工作时间为每天9:00-21:00'],
		],
	},
];

export interface SeedTimeOptions {
	/** First record's createDT: 'YYYY-MM-DD HH:mm:ss' (UTC+8), epoch ms, or Date. Default: after the newest record, or 2023-01-01 09:00:00. */
	createdAt?: string | number | Date;
	/** First record's updateDT (same forms); default = its createDT. */
	updatedAt?: string | number | Date;
	/** Seconds between consecutive records (default 60). */
	stepSeconds?: number;
}

interface Dated {
	createDT: string;
	updateDT: string;
}

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴艳', '徐涛', '孙丽'];
const COMPANY_NAMES = ['北京智达科技', '上海云帆贸易', '深圳前海数据', '杭州西溪网络', '成都天府软件', '武汉光谷电子'];
const PROVINCES: Array<[string, string]> = [
	['北京', '北京'],
	['上海', '上海'],
	['广东', '深圳'],
	['浙江', '杭州'],
	['四川', '成都'],
	['湖北', '武汉'],
];
const DEFAULT_SEED_START = parseCst('2023-01-01 09:00:00');

function toMs(v: string | number | Date): number {
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'number') return v;
	const ms = parseCst(v);
	if (Number.isNaN(ms)) throw new Error(`bad timestamp ${v}`);
	return ms;
}

function splitIds(v: string | undefined): string[] {
	return (v ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter((x) => x !== '');
}

function toCustomFields(v: unknown): CustomField[] | undefined {
	if (!Array.isArray(v)) return undefined;
	const out: CustomField[] = [];
	for (const e of v) if (isRecord(e)) out.push({ key: str(e['key']), value: str(e['value']) });
	return out;
}

function mergeCustomFields(old: CustomField[], upd: CustomField[]): CustomField[] {
	const out = old.map((f) => ({ ...f }));
	for (const f of upd) {
		const hit = out.find((o) => o.key === f.key);
		if (hit) hit.value = f.value;
		else out.push({ ...f });
	}
	return out;
}

function err(e: { status: number; errcode: string; errmsg: string }, detail?: string): FakeResponse {
	return json(e.status, { errcode: e.errcode, errmsg: detail ? `${e.errmsg}: ${detail}` : e.errmsg });
}

export class FakeBangwo8 extends FakeServer {
	readonly account: string;
	readonly password: string;
	readonly clientId: string;
	readonly clientSecret: string;
	tokenTtlSeconds: number;

	/** Calls to /api/token.php (any outcome, injected faults included). */
	tokenRequests = 0;
	/** Valid bearer tokens → expiry (epoch ms). */
	readonly tokens = new Map<string, number>();
	/** Every Requestid header seen (all non-token requests, faulted ones included), in order. */
	readonly requestIds: string[] = [];
	/** Creates answered from the Requestid replay cache (duplicates dropped). */
	duplicateCreates = 0;
	private readonly createReplies = new Map<string, FakeResponse>();

	readonly users = new Map<string, Bangwo8User>();
	readonly companies = new Map<string, Bangwo8Company>();
	/**
	 * Soft-deleted company ids: hidden from lists unless deStat=1 (seed 000: the company list and
	 * search take deStat, "include deleted data"). ASSUMPTION: a deleted company keeps its place in a
	 * deStat=1 list and its updateDT (a company record has no state field saying it is deleted), and
	 * GET companies/{id}.json answers 404 for it. The Bangwo8 Trigger relies on the 404 to skip
	 * deleted companies; were it to answer the company, the trigger would emit it (never lose one).
	 */
	readonly deletedCompanyIds = new Set<string>();
	readonly customerGroups = new Map<string, Bangwo8Group>();
	/** groupId → member ids (company uIds for type 1, contact cIds for type 2). */
	readonly customerGroupMembers = new Map<string, string[]>();
	readonly tickets = new Map<string, Bangwo8Ticket>();
	readonly agents = new Map<string, Bangwo8Agent>();
	/** Online chats by r_id, listed ascending by r_id (the vendor page: "ascending by id"). */
	readonly chats = new Map<string, Bangwo8Chat>();
	/**
	 * Which of the two documented shapes the chat list answers with: 'newer' (r_id, start_time,
	 * contents = the chatrecords URL) or 'older' (client_id, client_name, create_time, contents =
	 * the messages inline; ASSUMPTION: the chat's id still as r_id).
	 */
	chatShape: 'newer' | 'older' = 'newer';
	ticketTemplates: Bangwo8TicketTemplate[] = [
		{ tId: '4', ticketTemplateName: '安装表', ticketTemplateDescription: '', visibleRange: '1', servicerGroupId: '0', servicerId: '0', isReleased: '1', creatorId: '520177', createDT: '2019-08-21 15:37:01' },
		{ tId: '8', ticketTemplateName: '维修单', ticketTemplateDescription: '上门维修', visibleRange: '1', servicerGroupId: '0', servicerId: '0', isReleased: '0', creatorId: '520177', createDT: '2019-09-09 17:52:58' },
	];
	ticketFields: Bangwo8TicketField[] = [
		{ id: '1', name: '标题', key: 'subject', system: '1', type: '1', isRequired: '0', custom_field_options: [] },
		{ id: '2', name: '描述', key: 'descript', system: '1', type: '3', isRequired: '0', custom_field_options: [] },
		{ id: '3', name: '优先级', key: 'priorityLevel', system: '1', type: '5', isRequired: '1', custom_field_options: [] },
		{ id: '201', name: '产品型号', key: 'field_3', system: '0', type: '1', isRequired: '1', custom_field_options: [] },
		{
			id: '202',
			name: '故障类别',
			key: 'field_4',
			type: '5',
			system: '0',
			isRequired: '0',
			custom_field_options: [
				{ id: '1', name: '硬件', value: '1' },
				{ id: '2', name: '软件', value: '2' },
			],
		},
		{ id: '203', name: '安装地址', key: 'field_5', system: '0', type: '1', isRequired: '1', custom_field_options: [] },
	];
	/**
	 * Which custom ticket fields belong to a template (tId → keys). The vendor: template fields are
	 * set only when ticketTemplateId is sent. ASSUMPTION: without it they are dropped silently.
	 */
	readonly templateFieldKeys = new Map<string, string[]>([['4', ['field_5']]]);
	userFields: Bangwo8UserField[] = [
		{ id: '1', name: '姓名', key: 'name', type: '2', system: '1', custom_field_options: [] },
		{ id: '2', name: '手机号', key: 'mobile', type: '2', system: '1', custom_field_options: [] },
		{ id: '3', name: '邮箱', key: 'email', type: '2', system: '1', custom_field_options: [] },
		{ id: '4', name: '固定电话', key: 'fixnumber', type: '2', system: '1', custom_field_options: [] },
		{ id: '5', name: '职位', key: 'position', type: '2', system: '1', custom_field_options: [] },
		{ id: '6', name: '备注', key: 'note', type: '3', system: '1', custom_field_options: [] },
		{ id: '101', name: '客户级别', key: 'field_1', type: '2', system: '0', custom_field_options: [] },
		{
			id: '102',
			name: '是否续约',
			key: 'field_2',
			type: '5',
			system: '0',
			custom_field_options: [
				{ id: '1', name: '否', value: '0' },
				{ id: '2', name: '是', value: '1' },
			],
		},
	];

	private nextUserId = 6454743;
	private nextCompanyId = 2606877;
	private nextGroupId = 28728;
	private nextTicketId = 1000001;
	private nextAgentId = 520177;
	private nextChatId = 880001;
	private seedCounter = 0;

	protected readonly routes: readonly Route[];

	constructor(opts: FakeBangwo8Options = {}) {
		super();
		this.account = opts.account ?? 'acct';
		this.password = opts.password ?? 'pw';
		this.clientId = opts.clientId ?? 'cid';
		this.clientSecret = opts.clientSecret ?? 'csecret';
		this.tokenTtlSeconds = opts.tokenTtlSeconds ?? 3600;
		const handlers = this.handlers();
		this.routes = BANGWO8_ENDPOINTS.map(([method, path, name]) => ({
			method,
			pattern: new RegExp('^' + (BANGWO8_API_PREFIX + path).replace(/\./g, '\\.').replace(/\{id\}/g, '(\\d+)') + '$'),
			handler: handlers[name],
		}));
	}

	private handlers(): Record<HandlerName, (c: RouteContext) => FakeResponse> {
		return {
			listUsers: (c) => this.listAnswer(c.req, 'users', this.query(this.visibleUsers(c.req), c.req.query)),
			createUser: (c) => this.createUser(c),
			showManyUsers: (c) => this.showMany(c.req, 'users', this.users),
			searchUsers: (c) =>
				this.search(c.req, 'users', this.visibleUsers(c.req), (u) => [u.name, u.mobile, u.email, u.fixnumber, u.QQ, u.note, u.position]),
			destroyManyUsers: (c) => this.destroyManyUsers(c),
			getUser: (c) => this.getUser(c),
			updateUser: (c) => this.updateUser(c),
			deleteUser: (c) => this.deleteUser(c),
			userTickets: (c) => {
				const id = c.params[0];
				if (!this.users.has(id)) return err(BANGWO8_ERRORS.notFound);
				return this.listAnswer(c.req, 'tickets', this.query([...this.tickets.values()].filter((t) => t.custUserId === id), c.req.query));
			},
			listCompanies: (c) => this.listAnswer(c.req, 'companies', this.query(this.visibleCompanies(c.req), c.req.query)),
			createCompany: (c) => this.createCompany(c),
			showManyCompanies: (c) => this.showMany(c.req, 'companies', this.companies),
			searchCompanies: (c) =>
				this.search(c.req, 'companies', this.visibleCompanies(c.req), (co) => [co.companyName, co.address, co.province, co.city, co.serveNote]),
			getCompany: (c) => {
				const co = this.companies.get(c.params[0]);
				if (!co || this.deletedCompanyIds.has(co.uId)) return err(BANGWO8_ERRORS.notFound);
				return json(200, { company: co });
			},
			updateCompany: (c) => this.updateCompany(c),
			deleteCompany: (c) => {
				const id = c.params[0];
				if (!this.companies.has(id) || this.deletedCompanyIds.has(id)) return err(BANGWO8_ERRORS.notFound);
				this.deletedCompanyIds.add(id);
				return this.writeOk('delete');
			},
			companyUsers: (c) => {
				const id = c.params[0];
				if (!this.companies.has(id)) return err(BANGWO8_ERRORS.notFound);
				return this.listAnswer(c.req, 'users', this.query(this.visibleUsers(c.req).filter((u) => u.companyId === id), c.req.query));
			},
			companyTickets: (c) => {
				const id = c.params[0];
				if (!this.companies.has(id)) return err(BANGWO8_ERRORS.notFound);
				return this.listAnswer(c.req, 'tickets', this.query([...this.tickets.values()].filter((t) => t.companyId === id), c.req.query));
			},
			listGroups: (c) => this.listAnswer(c.req, 'customergroups', [...this.customerGroups.values()]),
			createGroup: (c) => this.createGroup(c),
			showManyGroups: (c) => this.showMany(c.req, 'customergroups', this.customerGroups),
			getGroup: (c) => {
				const g = this.customerGroups.get(c.params[0]);
				return g ? json(200, { customergroup: g }) : err(BANGWO8_ERRORS.notFound);
			},
			updateGroup: (c) => this.updateGroup(c),
			deleteGroup: (c) => {
				const id = c.params[0];
				if (!this.customerGroups.delete(id)) return err(BANGWO8_ERRORS.notFound);
				this.customerGroupMembers.delete(id);
				return this.writeOk('delete');
			},
			groupCustomers: (c) => this.groupCustomers(c),
			listUserFields: (c) => this.listAnswer(c.req, 'user_fields', this.userFields),
			listTickets: (c) => this.listAnswer(c.req, 'tickets', this.query([...this.tickets.values()], c.req.query)),
			createTicket: (c) => this.createTicket(c),
			getTicket: (c) => {
				const t = this.tickets.get(c.params[0]);
				// Confirmed quirk: the single ticket comes back inside an ARRAY.
				return t ? json(200, { ticket: [t] }) : err(BANGWO8_ERRORS.notFound);
			},
			updateTicket: (c) => this.updateTicket(c),
			listTicketFields: (c) => this.listAnswer(c.req, 'ticket_fields', this.ticketFields),
			listTicketTemplates: (c) => this.listAnswer(c.req, 'tickettemplates', this.ticketTemplates),
			listAgents: (c) => this.listAnswer(c.req, 'supports', [...this.agents.values()]),
			getAgent: (c) => {
				const a = this.agents.get(c.params[0]);
				return a ? json(200, { support: a }) : err(BANGWO8_ERRORS.notFound);
			},
			listChats: (c) => this.listChats(c),
			getChatRecords: (c) => {
				const chat = this.chats.get(c.params[0]);
				// ASSUMPTION: the messages under `chatrecords`, nothing else of the chat.
				return chat ? json(200, { chatrecords: chat.messages }) : err(BANGWO8_ERRORS.notFound);
			},
		};
	}

	// ================================================================ chats

	/**
	 * `imchat/histories.json`: client_id, starttime, endtime (whole days of start_time, inclusive;
	 * the page's example `2017-8-27` and zero-padded days both read), page/per_page. ASSUMPTION: a
	 * day that cannot be read is refused with 400.
	 */
	private listChats({ req }: RouteContext): FakeResponse {
		const day = (name: string): string | undefined | null => {
			const raw = (req.query[name] ?? '').trim();
			if (raw === '') return undefined;
			const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
			return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
		};
		const from = day('starttime');
		const to = day('endtime');
		if (from === null) return err(BANGWO8_ERRORS.badRequest, 'starttime');
		if (to === null) return err(BANGWO8_ERRORS.badRequest, 'endtime');
		const client = (req.query['client_id'] ?? '').trim();
		const rows = [...this.chats.values()]
			.filter((chat) => (!client || chat.client_id === client) && (!from || chat.start_time.slice(0, 10) >= from) && (!to || chat.start_time.slice(0, 10) <= to))
			.sort((a, b) => Number(a.r_id) - Number(b.r_id))
			.map((chat) => this.chatRow(chat));
		return this.listAnswer(req, 'histories', rows);
	}

	/** A chat as the list answers it, in the current `chatShape`. */
	private chatRow(chat: Bangwo8Chat): Record<string, unknown> {
		const { messages, ...fields } = chat;
		if (this.chatShape === 'older') {
			return {
				r_id: chat.r_id,
				client_id: chat.client_id,
				client_name: chat.uname,
				create_time: chat.start_time,
				evaluate: chat.evaluate,
				contents: messages,
			};
		}
		return { ...fields, contents: `${this.origin}${BANGWO8_API_PREFIX}imchat/chatrecords/${chat.r_id}.json` };
	}

	/**
	 * A chat with its messages. The defaults: a web chat with agent `support_id` (the first agent if
	 * any), ended by the customer, not rated; counts and first response derived from the messages.
	 */
	addChat(fields: Partial<Bangwo8Chat> = {}): Bangwo8Chat {
		const now = formatCst(Date.now());
		const agent = [...this.agents.values()][0];
		const messages = fields.messages ?? [];
		const rec: Bangwo8Chat = {
			r_id: String(this.nextChatId++),
			type: '2',
			client_id: '0',
			uname: '',
			support_id: agent?.sId ?? '0',
			support_name: agent?.name ?? '',
			start_time: now,
			end_time: now,
			client_ip: '61.135.169.121',
			ip_info: '北京市 联通',
			evaluate: '0',
			evaluate_time: '',
			evaluate_remark: '',
			end_type: '1',
			servicer_msg_count: String(messages.filter((m) => m.spokesman_identity === '1').length),
			client_msg_count: String(messages.filter((m) => m.spokesman_identity === '2').length),
			first_response: '0',
			response_speed: '0',
			chat_clue: '',
			...fields,
			messages,
		};
		if (fields.r_id !== undefined) this.nextChatId = Math.max(this.nextChatId, Number(fields.r_id) + 1);
		this.chats.set(rec.r_id, rec);
		return rec;
	}

	/** The customer rates a chat (also long after it ended): evaluate, remark, evaluate_time. */
	rateChat(rId: string, evaluate: string, remark = '', at: string | number | Date = Date.now()): Bangwo8Chat {
		const chat = this.chats.get(rId);
		if (!chat) throw new Error(`no chat ${rId}`);
		chat.evaluate = evaluate;
		chat.evaluate_remark = remark;
		chat.evaluate_time = formatCst(toMs(at));
		return chat;
	}

	/**
	 * Seeds `n` chats starting `stepSeconds` apart (default 600) from `createdAt` (default: after the
	 * newest chat, or 2023-01-01 09:00:00), each with one of the transcripts above (multi-message,
	 * customer, agent and robot), the customer a seeded contact, the agent a seeded agent, and that
	 * transcript's rating (`rated: false` leaves them unrated).
	 */
	seedChats(n: number, opts: { createdAt?: string | number | Date; stepSeconds?: number; rated?: boolean } = {}): Bangwo8Chat[] {
		const step = (opts.stepSeconds ?? 600) * 1000;
		let start: number;
		if (opts.createdAt !== undefined) start = toMs(opts.createdAt);
		else {
			let newest = '';
			for (const chat of this.chats.values()) if (chat.start_time > newest) newest = chat.start_time;
			start = newest ? parseCst(newest) + step : DEFAULT_SEED_START;
		}
		const users = [...this.users.values()];
		const agents = [...this.agents.values()];
		const out: Bangwo8Chat[] = [];
		for (let i = 0; i < n; i++) {
			const k = ++this.seedCounter;
			const script = TRANSCRIPTS[k % TRANSCRIPTS.length];
			const user = users.length ? users[k % users.length] : undefined;
			const agent = agents.length ? agents[k % agents.length] : undefined;
			const customerName = user?.name || `访客${k}`;
			const agentName = agent?.name ?? '客服';
			const messages = script.lines.map(([who, msg], index): Bangwo8ChatMessage => ({
				spokesman: who === '1' ? agentName : who === '2' ? customerName : '智能助手',
				spokesman_identity: who,
				msg,
				msg_type: '1',
				create_time: formatCst(start + index * 30_000),
			}));
			const end = start + script.lines.length * 30_000;
			const firstAgent = script.lines.findIndex(([who]) => who === '1');
			const rated = opts.rated !== false && script.rating !== '0';
			out.push(
				this.addChat({
					type: String([2, 3, 1, 2][k % 4]),
					client_id: user?.cId ?? '0',
					uname: customerName,
					support_id: agent?.sId ?? '0',
					support_name: agentName,
					start_time: formatCst(start),
					end_time: formatCst(end),
					end_type: k % 3 === 0 ? '2' : '1',
					evaluate: rated ? script.rating : '0',
					evaluate_time: rated ? formatCst(end + 60_000) : '',
					evaluate_remark: rated ? script.remark : '',
					first_response: firstAgent === -1 ? '0' : String(firstAgent * 30),
					response_speed: firstAgent === -1 ? '0' : String(20 + (k % 5) * 7),
					chat_clue: k % 4 === 0 ? '来自官网首页' : '',
					messages,
				}),
			);
			start += step;
		}
		return out;
	}

	// ================================================================ auth / token

	protected isTokenRequest(req: RecordedRequest): boolean {
		return req.path === BANGWO8_TOKEN_PATH;
	}

	/** Every bearer token issued so far becomes invalid (401). */
	expireTokens(): void {
		this.tokens.clear();
	}

	static basic(user: string, pass: string): string {
		return 'Basic ' + Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
	}

	private static decodeBasic(header: string): [string, string] | undefined {
		const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		return i === -1 ? undefined : [decoded.slice(0, i), decoded.slice(i + 1)];
	}

	protected override observe(req: RecordedRequest): void {
		if (req.path === BANGWO8_TOKEN_PATH) this.tokenRequests++;
		else {
			const rid = req.headers['requestid'];
			if (rid !== undefined) this.requestIds.push(rid);
		}
	}

	protected handleToken(req: RecordedRequest): FakeResponse {
		// Error texts follow the PHP OAuth2 server the vendor appears to use (bshaffer/oauth2-server-php).
		if (req.method !== 'POST') {
			return json(405, { error: 'invalid_request', error_description: 'The request method must be POST when requesting an access token' });
		}
		const body = isRecord(req.body) ? req.body : {};
		const auth = req.headers['authorization'] ?? '';
		let id: string | undefined;
		let secret: string | undefined;
		if (/^basic /i.test(auth)) {
			const pair = FakeBangwo8.decodeBasic(auth);
			if (pair) [id, secret] = pair;
		} else if (body['client_id'] !== undefined) {
			id = str(body['client_id']);
			secret = str(body['client_secret']);
		}
		if (id === undefined) {
			return json(400, { error: 'invalid_client', error_description: 'Client credentials were not found in the headers or body' });
		}
		const grant = body['grant_type'];
		if (grant === undefined) {
			return json(400, { error: 'invalid_request', error_description: 'The grant type was not specified in the request' });
		}
		if (grant !== 'client_credentials') {
			return json(400, { error: 'unsupported_grant_type', error_description: `Grant type "${str(grant)}" not supported` });
		}
		if (id !== this.clientId || secret !== this.clientSecret) {
			return json(400, { error: 'invalid_client', error_description: 'The client credentials are invalid' });
		}
		const token = randomHex40();
		this.tokens.set(token, Date.now() + this.tokenTtlSeconds * 1000);
		return json(200, { access_token: token, expires_in: this.tokenTtlSeconds, token_type: 'Bearer', scope: null });
	}

	protected authenticate(req: RecordedRequest): FakeResponse | undefined {
		if (!req.path.startsWith(BANGWO8_API_PREFIX)) return undefined; // falls through to 404
		const auth = req.headers['authorization'] ?? '';
		if (/^bearer /i.test(auth)) {
			const token = auth.slice(7).trim();
			const exp = this.tokens.get(token);
			if (exp === undefined) return err(BANGWO8_ERRORS.invalidToken);
			if (Date.now() >= exp) {
				this.tokens.delete(token);
				return err(BANGWO8_ERRORS.invalidToken);
			}
			return undefined;
		}
		if (/^basic /i.test(auth)) {
			const pair = FakeBangwo8.decodeBasic(auth);
			if (!pair || pair[0] !== this.account || pair[1] !== this.password) return err(BANGWO8_ERRORS.invalidBasic);
			return undefined;
		}
		return err(BANGWO8_ERRORS.noAuth);
	}

	protected notFound(): FakeResponse {
		return err(BANGWO8_ERRORS.invalidUri);
	}

	// ================================================================ list machinery

	/** Date filters (whole days, inclusive), created_order/updated_order. Default order: id ascending (insertion). */
	private query<T extends Dated>(recs: T[], q: Record<string, string>): T[] {
		const cs = q['created_start'] ?? '';
		const ce = q['created_end'] ?? '';
		const us = q['updated_start'] ?? '';
		const ue = q['updated_end'] ?? '';
		let out = recs;
		if (cs || ce || us || ue) {
			out = recs.filter((r) => {
				const c = r.createDT.slice(0, 10);
				const u = r.updateDT.slice(0, 10);
				return (!cs || c >= cs) && (!ce || c <= ce) && (!us || u >= us) && (!ue || u <= ue);
			});
		}
		const co = (q['created_order'] ?? '').toLowerCase();
		const uo = (q['updated_order'] ?? '').toLowerCase();
		if (co === 'asc' || co === 'desc' || uo === 'asc' || uo === 'desc') {
			if (out === recs) out = [...recs];
			out.sort((a, b) => {
				if (co === 'asc' || co === 'desc') {
					const d = a.createDT < b.createDT ? -1 : a.createDT > b.createDT ? 1 : 0;
					if (d !== 0) return co === 'asc' ? d : -d;
				}
				if (uo === 'asc' || uo === 'desc') {
					const d = a.updateDT < b.updateDT ? -1 : a.updateDT > b.updateDT ? 1 : 0;
					if (d !== 0) return uo === 'asc' ? d : -d;
				}
				return 0;
			});
		}
		return out;
	}

	private pageUrl(req: RecordedRequest, page: number): string {
		const sp = new URLSearchParams(req.search);
		sp.set('page', String(page));
		return `${this.origin}${req.path}?${sp.toString()}`;
	}

	/** `{"<plural>":[…],"count":"N","next_page":url|"","previous_page":url|""}`; page/per_page (default 100, cap 100). */
	private listAnswer(req: RecordedRequest, plural: string, all: readonly unknown[]): FakeResponse {
		let perPage = Number.parseInt(req.query['per_page'] ?? '', 10);
		if (!Number.isFinite(perPage) || perPage <= 0) perPage = 100;
		if (perPage > 100) perPage = 100;
		let page = Number.parseInt(req.query['page'] ?? '', 10);
		if (!Number.isFinite(page) || page < 1) page = 1;
		const start = (page - 1) * perPage;
		const last = start + perPage >= all.length;
		return json(200, {
			[plural]: all.slice(start, start + perPage),
			count: String(all.length),
			next_page: last ? '' : this.pageUrl(req, page + 1),
			previous_page: page > 1 ? this.pageUrl(req, page - 1) : '',
		});
	}

	private showMany<T>(req: RecordedRequest, plural: string, store: Map<string, T>): FakeResponse {
		const found: T[] = [];
		for (const id of splitIds(req.query['ids'])) {
			const r = store.get(id);
			if (r !== undefined) found.push(r);
		}
		return this.listAnswer(req, plural, found);
	}

	private search<T extends Dated>(req: RecordedRequest, plural: string, recs: T[], text: (r: T) => string[]): FakeResponse {
		const needle = (req.query['query'] ?? '').trim().toLowerCase();
		let out = needle ? recs.filter((r) => text(r).some((s) => s.toLowerCase().includes(needle))) : recs;
		const sortBy = req.query['sort_by'] ?? '';
		if (sortBy) {
			const desc = (req.query['sort_order'] ?? '').toLowerCase() === 'desc';
			const key = (r: T): string => str((r as unknown as Record<string, unknown>)[sortBy]);
			out = [...out].sort((a, b) => {
				const x = key(a);
				const y = key(b);
				const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
				return desc ? -d : d;
			});
		}
		return this.listAnswer(req, plural, this.query(out, req.query));
	}

	private visibleUsers(req: RecordedRequest): Bangwo8User[] {
		const all = [...this.users.values()];
		return req.query['deStat'] === '1' ? all : all.filter((u) => u.state !== '3');
	}

	private visibleCompanies(req: RecordedRequest): Bangwo8Company[] {
		const all = [...this.companies.values()];
		return req.query['deStat'] === '1' ? all : all.filter((c) => !this.deletedCompanyIds.has(c.uId));
	}

	// ================================================================ writes

	private writeOk(kind: keyof typeof BANGWO8_WRITE_MSG, data: unknown = false, headers?: Record<string, string>): FakeResponse {
		return json(200, { status: '0', message: BANGWO8_WRITE_MSG[kind], data }, headers);
	}

	/** Runs a create at most once per Requestid; a repeat gets the first answer back. */
	private once(req: RecordedRequest, create: () => FakeResponse): FakeResponse {
		const rid = req.headers['requestid'];
		if (rid) {
			const prior = this.createReplies.get(rid);
			if (prior) {
				this.duplicateCreates++;
				return prior;
			}
		}
		const answer = create();
		if (rid && answer.status === 200) this.createReplies.set(rid, answer);
		return answer;
	}

	private created(kind: string, id: string): FakeResponse {
		// ASSUMPTION: besides the Location header, the body carries the new id as data: {id}
		// (the vendor documents only `"data": false`).
		return this.writeOk('insert', { id }, { Location: `${this.origin}${BANGWO8_API_PREFIX}${kind}/${id}.json` });
	}

	private wrapped(req: RecordedRequest, key: string): Record<string, unknown> | undefined {
		const b = req.body;
		if (!isRecord(b)) return undefined;
		const inner = b[key];
		return isRecord(inner) ? inner : undefined;
	}

	private createUser({ req }: RouteContext): FakeResponse {
		return this.once(req, () => {
			const u = this.wrapped(req, 'user');
			if (!u) return err(BANGWO8_ERRORS.badRequest, 'user');
			if (u['custom_fields'] !== undefined && !Array.isArray(u['custom_fields'])) return err(BANGWO8_ERRORS.badRequest, 'custom_fields');
			const rec = this.addUser(this.userFieldsFrom(u));
			return this.created('users', rec.cId);
		});
	}

	private userFieldsFrom(u: Record<string, unknown>): Partial<Bangwo8User> {
		const out: Partial<Bangwo8User> = {};
		const keys = ['name', 'mobile', 'email', 'fixnumber', 'position', 'QQ', 'note', 'companyId', 'supportId', 'service_groupid', 'uniqueId', 'multiServiceList', 'default', 'state'] as const;
		for (const k of keys) if (u[k] !== undefined) out[k] = str(u[k]);
		if (u['qq'] !== undefined && u['QQ'] === undefined) out.QQ = str(u['qq']);
		const cf = toCustomFields(u['custom_fields']);
		if (cf) out.custom_fields = cf;
		return out;
	}

	private getUser({ params }: RouteContext): FakeResponse {
		const u = this.users.get(params[0]);
		if (!u) return err(BANGWO8_ERRORS.notFound);
		// The single-record shape names the id `userId` (lists use `cId`), per seed 000.
		const { cId, ...rest } = u;
		return json(200, { user: { userId: cId, ...rest } });
	}

	private updateUser({ req, params }: RouteContext): FakeResponse {
		const rec = this.users.get(params[0]);
		if (!rec) return err(BANGWO8_ERRORS.notFound);
		const u = this.wrapped(req, 'user');
		if (!u) return err(BANGWO8_ERRORS.badRequest, 'user');
		const { custom_fields, ...fields } = this.userFieldsFrom(u);
		Object.assign(rec, fields);
		if (custom_fields) rec.custom_fields = mergeCustomFields(rec.custom_fields, custom_fields);
		rec.updateDT = formatCst(Date.now());
		return this.writeOk('update');
	}

	private deleteUser({ params }: RouteContext): FakeResponse {
		const rec = this.users.get(params[0]);
		if (!rec || rec.state === '3') return err(BANGWO8_ERRORS.notFound);
		rec.state = '3';
		rec.updateDT = formatCst(Date.now());
		return this.writeOk('delete');
	}

	private destroyManyUsers({ req }: RouteContext): FakeResponse {
		const ids = splitIds(req.query['ids']);
		if (ids.length === 0) return err(BANGWO8_ERRORS.badRequest, 'ids');
		const now = formatCst(Date.now());
		for (const id of ids) {
			const rec = this.users.get(id);
			if (rec && rec.state !== '3') {
				rec.state = '3';
				rec.updateDT = now;
			}
		}
		return this.writeOk('delete');
	}

	private companyFieldsFrom(c: Record<string, unknown>): Partial<Bangwo8Company> {
		const out: Partial<Bangwo8Company> = {};
		const keys = ['companyName', 'province', 'city', 'address', 'serveNote', 'service_groupid', 'supportId', 'servicestarttime', 'serviceendtime', 'serviceCharge', 'serviceaccount', 'servicepassword', 'userURL', 'multiServiceList'] as const;
		for (const k of keys) if (c[k] !== undefined) out[k] = str(c[k]);
		const cf = toCustomFields(c['custom_fields']);
		if (cf) out.custom_fields = cf;
		return out;
	}

	private createCompany({ req }: RouteContext): FakeResponse {
		return this.once(req, () => {
			const c = this.wrapped(req, 'company');
			if (!c) return err(BANGWO8_ERRORS.badRequest, 'company');
			if (str(c['companyName']).trim() === '') return err(BANGWO8_ERRORS.badRequest, 'companyName'); // GUESS: required
			const rec = this.addCompany(this.companyFieldsFrom(c));
			return this.created('companies', rec.uId);
		});
	}

	private updateCompany({ req, params }: RouteContext): FakeResponse {
		const rec = this.companies.get(params[0]);
		if (!rec || this.deletedCompanyIds.has(rec.uId)) return err(BANGWO8_ERRORS.notFound);
		const c = this.wrapped(req, 'company');
		if (!c) return err(BANGWO8_ERRORS.badRequest, 'company');
		const { custom_fields, ...fields } = this.companyFieldsFrom(c);
		Object.assign(rec, fields);
		if (custom_fields) rec.custom_fields = mergeCustomFields(rec.custom_fields, custom_fields);
		rec.updateDT = formatCst(Date.now());
		return this.writeOk('update');
	}

	private createGroup({ req }: RouteContext): FakeResponse {
		return this.once(req, () => {
			const g = this.wrapped(req, 'customergroup');
			if (!g) return err(BANGWO8_ERRORS.badRequest, 'customergroup');
			const name = str(g['groupName']).trim();
			const type = str(g['type']);
			if (!name) return err(BANGWO8_ERRORS.badRequest, 'groupName');
			if (type !== '1' && type !== '2') return err(BANGWO8_ERRORS.badRequest, 'type');
			const rec = this.addCustomerGroup({ groupName: name, type });
			// Confirmed quirk: the create answer's key is the PLURAL `customergroups`, holding one object.
			return json(200, { customergroups: rec }, { Location: `${this.origin}${BANGWO8_API_PREFIX}customergroups/${rec.groupId}.json` });
		});
	}

	private updateGroup({ req, params }: RouteContext): FakeResponse {
		const rec = this.customerGroups.get(params[0]);
		if (!rec) return err(BANGWO8_ERRORS.notFound);
		const g = this.wrapped(req, 'customergroup');
		if (!g) return err(BANGWO8_ERRORS.badRequest, 'customergroup');
		if (g['groupName'] !== undefined) {
			const name = str(g['groupName']).trim();
			if (!name) return err(BANGWO8_ERRORS.badRequest, 'groupName');
			rec.groupName = name;
		}
		if (g['type'] !== undefined) {
			const type = str(g['type']);
			if (type !== '1' && type !== '2') return err(BANGWO8_ERRORS.badRequest, 'type');
			rec.type = type;
		}
		return this.writeOk('update');
	}

	private groupCustomers({ req, params }: RouteContext): FakeResponse {
		const g = this.customerGroups.get(params[0]);
		if (!g) return err(BANGWO8_ERRORS.notFound);
		const members = this.customerGroupMembers.get(g.groupId) ?? [];
		const rows: Array<Record<string, unknown>> = [];
		for (const id of members) {
			if (g.type === '1') {
				const c = this.companies.get(id);
				if (!c) continue;
				rows.push({
					uId: c.uId,
					companyName: c.companyName,
					supportId: c.supportId,
					servicestarttime: c.servicestarttime,
					serviceendtime: c.serviceendtime,
					serviceaccount: c.serviceaccount,
					servicepassword: c.servicepassword,
					address: c.address,
					createDT: c.createDT,
					updateDT: c.updateDT,
					custom_fields: c.custom_fields,
				});
			} else {
				const u = this.users.get(id);
				if (!u) continue;
				// GUESS: contact members in the same row shape, uId = contact id.
				rows.push({
					uId: u.cId,
					name: u.name,
					companyName: this.companies.get(u.companyId)?.companyName ?? '',
					supportId: u.supportId,
					servicestarttime: '0000-00-00',
					serviceendtime: '0000-00-00',
					serviceaccount: '',
					servicepassword: '',
					address: '',
					createDT: u.createDT,
					updateDT: u.updateDT,
					custom_fields: u.custom_fields,
				});
			}
		}
		return this.listAnswer(req, 'customers', rows);
	}

	private createTicket({ req }: RouteContext): FakeResponse {
		return this.once(req, () => {
			const t = this.wrapped(req, 'ticket');
			if (!t) return err(BANGWO8_ERRORS.badRequest, 'ticket');
			const subject = str(t['subject']).trim();
			if (!subject) return err(BANGWO8_ERRORS.badRequest, 'subject'); // GUESS: required
			const fields = this.ticketFieldsFrom(t);
			if (typeof fields === 'string') return err(BANGWO8_ERRORS.badRequest, fields);
			const reply = t['ticketReply'];
			const msg = isRecord(reply) ? str(reply['replyMsg']) : '';
			const rec = this.addTicket({ ...fields, subject });
			if (msg) rec.ticketReply.push({ replyMsg: msg, createDT: rec.createDT });
			return this.created('tickets', rec.ticketId);
		});
	}

	/** The ticket fields of a write, or the reason it is refused (an unknown enum value, agent, template or field). */
	private ticketFieldsFrom(t: Record<string, unknown>): Partial<Bangwo8Ticket> | string {
		const out: Partial<Bangwo8Ticket> = {};
		const keys = [
			'subject',
			'descript',
			'ticketSource',
			'ticketType',
			'priorityLevel',
			'ticketStatus',
			'custUserId',
			'servicerUserId',
			'servicerGroupId',
			'ccUserIdList',
			'ccGroupIdList',
			'ticketTemplateId',
			'tagList',
		] as const;
		for (const k of keys) if (t[k] !== undefined) out[k] = str(t[k]);
		for (const [k, allowed] of Object.entries(BANGWO8_TICKET_ENUMS)) {
			const v = out[k as keyof typeof BANGWO8_TICKET_ENUMS];
			if (v !== undefined && !(allowed as readonly string[]).includes(v)) return `${k} ${v} is not a valid value`;
		}
		// ASSUMPTION: ids of other records are checked, as the vendor's UI only offers existing ones.
		if (out.servicerUserId !== undefined && out.servicerUserId !== '0' && !this.agents.has(out.servicerUserId)) {
			return `servicerUserId ${out.servicerUserId} is not an agent`;
		}
		for (const id of splitIds(out.ccUserIdList)) if (!this.agents.has(id)) return `ccUserIdList ${id} is not an agent`;
		if (out.custUserId !== undefined && out.custUserId !== '0' && !this.users.has(out.custUserId)) {
			return `custUserId ${out.custUserId} is not a contact`;
		}
		const template = out.ticketTemplateId;
		if (template !== undefined && template !== '0' && !this.ticketTemplates.some((tpl) => tpl.tId === template)) {
			return `ticketTemplateId ${template} is not a ticket template`;
		}
		if (t['custom_fields'] !== undefined && !Array.isArray(t['custom_fields'])) return 'custom_fields';
		const cf = toCustomFields(t['custom_fields']);
		if (cf) {
			const custom = new Set(this.ticketFields.filter((f) => f.system !== '1').map((f) => f.key));
			const unknown = cf.find((f) => !custom.has(f.key));
			if (unknown) return `custom_fields ${unknown.key} is not a ticket field`;
			const sent = template !== undefined ? (this.templateFieldKeys.get(template) ?? []) : [];
			const ofTemplates = new Set([...this.templateFieldKeys.values()].flat());
			out.custom_fields = cf.filter((f) => !ofTemplates.has(f.key) || sent.includes(f.key));
		}
		return out;
	}

	private updateTicket({ req, params }: RouteContext): FakeResponse {
		const rec = this.tickets.get(params[0]);
		if (!rec) return err(BANGWO8_ERRORS.notFound);
		const t = this.wrapped(req, 'ticket');
		if (!t) return err(BANGWO8_ERRORS.badRequest, 'ticket');
		const parsed = this.ticketFieldsFrom(t);
		if (typeof parsed === 'string') return err(BANGWO8_ERRORS.badRequest, parsed);
		const { custom_fields, ...fields } = parsed;
		if (fields.subject !== undefined && fields.subject.trim() === '') return err(BANGWO8_ERRORS.badRequest, 'subject');
		Object.assign(rec, fields);
		if (fields.custUserId !== undefined) rec.companyId = this.users.get(fields.custUserId)?.companyId ?? '0';
		if (custom_fields) rec.custom_fields = mergeCustomFields(rec.custom_fields, custom_fields);
		const reply = t['ticketReply'];
		rec.updateDT = formatCst(Date.now());
		if (isRecord(reply) && str(reply['replyMsg'])) rec.ticketReply.push({ replyMsg: str(reply['replyMsg']), createDT: rec.updateDT });
		return this.writeOk('update');
	}

	// ================================================================ store helpers / seeding

	addUser(fields: Partial<Bangwo8User> = {}): Bangwo8User {
		const now = formatCst(Date.now());
		const rec: Bangwo8User = {
			cId: String(this.nextUserId++),
			name: '',
			mobile: '',
			email: '',
			fixnumber: '',
			position: '',
			QQ: '',
			note: '',
			companyId: '0',
			supportId: '0',
			multiServiceList: '',
			default: '',
			service_groupid: '0',
			createDT: now,
			updateDT: fields.createDT ?? now,
			tableName: '',
			uniqueId: '',
			custom_fields: [{ key: 'field_2', value: '0' }],
			state: '1',
			createrId: '0',
			...fields,
		};
		if (fields.cId !== undefined) this.nextUserId = Math.max(this.nextUserId, Number(fields.cId) + 1);
		this.users.set(rec.cId, rec);
		return rec;
	}

	addCompany(fields: Partial<Bangwo8Company> = {}): Bangwo8Company {
		const now = formatCst(Date.now());
		const rec: Bangwo8Company = {
			uId: String(this.nextCompanyId++),
			companyName: '',
			province: '',
			city: '',
			supportId: '0',
			servicestarttime: '0000-00-00',
			serviceendtime: '0000-00-00',
			serviceCharge: '0',
			serviceaccount: '',
			servicepassword: '',
			address: '',
			userURL: '',
			serveNote: '',
			multiServiceList: '',
			service_groupid: '0',
			createDT: now,
			updateDT: fields.createDT ?? now,
			tableName: '',
			custom_fields: [{ key: 'field_1', value: '' }],
			...fields,
		};
		if (fields.uId !== undefined) this.nextCompanyId = Math.max(this.nextCompanyId, Number(fields.uId) + 1);
		this.companies.set(rec.uId, rec);
		return rec;
	}

	addCustomerGroup(fields: Partial<Bangwo8Group> & { groupName: string }): Bangwo8Group {
		const rec: Bangwo8Group = { groupId: String(this.nextGroupId++), type: '2', ...fields };
		this.customerGroups.set(rec.groupId, rec);
		return rec;
	}

	addCustomerGroupMembers(groupId: string, ids: string[]): void {
		const list = this.customerGroupMembers.get(groupId) ?? [];
		for (const id of ids) if (!list.includes(id)) list.push(id);
		this.customerGroupMembers.set(groupId, list);
	}

	addTicket(fields: Partial<Bangwo8Ticket> = {}): Bangwo8Ticket {
		const now = formatCst(Date.now());
		const rec: Bangwo8Ticket = {
			ticketId: String(this.nextTicketId++),
			subject: '',
			descript: '',
			ticketSource: '7',
			ticketType: '1',
			priorityLevel: '2',
			ticketStatus: '1',
			custUserId: '0',
			agentId: '0',
			createrId: '0',
			servicerUserId: '0',
			servicerGroupId: '0',
			ccUserIdList: '',
			ccGroupIdList: '',
			ticketTemplateId: '0',
			tagList: '',
			companyId: '0',
			createDT: now,
			updateDT: fields.createDT ?? now,
			custom_fields: [],
			tables: [],
			ticketReply: [],
			...fields,
		};
		if (rec.companyId === '0' && rec.custUserId !== '0') rec.companyId = this.users.get(rec.custUserId)?.companyId ?? '0';
		if (fields.ticketId !== undefined) this.nextTicketId = Math.max(this.nextTicketId, Number(fields.ticketId) + 1);
		this.tickets.set(rec.ticketId, rec);
		return rec;
	}

	addAgent(fields: Partial<Bangwo8Agent> & { name: string }): Bangwo8Agent {
		const rec: Bangwo8Agent = {
			sId: String(this.nextAgentId++),
			email: '',
			mobile: '',
			groupId: '0',
			isAdmin: '0',
			isStat: '1',
			...fields,
		};
		if (fields.sId !== undefined) this.nextAgentId = Math.max(this.nextAgentId, Number(fields.sId) + 1);
		this.agents.set(rec.sId, rec);
		return rec;
	}

	/** [createDT, updateDT] generator for seeding: increasing by stepSeconds. */
	private seedClock(store: Iterable<Dated>, opts: SeedTimeOptions): () => [string, string] {
		const step = (opts.stepSeconds ?? 60) * 1000;
		let created: number;
		if (opts.createdAt !== undefined) created = toMs(opts.createdAt);
		else {
			let newest = '';
			for (const r of store) if (r.createDT > newest) newest = r.createDT;
			created = newest ? parseCst(newest) + step : DEFAULT_SEED_START;
		}
		let updated = opts.updatedAt !== undefined ? toMs(opts.updatedAt) : undefined;
		return () => {
			const pair: [string, string] = [formatCst(created), formatCst(updated ?? created)];
			created += step;
			if (updated !== undefined) updated += step;
			return pair;
		};
	}

	/** Seeds `n` contacts with increasing createDT (see SeedTimeOptions). Extra `fields` apply to all. */
	seedUsers(n: number, opts: SeedTimeOptions & { fields?: Partial<Bangwo8User> } = {}): Bangwo8User[] {
		const clock = this.seedClock(this.users.values(), opts);
		const companyIds = [...this.companies.keys()];
		const out: Bangwo8User[] = [];
		for (let i = 0; i < n; i++) {
			const k = ++this.seedCounter;
			const [createDT, updateDT] = clock();
			out.push(
				this.addUser({
					name: `${NAMES[k % NAMES.length]}${k}`,
					mobile: `139${String(k).padStart(8, '0')}`,
					email: k % 3 === 0 ? '' : `contact${k}@example.com`,
					position: k % 4 === 0 ? '采购经理' : '',
					QQ: k % 5 === 0 ? String(200000 + k) : '',
					note: k % 7 === 0 ? 'VIP客户' : '',
					companyId: companyIds.length ? companyIds[k % companyIds.length] : '0',
					custom_fields: [{ key: 'field_2', value: String(k % 2) }],
					createDT,
					updateDT,
					...(opts.fields ?? {}),
				}),
			);
		}
		return out;
	}

	/** Seeds `n` companies with increasing createDT. */
	seedCompanies(n: number, opts: SeedTimeOptions & { fields?: Partial<Bangwo8Company> } = {}): Bangwo8Company[] {
		const clock = this.seedClock(this.companies.values(), opts);
		const out: Bangwo8Company[] = [];
		for (let i = 0; i < n; i++) {
			const k = ++this.seedCounter;
			const [createDT, updateDT] = clock();
			const [province, city] = PROVINCES[k % PROVINCES.length];
			out.push(
				this.addCompany({
					companyName: `${COMPANY_NAMES[k % COMPANY_NAMES.length]}有限公司${k}`,
					province,
					city,
					address: `${city}市科技路${k}号`,
					serveNote: k % 3 === 0 ? '年度服务' : '',
					createDT,
					updateDT,
					...(opts.fields ?? {}),
				}),
			);
		}
		return out;
	}

	/** Seeds `n` tickets with increasing createDT, spread over existing contacts. */
	seedTickets(n: number, opts: SeedTimeOptions & { fields?: Partial<Bangwo8Ticket> } = {}): Bangwo8Ticket[] {
		const clock = this.seedClock(this.tickets.values(), opts);
		const userIds = [...this.users.keys()];
		const out: Bangwo8Ticket[] = [];
		for (let i = 0; i < n; i++) {
			const k = ++this.seedCounter;
			const [createDT, updateDT] = clock();
			const t = this.addTicket({
				subject: `产品咨询 #${k}`,
				descript: `客户来电咨询产品功能 ${k}`,
				ticketStatus: String((k % 4) + 1),
				priorityLevel: String((k % 3) + 1),
				custUserId: userIds.length ? userIds[k % userIds.length] : '0',
				createDT,
				updateDT,
				...(opts.fields ?? {}),
			});
			t.ticketReply.push({ replyMsg: '你好,我想咨询下帮我吧产品', createDT });
			out.push(t);
		}
		return out;
	}

	/** Seeds `n` customer groups (types alternate 1/2). */
	seedCustomerGroups(n: number): Bangwo8Group[] {
		const out: Bangwo8Group[] = [];
		for (let i = 0; i < n; i++) {
			const k = ++this.seedCounter;
			out.push(this.addCustomerGroup({ groupName: `客户分组${k}`, type: k % 2 === 0 ? '1' : '2' }));
		}
		return out;
	}
}

function randomHex40(): string {
	return randomBytes(20).toString('hex');
}
