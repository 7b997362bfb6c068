/**
 * Fake Sobot (智齿) SCRM API, modelled on seed 002 (客户CRM, sections 2.1–3.9).
 *
 * - `GET /api/get_token?appid&create_time&sign`, sign = lowercase hex md5(appid + create_time + appKey).
 *   Every call issues a NEW token and kills the previous one (the vendor warns about this).
 * - Every other path needs header `token: <current token>`; all answers are HTTP 200 JSON with
 *   `ret_code`/`ret_msg` (except faults injected through FakeServer.failNext).
 * - In-memory stores, public for direct assertions: customers, labelGroups, labels, stages, dynamics, …
 *
 * Where the seed is ambiguous the choice made here is marked "ASSUMPTION".
 */
import { createHash, randomBytes } from 'node:crypto';
import { FakeServer, FakeResponse, RecordedRequest, Route, RouteContext, isRecord, json, str, formatCst, parseCst } from './base';
import { SobotChatFake } from './sobotChat';
import { SobotContactsFake } from './sobotContacts';

export const SOBOT_PREFIX = '/api/scrm/5';
/** Ticket centre paths (VENDOR-NOTES, not in the seeds). */
export const SOBOT_TICKET_PREFIX = '/api/ws/5/ticket';

/** ret_code → ret_msg (seed section 5, plus 700046 from VENDOR-NOTES). */
export const SOBOT_RET: Readonly<Record<string, string>> = {
	'000000': '操作成功',
	'900001': 'token为空',
	'900002': 'token已失效,请重新获取',
	'900003': 'signature错误',
	'900004': '没有找到公司的api配置信息',
	'999999': '系统未知异常',
	'700046': '当前套餐不支持API接口', // ASSUMPTION: message text not documented
	'510001': '标签组不存在',
	'510002': '标签组名称已存在',
	'510003': '标签名称已存在',
	'510004': '标签已不存在',
	'510005': '标签组名称不能为空',
	'510006': '标签名称不能为空',
	'510007': '名称不能超过30个字',
	'510008': '参数名称不能超过30个字',
};

export interface FakeSobotOptions {
	appId?: string;
	appKey?: string;
	/** Token lifetime; `expires_in` answers this. Default 86400. */
	tokenTtlSeconds?: number;
	/**
	 * 3.8.2/3.8.3: the seed's samples look swapped (city/{provinceid} answers districts,
	 * area/{cityid} answers cities). 'as-documented' (default) reproduces the samples;
	 * 'as-named' answers cities of the province / districts of the city.
	 */
	regionMode?: 'as-documented' | 'as-named';
}

export interface SobotLabelGroup {
	id: string;
	bizid: string | null;
	/** 0访客 1客户 2工单 — always 1 here (business labels of customers). */
	type: number;
	name: string;
	color_value: string;
	is_multiple_choice: number;
	/** -1删除 0无效 1有效 */
	status: number;
	create_time: string;
	update_time: string;
}

export interface SobotLabel {
	id: string;
	groupid: string;
	bizid: string | null;
	name: string;
	param_name: string | null;
	status: number;
	create_time: string;
	update_time: string;
}

export interface SobotCustomer {
	id: string;
	pid: string;
	nick: string;
	uname: string;
	visitorids: string;
	partnerid: string;
	email: string;
	tel: string;
	qq: string;
	wx: string;
	/** 1男 2女 (0 unknown) */
	sex: number;
	source: number;
	/** 8正常 9已删除 */
	status: number;
	remark: string;
	enterpriseid: string;
	enterprise_name: string;
	is_vip: string;
	vip_level: string;
	/** 0正常 1黑名单 */
	user_status: number;
	proviceid: string;
	provice_name: string;
	cityid: string;
	city_name: string;
	areaid: string;
	area_name: string;
	/** 企微标签 ids, comma separated. */
	user_label: string;
	/** 业务标签 ids, comma separated (what label/update_userlabel sets). */
	biz_label: string;
	extend_fields: Record<string, unknown>;
	fixed_fields: Record<string, string>;
	/** JSON-encoded STRING holding an array of {fieldid|field_params, field_value, …}. */
	ex_field_str: string;
	wx_build_unionid: string;
	create_type: number;
	/** seconds */
	create_time: number;
	/** seconds, midnight (UTC+8) of the creation day */
	create_date: number;
	create_serviceid: string;
	create_service_name: string;
	/** seconds */
	update_time: number;
	update_user_id: string;
	update_user_name: string;
	liable_serviceid: string;
	liable_service_name: string;
	/** 1首咨 2待分配 3跟进中 4公海 */
	crm_status: number;
	stageid: string;
	stage_name: string;
	stage_type: string;
}

export interface SobotStage {
	id: string;
	name: string;
	sortnum: number;
}

export interface SobotDynamic {
	id: string;
	companyid: string;
	userid: string;
	biz_type: string;
	/** milliseconds */
	biz_time: number;
	biz_content: Record<string, unknown>;
	/** seconds */
	create_time: number;
}

export interface SobotDepartment {
	id: string;
	name: string;
	/** parent department id; '' for a top-level department (directly under the company). */
	parentId: string;
}

export interface SobotAgent {
	id: string;
	name: string;
	departmentId: string;
	image: string | null;
	/** 1 管理员 2 客服 */
	manager_flag: number | null;
}

export interface SobotCustomField {
	field_id: string;
	field_name: string;
	field_variable: string;
	field_type: number;
	fill_flag: number;
	field_status: number;
	field_remark: string | null;
	operate_type: number;
	field_params: string | null;
	cus_field_data_info_list: Array<{
		data_id: string;
		data_value: string;
		data_name: string;
		field_id: string;
		field_variable: string | null;
		data_params: string | null;
	}> | null;
}

export interface SeedCustomersOptions {
	/** create_time of the first customer (seconds). Default: 60 s after the newest existing customer, or 1700000000. */
	startTime?: number;
	/** seconds between consecutive customers (default 60). */
	stepSeconds?: number;
	/** Fixed values applied to every seeded customer. */
	overrides?: Partial<SobotCustomer>;
}

export const SOBOT_COMPANY_ID = '60b7e31daf15417aa0f521aa7d822ddd';

const DYNAMIC_GROUPS: Readonly<Record<string, readonly string[]>> = {
	groupService: ['user_follow_record'],
	groupUser: ['user_create', 'user_update', 'user_stage_update', 'user_label_update', 'user_assign', 'user_recycle'],
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'];
const COMPANIES = ['北京智达科技有限公司', '上海云帆贸易有限公司', '深圳前海数据服务有限公司', '杭州西溪网络科技有限公司', ''];

function hex32(): string {
	return randomBytes(16).toString('hex');
}

function nowSec(): number {
	return Math.floor(Date.now() / 1000);
}

/** Midnight UTC+8 of the day holding `sec`, in seconds. */
function cstMidnight(sec: number): number {
	return sec - ((sec + 8 * 3600) % 86400);
}

function charLen(s: string): number {
	return [...s].length;
}

function toInt(v: unknown, dflt: number): number {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
	return Number.isFinite(n) ? Math.trunc(n) : dflt;
}

function splitIds(v: unknown): string[] {
	if (Array.isArray(v)) return v.map((x) => str(x).trim()).filter((x) => x !== '');
	return str(v)
		.split(',')
		.map((x) => x.trim())
		.filter((x) => x !== '');
}

/** Detail (3.3.2) answers camelCase keys with string values, like the seed's sample. */
const DETAIL_KEYS: Readonly<Record<string, string>> = {
	visitorids: 'visitorIds',
	partnerid: 'partnerId',
	is_vip: 'isVip',
	vip_level: 'vipLevel',
	user_status: 'userStatus',
	proviceid: 'proviceId',
	provice_name: 'proviceName',
	cityid: 'cityId',
	city_name: 'cityName',
	areaid: 'areaId',
	area_name: 'areaName',
	enterpriseid: 'enterpriseId',
	enterprise_name: 'enterpriseName',
	user_label: 'userLabel',
	biz_label: 'bizLabel',
	wx_build_unionid: 'wxBuildUnionId',
	create_type: 'createType',
	create_time: 'createTime',
	create_date: 'createDate',
	create_serviceid: 'createServiceId',
	create_service_name: 'createServiceName',
	update_time: 'updateTime',
	update_user_id: 'updateUserId',
	update_user_name: 'updateUserName',
	liable_serviceid: 'liableServiceId',
	liable_service_name: 'liableServiceName',
	crm_status: 'crmStatus',
	stageid: 'stageId',
	stage_name: 'stageName',
	stage_type: 'stageType',
	ex_field_str: 'ex_field_str',
};

/** Writable customer fields of user/save and user/update/{id}. */
const STRING_FIELDS = [
	'nick',
	'uname',
	'visitorids',
	'partnerid',
	'email',
	'tel',
	'qq',
	'wx',
	'liable_serviceid',
	'liable_service_name',
	'proviceid',
	'provice_name',
	'cityid',
	'city_name',
	'areaid',
	'area_name',
	'remark',
	'enterpriseid',
	'enterprise_name',
	'is_vip',
	'vip_level',
	'wx_build_unionid',
] as const;

export class FakeSobot extends FakeServer {
	readonly appId: string;
	readonly appKey: string;
	tokenTtlSeconds: number;
	regionMode: 'as-documented' | 'as-named';

	/** Number of get_token calls received (any outcome, injected faults included). */
	tokenRequests = 0;
	/** The only valid token, or null (none issued yet / expired). */
	currentToken: string | null = null;
	/** Every token issued, oldest first. */
	issuedTokens: string[] = [];
	private currentTokenExpiresAt = 0;
	/** Answers queued for the next get_token calls: a ret_code, or an HTTP failure (an outage). */
	private tokenCodeQueue: Array<{ code: string; msg: string } | { status: number }> = [];

	/** user/list_by_page order by create_time. ASSUMPTION: newest first, like the vendor's UI lists. */
	customerListOrder: 'asc' | 'desc' = 'desc';

	readonly labelGroups = new Map<string, SobotLabelGroup>();
	readonly labels = new Map<string, SobotLabel>();
	readonly customers = new Map<string, SobotCustomer>();
	readonly dynamics: SobotDynamic[] = [];
	stages: SobotStage[] = [
		{ id: '15d6506f836c4340b7b36fb94bdedf31', name: '初步沟通', sortnum: 0 },
		{ id: 'fb642ab91666472bb81c3beb1889b2dc', name: '正常跟进', sortnum: 1 },
		{ id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定', sortnum: 2 },
		{ id: '7b1c71f10c9e40c994c733c48974ce35', name: '付款流程', sortnum: 3 },
		{ id: '678599e8f8a6407987c1aa4391d41f4d', name: '交易达成', sortnum: 4 },
	];
	sources: Array<{ label: string; value: string }> = [
		{ label: '邮件', value: '11' },
		{ label: '百度营销', value: '12' },
		{ label: '今日头条', value: '13' },
		{ label: '奇虎360', value: '14' },
		{ label: '桌面网站', value: '0' },
		{ label: '微信公众号', value: '1' },
		{ label: 'APP', value: '2' },
		{ label: '微博', value: '3' },
		{ label: '移动网站', value: '4' },
		{ label: '融云', value: '5' },
		{ label: '呼叫中心', value: '6' },
		{ label: '工单中心', value: '7' },
		{ label: '客户中心', value: '8' },
		{ label: '企业微信', value: '9' },
		{ label: '微信小程序', value: '10' },
	];
	departments: SobotDepartment[] = [
		{ id: 'bab2c1b0a95248e4bf30ef1c2bf36946', name: '客服中心', parentId: '' },
		{ id: 'fa9e42241b154353ab629ed4b897ee63', name: '运营部', parentId: 'bab2c1b0a95248e4bf30ef1c2bf36946' },
	];
	agents: SobotAgent[] = [
		{ id: '52e5ed05ee984a4f8bb0b3f921ba2b05', name: '安康', departmentId: 'bab2c1b0a95248e4bf30ef1c2bf36946', image: null, manager_flag: 1 },
		{ id: 'f1b8dfc486bd42508edbc80e5c9fd8e9', name: 'SCRM测试', departmentId: 'bab2c1b0a95248e4bf30ef1c2bf36946', image: null, manager_flag: 2 },
		{ id: 'edf5f6bbf1ee488093edc3eea29cdc63', name: '测试2', departmentId: 'fa9e42241b154353ab629ed4b897ee63', image: null, manager_flag: null },
	];
	provinces: Array<{ provinceid: string; province_name: string }> = [
		{ provinceid: '110000', province_name: '北京市' },
		{ provinceid: '120000', province_name: '天津市' },
		{ provinceid: '130000', province_name: '河北省' },
	];
	cities: Array<{ cityid: string; city_name: string; provinceid: string }> = [
		{ cityid: '110100', city_name: '北京市', provinceid: '110000' },
		{ cityid: '120100', city_name: '天津市', provinceid: '120000' },
		{ cityid: '130100', city_name: '石家庄市', provinceid: '130000' },
		{ cityid: '130200', city_name: '唐山市', provinceid: '130000' },
		{ cityid: '130300', city_name: '秦皇岛市', provinceid: '130000' },
		{ cityid: '130400', city_name: '邯郸市', provinceid: '130000' },
	];
	areas: Array<{ areaid: string; area_name: string; cityid: string }> = [
		{ areaid: '110101', area_name: '东城区', cityid: '110100' },
		{ areaid: '110105', area_name: '朝阳区', cityid: '110100' },
		{ areaid: '120101', area_name: '和平区', cityid: '120100' },
		{ areaid: '130102', area_name: '长安区', cityid: '130100' },
		{ areaid: '130302', area_name: '海港区', cityid: '130300' },
		{ areaid: '130303', area_name: '山海关区', cityid: '130300' },
	];
	customFields: SobotCustomField[] = [
		{
			field_id: '5445245507ab48b68769093bd413a5c8',
			field_name: '身份证号',
			field_variable: 'customField1',
			field_type: 1,
			fill_flag: 0,
			field_status: 1,
			field_remark: '',
			operate_type: 1,
			field_params: 'idcard',
			cus_field_data_info_list: null,
		},
		{
			field_id: '6dbd01468c134cae95d2c30f963aeb24',
			field_name: '多行文本',
			field_variable: 'customField2',
			field_type: 2,
			fill_flag: 0,
			field_status: 1,
			field_remark: '',
			operate_type: 1,
			field_params: null,
			cus_field_data_info_list: null,
		},
		{
			field_id: '81632fdcc05d41ef92b024979e489c17',
			field_name: '日期',
			field_variable: 'customField3',
			field_type: 3,
			fill_flag: 0,
			field_status: 1,
			field_remark: '',
			operate_type: 1,
			field_params: null,
			cus_field_data_info_list: null,
		},
		{
			field_id: 'bafe053fb51a40d6a2d2b3ab4ce9a80f',
			field_name: '数值',
			field_variable: 'customField5',
			field_type: 5,
			fill_flag: 0,
			field_status: 1,
			field_remark: '',
			operate_type: 1,
			field_params: null,
			cus_field_data_info_list: null,
		},
		{
			field_id: 'e4043f59025b454a95004e71ec7dd4b5',
			field_name: '下拉列表',
			field_variable: 'customField6',
			field_type: 6,
			fill_flag: 0,
			field_status: 1,
			field_remark: '测试使用',
			operate_type: 1,
			field_params: 'xialaliebiao',
			cus_field_data_info_list: [
				{ data_id: '27e4321062124922a35eb93986fe7d7d', data_value: '607592500180588', data_name: '苹果', field_id: 'e4043f59025b454a95004e71ec7dd4b5', field_variable: null, data_params: 'apple' },
				{ data_id: 'bb2f8d1b8dbc475598c71185b7f3a5f2', data_value: '607592500181862', data_name: '香蕉', field_id: 'e4043f59025b454a95004e71ec7dd4b5', field_variable: null, data_params: 'balana' },
				{ data_id: '0c2fa8cbece54af7b24ca450c69a5d4f', data_value: '607592500182148', data_name: '西瓜', field_id: 'e4043f59025b454a95004e71ec7dd4b5', field_variable: null, data_params: 'xigua' },
			],
		},
	];

	private seedCounter = 0;

	/** Online chat, statistics and ticket ratings (test/fakes/sobotChat.ts; BEYOND-TICKETS §1.1, §1.3, §1.4). */
	readonly chat = new SobotChatFake({
		ok: (extra) => this.ok(extra),
		ret: (code, msg) => this.ret(code, msg),
		ticketCompany: (ticketId) => this.tickets.get(ticketId)?.companyid,
	});
	/** Customer centre (test/fakes/sobotContacts.ts; BEYOND-TICKETS §1.7). */
	readonly customerCentre = new SobotContactsFake({ ok: (extra) => this.ok(extra), ret: (code, msg) => this.ret(code, msg), companyId: SOBOT_COMPANY_ID });

	protected readonly routes: readonly Route[];

	constructor(opts: FakeSobotOptions = {}) {
		super();
		this.appId = opts.appId ?? 'test-app';
		this.appKey = opts.appKey ?? 'test-key';
		this.tokenTtlSeconds = opts.tokenTtlSeconds ?? 86400;
		this.regionMode = opts.regionMode ?? 'as-documented';
		this.routes = this.buildRoutes();
	}

	// ================================================================ endpoint table
	// Every business path lives here (prefix /api/scrm/5). `{x}` = one path segment.
	private buildRoutes(): Route[] {
		const table: Array<[string, string, (c: RouteContext) => FakeResponse]> = [
			// 2.2–2.5 label groups
			['POST', '/label_group/save', (c) => this.labelGroupSave(c)],
			['POST', '/label_group/update', (c) => this.labelGroupUpdate(c)],
			['GET', '/label_group/list', (c) => this.labelGroupList(c)],
			['GET', '/label_group/remove/{id}', (c) => this.labelGroupRemove(c)],
			['GET', '/label_group/remove', (c) => this.labelGroupRemove(c)],
			// 2.6–2.11 labels
			['POST', '/label/save', (c) => this.labelSave(c)],
			['POST', '/label/update', (c) => this.labelUpdate(c)],
			['GET', '/label/list', (c) => this.labelList(c)],
			['GET', '/label/remove/{id}', (c) => this.labelRemove(c)],
			['GET', '/label/remove', (c) => this.labelRemove(c)],
			['POST', '/label/userlabels', (c) => this.userLabels(c)],
			['POST', '/label/update_userlabel/{id}', (c) => this.updateUserLabel(c)],
			// 3.1–3.3 customers
			['POST', '/user/save', (c) => this.userSave(c)],
			['POST', '/user/update/{id}', (c) => this.userUpdate(c)],
			['POST', '/public_user/assign', (c) => this.publicAssign(c)],
			['POST', '/public_user/confirm', (c) => this.publicConfirm(c)],
			['GET', '/user/list_by_page', (c) => this.userListByPage(c)],
			['GET', '/user/detail/{id}', (c) => this.userDetail(c)],
			['GET', '/custom_field/custom_fieid_info_list', () => this.ok({ items: this.customFields })],
			// 3.4 dynamics
			['GET', '/user_dynamic/list_by_page', (c) => this.dynamicList(c)],
			['POST', '/user_stage/record_save', (c) => this.recordSave(c)],
			// 3.5 stages
			['GET', '/user_stage/query_list_by_type', () => this.ok({ items: [...this.stages].sort((a, b) => a.sortnum - b.sortnum) })],
			['POST', '/user_stage/stage_save', (c) => this.stageSave(c)],
			// 3.6 sources, 3.7 agents
			['GET', '/user_dynamic/getsource', () => this.ok({ items: this.sources })],
			['GET', '/user/user_list', () => this.ok({ items: this.agentTree() })],
			// 3.8 regions
			['GET', '/user_dynamic/provice', () => this.ok({ items: this.provinces })],
			['GET', '/user_dynamic/city/{provinceid}', (c) => this.regionCity(c.params[0])],
			['GET', '/user_dynamic/area/{cityid}', (c) => this.regionArea(c.params[0])],
		];
		const scrm = table.map(([method, path, handler]) => ({
			method,
			pattern: new RegExp('^' + SOBOT_PREFIX + path.replace(/\{[^}]+\}/g, '([^/]+)') + '/?$'),
			handler,
		}));
		return [...scrm, ...this.ticketRoutes(), ...this.chat.routes(), ...this.customerCentre.routes()];
	}

	// ================================================================ ticket centre (/api/ws/5/ticket)
	// Not in the seeds: paths and fields from VENDOR-NOTES ("Beyond the seeds"). Error codes and
	// answer shapes beyond those notes are ASSUMPTIONs, marked where they are made.

	readonly tickets = new Map<string, SobotTicket>();
	/** Files received by upload_file, oldest first. */
	readonly uploads: Array<{ fileName: string; contentType: string; content: string; url: string }> = [];
	/** false: query_tickets_by_update_time answers HTTP 404, as a path the account does not have. */
	ticketUpdateQueryAvailable = true;
	/** query_tickets order by create time. ASSUMPTION: newest first. */
	ticketListOrder: 'asc' | 'desc' = 'desc';
	ticketTypes: SobotTicketTypeNode[] = [
		{
			typeid: 'a1000000000000000000000000000001', type_name: '售后', parentid: '', type_level: 1, node_flag: 1,
			sub_type_list: [
				{ typeid: 'a1000000000000000000000000000011', type_name: '退货', parentid: 'a1000000000000000000000000000001', type_level: 2, node_flag: 0, sub_type_list: [] },
				{ typeid: 'a1000000000000000000000000000012', type_name: '维修', parentid: 'a1000000000000000000000000000001', type_level: 2, node_flag: 0, sub_type_list: [] },
			],
		},
		{ typeid: 'a1000000000000000000000000000002', type_name: '咨询', parentid: '', type_level: 1, node_flag: 0, sub_type_list: [] },
	];
	ticketStatuses = [
		{ dict_value: '0', dict_name: '尚未受理' },
		{ dict_value: '1', dict_name: '受理中' },
		{ dict_value: '2', dict_name: '等待回复' },
		{ dict_value: '3', dict_name: '已解决' },
		{ dict_value: '99', dict_name: '已关闭' },
		{ dict_value: '5', dict_name: '待配件' }, // a custom status
	];
	ticketLevels = [
		{ dict_value: '0', dict_name: '低' },
		{ dict_value: '1', dict_name: '中' },
		{ dict_value: '2', dict_name: '高' },
		{ dict_value: '3', dict_name: '紧急' },
	];
	ticketGroups = [
		{ groupid: 'b2000000000000000000000000000001', group_name: '一线客服' },
		{ groupid: 'b2000000000000000000000000000002', group_name: '技术支持' },
	];
	ticketAgents = [
		{ agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05', agent_name: '安康' },
		{ agentid: 'f1b8dfc486bd42508edbc80e5c9fd8e9', agent_name: 'SCRM测试' },
	];
	/** Custom fields by ticket type id ('' = fields of every type). */
	ticketFields: Record<string, SobotTicketField[]> = {
		'': [
			{ fieldid: 'c3000000000000000000000000000001', field_name: '订单号', field_type: 1, fill_flag: 0, field_data_list: [] },
		],
		a1000000000000000000000000000011: [
			{
				fieldid: 'c3000000000000000000000000000002', field_name: '退货原因', field_type: 6, fill_flag: 1,
				field_data_list: [
					{ data_name: '质量问题', data_value: '1' },
					{ data_name: '不想要了', data_value: '2' },
				],
			},
		],
	};

	private ticketRoutes(): Route[] {
		const table: Array<[string, string, (c: RouteContext) => FakeResponse]> = [
			['GET', '/get_data_dict', () => this.ok({ item: this.ticketDictionary() })],
			['GET', '/query_ticket_extend_fields', () => this.ok({ items: Object.values(this.ticketFields).flat() })],
			['GET', '/query_fileds_by_typeid', (c) => this.ok({ items: [...(this.ticketFields[''] ?? []), ...(this.ticketFields[c.req.query['ticket_typeid'] ?? ''] ?? [])] })],
			['POST', '/save_user_ticket', (c) => this.saveTicket(c, false)],
			['POST', '/save_agent_ticket', (c) => this.saveTicket(c, true)],
			['GET', '/get_ticket_by_id', (c) => this.getTicket(c)],
			['GET', '/query_tickets', (c) => this.queryTickets(c, 'create')],
			['GET', '/query_tickets_by_update_time', (c) => this.queryTickets(c, 'update')],
			['POST', '/save_ticket_reply', (c) => this.saveTicketReply(c)],
			['POST', '/save_user_reply', (c) => this.saveUserReply(c)],
			['POST', '/upload_file', (c) => this.uploadFile(c)],
			['GET', '/query_ticket_push_fail_infos', (c) => this.queryPushFailures(c)],
		];
		return table.map(([method, path, handler]) => ({
			method,
			pattern: new RegExp('^' + SOBOT_TICKET_PREFIX + path + '/?$'),
			handler,
		}));
	}

	ticketDictionary(): Record<string, unknown> {
		return {
			ticket_type_list: this.ticketTypes,
			ticket_status_list: this.ticketStatuses,
			ticket_level_list: this.ticketLevels,
			group_list: this.ticketGroups,
			agent_list: this.ticketAgents,
		};
	}

	/** Every type of the tree, with whether it is a leaf. */
	private allTicketTypes(): Array<{ node: SobotTicketTypeNode; leaf: boolean }> {
		const out: Array<{ node: SobotTicketTypeNode; leaf: boolean }> = [];
		const walk = (list: SobotTicketTypeNode[]) => {
			for (const node of list) {
				out.push({ node, leaf: node.sub_type_list.length === 0 });
				walk(node.sub_type_list);
			}
		};
		walk(this.ticketTypes);
		return out;
	}

	/** ASSUMPTION: 400001 = a required parameter is missing or invalid (the notes give 400001–400013 without a table). */
	private ticketParamError(message: string): FakeResponse {
		return this.ret('400001', message);
	}

	/** Checks extend_fields against the type's fields; returns an error answer or the entries. */
	private checkExtendFields(typeid: string, raw: unknown): FakeResponse | Array<{ fieldid: string; field_value: string }> {
		if (raw === undefined || raw === null || raw === '') return [];
		const list = typeof raw === 'string' ? (() => { try { return JSON.parse(raw) as unknown; } catch { return undefined; } })() : raw;
		if (!Array.isArray(list)) return this.ticketParamError('extend_fields格式错误');
		const known = [...(this.ticketFields[''] ?? []), ...(this.ticketFields[typeid] ?? [])];
		const out: Array<{ fieldid: string; field_value: string }> = [];
		for (const entry of list) {
			if (!isRecord(entry)) return this.ticketParamError('extend_fields格式错误');
			const field = known.find((f) => f.fieldid === str(entry['fieldid']));
			if (!field) return this.ret('400006', '自定义字段不存在'); // ASSUMPTION: code
			const value = str(entry['field_value']);
			if (field.field_data_list.length > 0) {
				for (const v of value.split(',')) if (!field.field_data_list.some((o) => o.data_value === v)) return this.ret('400007', '自定义字段选项不存在'); // ASSUMPTION
			}
			out.push({ fieldid: field.fieldid, field_value: value });
		}
		return out;
	}

	private saveTicket({ req }: RouteContext, asAgent: boolean): FakeResponse {
		const b = this.bodyOf(req);
		for (const k of ['ticket_title', 'ticket_content', 'ticket_typeid']) if (str(b[k]).trim() === '') return this.ticketParamError(`${k}不能为空`);
		if (str(b['userid']) === '' && str(b['partnerid']) === '') return this.ticketParamError('userid和partnerid不能同时为空');
		const type = this.allTicketTypes().find((t) => t.node.typeid === str(b['ticket_typeid']));
		if (!type) return this.ret('400008', '工单分类不存在'); // ASSUMPTION: code
		if (!type.leaf) return this.ret('400009', '请选择末级工单分类'); // ASSUMPTION: only leaf types take tickets
		const fields = this.checkExtendFields(type.node.typeid, b['extend_fields']);
		if (!Array.isArray(fields)) return fields;
		const ticket = this.addTicket({
			ticket_title: str(b['ticket_title']),
			ticket_content: str(b['ticket_content']),
			ticket_typeid: type.node.typeid,
			userid: str(b['userid']),
			partnerid: str(b['partnerid']),
			user_emails: str(b['user_emails']),
			user_tels: str(b['user_tels']),
			ticket_from: str(b['ticket_from'] ?? '4'),
			file_str: str(b['file_str']),
			extend_fields: fields,
		});
		if (asAgent) {
			const creator = this.ticketAgents.find((a) => a.agentid === str(b['create_agentid']));
			if (!creator) return this.rollback(ticket, this.ticketParamError('create_agentid错误'));
			ticket.create_agentid = creator.agentid;
			ticket.create_agent_name = str(b['create_agent_name']);
			if (b['deal_agentid'] !== undefined) {
				if (!this.ticketAgents.some((a) => a.agentid === str(b['deal_agentid']))) return this.rollback(ticket, this.ticketParamError('deal_agentid错误'));
				ticket.deal_agentid = str(b['deal_agentid']);
				ticket.deal_agent_name = str(b['deal_agent_name']);
			}
			if (b['deal_groupid'] !== undefined) {
				if (!this.ticketGroups.some((g) => g.groupid === str(b['deal_groupid']))) return this.rollback(ticket, this.ticketParamError('deal_groupid错误'));
				ticket.deal_groupid = str(b['deal_groupid']);
				ticket.deal_group_name = str(b['deal_group_name']);
			}
			if (b['ticket_status'] !== undefined) {
				if (!this.ticketStatuses.some((s) => s.dict_value === str(b['ticket_status']))) return this.rollback(ticket, this.ticketParamError('ticket_status错误'));
				ticket.ticket_status = str(b['ticket_status']);
			}
			if (b['ticket_level'] !== undefined) {
				if (!this.ticketLevels.some((l) => l.dict_value === str(b['ticket_level']))) return this.rollback(ticket, this.ticketParamError('ticket_level错误'));
				ticket.ticket_level = str(b['ticket_level']);
			}
			if (Array.isArray(b['copy_agent'])) ticket.copy_agent = b['copy_agent'] as Array<Record<string, unknown>>;
		}
		return this.ok({ item: { ticketid: ticket.ticketid } });
	}

	private rollback(ticket: SobotTicket, answer: FakeResponse): FakeResponse {
		this.tickets.delete(ticket.ticketid);
		return answer;
	}

	/** get_ticket_by_id: the ticket with extend_fields_list, deal_list, update_log_list, file_list. */
	ticketDetail(t: SobotTicket): Record<string, unknown> {
		const { extend_fields, ...rest } = t;
		return {
			...rest,
			extend_fields_list: extend_fields.map((f) => ({ ...f, field_name: Object.values(this.ticketFields).flat().find((d) => d.fieldid === f.fieldid)?.field_name ?? '' })),
			file_list: t.file_str === '' ? [] : t.file_str.split(';').map((url) => ({ file_url: url })),
		};
	}

	/** A list entry: the ticket without its replies, history and files. ASSUMPTION: lists carry these fields. */
	ticketListItem(t: SobotTicket): Record<string, unknown> {
		const { extend_fields: _e, deal_list: _d, update_log_list: _u, copy_agent: _c, ...rest } = t;
		void _e; void _d; void _u; void _c;
		return rest;
	}

	private getTicket({ req }: RouteContext): FakeResponse {
		const t = this.tickets.get(req.query['ticketid'] ?? '');
		if (!t) return this.ret('400005', '工单不存在'); // ASSUMPTION: code for an unknown ticket
		return this.ok({ item: this.ticketDetail(t) });
	}

	private queryTickets({ req }: RouteContext, by: 'create' | 'update'): FakeResponse {
		if (by === 'update' && !this.ticketUpdateQueryAvailable) {
			// ASSUMPTION: an unknown path answers like a Spring Boot server.
			return json(404, { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path: req.path });
		}
		const q = req.query;
		const from = parseCst(q[`${by}_start_datetime`] ?? '');
		const to = parseCst(q[`${by}_end_datetime`] ?? '');
		if (Number.isNaN(from) || Number.isNaN(to)) return this.ticketParamError(`${by}_start_datetime/${by}_end_datetime格式错误`);
		// ASSUMPTION: "at most one month" = 31 days; 400003 is the code.
		if (to - from > 31 * 86_400_000) return this.ret('400003', '查询时间范围不能超过一个月');
		const field = by === 'create' ? 'create_datetime' : 'update_datetime';
		const out = [...this.tickets.values()].filter((t) => {
			const time = Number(t[field]) * 1000;
			if (time < from || time > to) return false;
			for (const k of ['ticket_status', 'ticket_from', 'ticket_typeid', 'userid', 'deal_agentid'] as const) {
				if (q[k] !== undefined && q[k] !== '' && String(t[k]) !== q[k]) return false;
			}
			return true;
		});
		out.sort((a, b) => (this.ticketListOrder === 'asc' ? 1 : -1) * (Number(a[field]) - Number(b[field])));
		const p = this.page(out, q, 15, 50); // default 15, at most 50 a page
		p['items'] = (p['items'] as SobotTicket[]).map((t) => this.ticketListItem(t));
		return this.ok(p);
	}

	private saveTicketReply({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		for (const k of ['ticketid', 'ticket_title', 'ticket_content', 'get_ticket_datetime', 'reply_type', 'reply_agentid', 'reply_agent_name', 'ticket_status', 'ticket_level']) {
			if (str(b[k]).trim() === '') return this.ticketParamError(`${k}不能为空`);
		}
		const t = this.tickets.get(str(b['ticketid']));
		if (!t) return this.ret('400005', '工单不存在');
		if (!['0', '1'].includes(str(b['reply_type']))) return this.ticketParamError('reply_type错误');
		if (!this.ticketAgents.some((a) => a.agentid === str(b['reply_agentid']))) return this.ticketParamError('reply_agentid错误');
		const readAt = parseCst(str(b['get_ticket_datetime']));
		if (Number.isNaN(readAt)) return this.ticketParamError('get_ticket_datetime格式错误');
		// ASSUMPTION: a reply based on a stale read is refused (the ticket changed after it was read).
		if (Number(t.update_datetime) * 1000 > readAt) return this.ret('400010', '工单已被他人修改,请刷新后重试');
		if (!this.ticketStatuses.some((s) => s.dict_value === str(b['ticket_status']))) return this.ticketParamError('ticket_status错误');
		if (!this.ticketLevels.some((l) => l.dict_value === str(b['ticket_level']))) return this.ticketParamError('ticket_level错误');
		const fields = this.checkExtendFields(t.ticket_typeid, b['extend_fields']);
		if (!Array.isArray(fields)) return fields;
		const changes: string[] = [];
		const set = (k: 'ticket_status' | 'ticket_level' | 'deal_agentid' | 'deal_agent_name' | 'deal_groupid' | 'deal_group_name', v: unknown) => {
			if (v === undefined || str(v) === t[k]) return;
			changes.push(`${k}:${t[k]}->${str(v)}`);
			t[k] = str(v);
		};
		if (b['deal_agentid'] !== undefined && !this.ticketAgents.some((a) => a.agentid === str(b['deal_agentid']))) return this.ticketParamError('deal_agentid错误');
		if (b['deal_groupid'] !== undefined && !this.ticketGroups.some((g) => g.groupid === str(b['deal_groupid']))) return this.ticketParamError('deal_groupid错误');
		set('ticket_status', b['ticket_status']);
		set('ticket_level', b['ticket_level']);
		set('deal_agentid', b['deal_agentid']);
		set('deal_agent_name', b['deal_agent_name']);
		set('deal_groupid', b['deal_groupid']);
		set('deal_group_name', b['deal_group_name']);
		for (const f of fields) {
			const existing = t.extend_fields.find((e) => e.fieldid === f.fieldid);
			if (existing) existing.field_value = f.field_value;
			else t.extend_fields.push(f);
			changes.push(`${f.fieldid}:${f.field_value}`);
		}
		const now = this.nowSecText();
		if (str(b['reply_content']) !== '' || str(b['reply_file_str']) !== '') {
			t.deal_list.push({
				replyid: hex32(), reply_type: str(b['reply_type']), reply_content: str(b['reply_content']), reply_file_str: str(b['reply_file_str']),
				reply_agentid: str(b['reply_agentid']), reply_agent_name: str(b['reply_agent_name']), reply_datetime: now,
			});
		}
		if (changes.length) t.update_log_list.push({ update_agentid: str(b['reply_agentid']), update_content: changes.join(';'), update_datetime: now });
		t.update_datetime = now;
		return this.ok();
	}

	private saveUserReply({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		if (str(b['ticketid']) === '' || str(b['reply_content']).trim() === '') return this.ticketParamError('ticketid/reply_content不能为空');
		const t = this.tickets.get(str(b['ticketid']));
		if (!t) return this.ret('400005', '工单不存在');
		const now = this.nowSecText();
		t.deal_list.push({ replyid: hex32(), reply_type: '0', reply_from: 'customer', reply_content: str(b['reply_content']), reply_file_str: str(b['file_str']), reply_datetime: now });
		t.update_datetime = now;
		return this.ok();
	}

	/** upload_file: multipart with a `file` part. ASSUMPTION: answers item {file_url, file_name}. */
	private uploadFile({ req }: RouteContext): FakeResponse {
		const type = req.headers['content-type'] ?? '';
		const boundary = /boundary=([^;]+)/.exec(type)?.[1];
		if (!type.startsWith('multipart/form-data') || !boundary) return this.ticketParamError('请使用multipart/form-data上传文件');
		for (const part of req.rawBody.split(`--${boundary}`)) {
			const end = part.indexOf('\r\n\r\n');
			if (end === -1) continue;
			const head = part.slice(0, end);
			const name = /name="([^"]*)"/.exec(head)?.[1];
			const fileName = /filename="([^"]*)"/.exec(head)?.[1];
			if (name !== 'file' || fileName === undefined) continue;
			const content = part.slice(end + 4).replace(/\r\n$/, '');
			const url = `https://img.sobot.com/ticket/${hex32()}/${encodeURIComponent(fileName)}`;
			this.uploads.push({ fileName, contentType: /Content-Type: ([^\r\n]+)/i.exec(head)?.[1] ?? '', content, url });
			return this.ok({ item: { file_url: url, file_name: fileName } });
		}
		return this.ticketParamError('file不能为空');
	}

	private nowSecText(): string {
		return String(nowSec());
	}

	// ---------------------------------------------------------------- failed ticket pushes

	/** Ticket pushes Sobot could not deliver (query_ticket_push_fail_infos), oldest first. */
	readonly ticketPushFailures: Array<Record<string, unknown>> = [];

	/**
	 * Records a failed push of `t` as it is now, in the shape BEYOND-TICKETS §1.2 c lists
	 * (ASSUMPTION: times as Unix seconds text, like the ticket's own).
	 */
	addTicketPushFailure(t: SobotTicket, extra: Record<string, unknown> = {}): Record<string, unknown> {
		const reply = [...t.deal_list].reverse().find((r) => str(r['reply_content']) !== '');
		const record: Record<string, unknown> = {
			ticketid: t.ticketid,
			companyid: t.companyid,
			ticket_title: t.ticket_title,
			ticket_content: t.ticket_content,
			ticket_code: t.ticket_code,
			ticket_from: t.ticket_from,
			ticket_level: t.ticket_level,
			ticket_status: t.ticket_status,
			ticket_type_name: '售后/退换货/退货',
			deal_agentid: t.deal_agentid,
			deal_agent_name: t.deal_agent_name,
			deal_groupid: t.deal_groupid,
			deal_group_name: t.deal_group_name,
			reply_content: reply ? str(reply['reply_content']) : '',
			update_datetime: t.update_datetime,
			update_agent_name: t.deal_agent_name,
			userid: t.userid,
			user_nick: '王小明',
			user_name: '王明',
			user_tels: t.user_tels,
			user_emails: t.user_emails,
			recordid: '',
			file_str: t.file_str,
			voice_url: '',
			hope_accept_time: '',
			hope_complete_time: '',
			is_reminder: '0',
			reminder_agentid: '',
			reminder_agent_name: '',
			reminder_remark: '',
			reminder_time: '',
			partnerid: t.partnerid,
			extend_fields_list: t.extend_fields.map((f) => ({ fieldid: f.fieldid, field_name: '', field_type: 1, field_text: f.field_value, field_value: f.field_value })),
			...extra,
		};
		this.ticketPushFailures.push(record);
		return record;
	}

	/** ASSUMPTION: filters by update_datetime, newest first, at most one month, 15 a page by default, 50 at most. */
	private queryPushFailures({ req }: RouteContext): FakeResponse {
		const q = req.query;
		const from = parseCst(q['start_datetime'] ?? '');
		const to = parseCst(q['end_datetime'] ?? '');
		if (Number.isNaN(from) || Number.isNaN(to)) return this.ticketParamError('start_datetime/end_datetime格式错误');
		if (to - from > 31 * 86_400_000) return this.ret('400003', '查询时间范围不能超过一个月');
		const out = this.ticketPushFailures
			.map((record, index) => ({ record, index }))
			.filter(({ record }) => {
				const time = Number(record['update_datetime']) * 1000;
				return time >= from && time <= to;
			})
			.sort((a, b) => Number(b.record['update_datetime']) - Number(a.record['update_datetime']) || b.index - a.index)
			.map(({ record }) => record);
		return this.ok(this.page(out, q, 15, 50));
	}

	/** Inserts one ticket (fields not given take defaults; times default to now). */
	addTicket(fields: Partial<SobotTicket> = {}): SobotTicket {
		const created = fields.create_datetime ?? this.nowSecText();
		const t: SobotTicket = {
			ticketid: hex32(),
			ticket_code: String(20240000000 + this.tickets.size + 1),
			companyid: SOBOT_COMPANY_ID,
			ticket_title: '工单',
			ticket_content: '问题描述',
			ticket_typeid: 'a1000000000000000000000000000002',
			ticket_status: '0',
			ticket_level: '0',
			ticket_from: '4',
			userid: '',
			partnerid: '',
			user_emails: '',
			user_tels: '',
			deal_groupid: '',
			deal_group_name: '',
			deal_agentid: '',
			deal_agent_name: '',
			create_agentid: '',
			create_agent_name: '',
			file_str: '',
			extend_fields: [],
			deal_list: [],
			update_log_list: [],
			copy_agent: [],
			...fields,
			create_datetime: created,
			update_datetime: fields.update_datetime ?? created,
		};
		this.tickets.set(t.ticketid, t);
		return t;
	}

	/** Seeds `n` tickets created `stepSeconds` apart, ending at `lastCreated` (seconds; default now). */
	seedTickets(n: number, { lastCreated = nowSec(), stepSeconds = 60, overrides = {} }: { lastCreated?: number; stepSeconds?: number; overrides?: Partial<SobotTicket> } = {}): SobotTicket[] {
		const out: SobotTicket[] = [];
		for (let i = n - 1; i >= 0; i--) {
			const k = this.tickets.size + 1;
			out.push(this.addTicket({ ticket_title: `工单${k}`, ticket_content: `问题描述${k}`, userid: hex32(), create_datetime: String(lastCreated - i * stepSeconds), ...overrides }));
		}
		return out;
	}

	/** Changes a ticket the way an agent's edit in Sobot would (update time = `atSec`, default now). */
	touchTicket(t: SobotTicket, atSec = nowSec(), changes: Partial<SobotTicket> = {}): void {
		Object.assign(t, changes);
		t.update_datetime = String(atSec);
	}

	// ================================================================ token

	protected isTokenRequest(req: RecordedRequest): boolean {
		return req.path === '/api/get_token';
	}

	/**
	 * Every get_token call is answered this many ms after it arrives, the new token being issued
	 * (and the previous one killed) at the end: makes races between concurrent renewals real.
	 */
	tokenLatencyMs = 0;

	protected override latencyFor(req: RecordedRequest): number {
		return this.isTokenRequest(req) ? this.tokenLatencyMs : super.latencyFor(req);
	}

	/** The next get_token call answers this ret_code (queued; one per call), e.g. '700046'. */
	failNextToken(code: string, msg?: string): void {
		this.tokenCodeQueue.push({ code, msg: msg ?? SOBOT_RET[code] ?? SOBOT_RET['999999'] });
	}

	/** The next `n` get_token calls fail with this HTTP status (an outage of the token endpoint only). */
	failNextTokenHttp(n: number, status = 502): void {
		for (let i = 0; i < n; i++) this.tokenCodeQueue.push({ status });
	}

	/** The current token becomes invalid: calls using it answer 900002. */
	expireToken(): void {
		this.currentToken = null;
	}

	/** md5(appid + create_time + appKey), lowercase hex. */
	static sign(appId: string, createTime: string, appKey: string): string {
		return createHash('md5').update(appId + createTime + appKey).digest('hex');
	}

	protected override observe(req: RecordedRequest): void {
		if (req.path === '/api/get_token') this.tokenRequests++;
	}

	protected handleToken(req: RecordedRequest): FakeResponse {
		if (req.method !== 'GET') return this.ret('999999');
		const queued = this.tokenCodeQueue.shift();
		if (queued && 'status' in queued) return { status: queued.status, body: { error: 'injected token outage' } };
		if (queued) return this.ret(queued.code, queued.msg);
		const appid = req.query['appid'] ?? '';
		const createTime = req.query['create_time'] ?? '';
		const sign = req.query['sign'] ?? '';
		if (appid !== this.appId) return this.ret('900004');
		if (createTime === '' || sign !== FakeSobot.sign(appid, createTime, this.appKey)) return this.ret('900003');
		const token = this.issueToken();
		return this.ok({ item: { token, expires_in: String(this.tokenTtlSeconds) } });
	}

	/**
	 * Issues a token as get_token does (the previous one dies), without a request: for tests that
	 * start from a credential which has been used before. Not counted in `tokenRequests`.
	 */
	issueToken(): string {
		const token = hex32();
		this.currentToken = token;
		this.currentTokenExpiresAt = Date.now() + this.tokenTtlSeconds * 1000;
		this.issuedTokens.push(token);
		return token;
	}

	protected authenticate(req: RecordedRequest): FakeResponse | undefined {
		const token = req.headers['token'];
		if (token === undefined || token.trim() === '') return this.ret('900001');
		if (token !== this.currentToken) return this.ret('900002');
		if (Date.now() >= this.currentTokenExpiresAt) {
			this.currentToken = null;
			return this.ret('900002');
		}
		return undefined;
	}

	protected notFound(): FakeResponse {
		return this.ret('999999');
	}

	/** The next `n` business calls answer HTTP 200 with this ret_code (auth is not checked for them). */
	failNextWithRetCode(n: number, code: string, msg?: string): void {
		this.queueResponses(n, { status: 200, body: { ret_code: code, ret_msg: msg ?? SOBOT_RET[code] ?? SOBOT_RET['999999'] } }, false, false);
	}

	// ================================================================ answer helpers

	private ok(extra: Record<string, unknown> = {}): FakeResponse {
		return json(200, { ...extra, ret_code: '000000', ret_msg: '操作成功' });
	}

	private ret(code: string, msg?: string): FakeResponse {
		return json(200, { ret_code: code, ret_msg: msg ?? SOBOT_RET[code] ?? SOBOT_RET['999999'] });
	}

	private page<T>(all: T[], q: Record<string, string>, dfltSize: number, maxSize: number): Record<string, unknown> {
		let size = toInt(q['page_size'], dfltSize);
		if (size <= 0) size = dfltSize;
		if (size > maxSize) size = maxSize;
		let no = toInt(q['page_no'], 1);
		if (no < 1) no = 1;
		const start = (no - 1) * size;
		return {
			items: all.slice(start, start + size),
			page_no: no,
			page_count: Math.ceil(all.length / size),
			total_count: all.length,
			page_size: size,
		};
	}

	private bodyOf(req: RecordedRequest): Record<string, unknown> {
		return isRecord(req.body) ? req.body : {};
	}

	private nowText(): string {
		return formatCst(Date.now());
	}

	// ================================================================ label groups (2.2–2.5)

	private checkGroupName(name: string, exceptId?: string): FakeResponse | undefined {
		if (name.trim() === '') return this.ret('510005');
		if (charLen(name) > 30) return this.ret('510007');
		for (const g of this.labelGroups.values()) if (g.name === name && g.id !== exceptId) return this.ret('510002');
		return undefined;
	}

	private labelGroupSave({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const name = str(b['name']);
		const bad = this.checkGroupName(name);
		if (bad) return bad;
		const g = this.addLabelGroup({
			name,
			color_value: str(b['color_value']),
			is_multiple_choice: toInt(b['is_multiple_choice'], 0),
		});
		return this.ok({ item: g.id });
	}

	private labelGroupUpdate({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const g = this.labelGroups.get(str(b['id']));
		if (!g) return this.ret('510001');
		if (b['name'] !== undefined) {
			const name = str(b['name']);
			const bad = this.checkGroupName(name, g.id);
			if (bad) return bad;
			g.name = name;
		}
		if (b['color_value'] !== undefined) g.color_value = str(b['color_value']);
		if (b['is_multiple_choice'] !== undefined) g.is_multiple_choice = toInt(b['is_multiple_choice'], g.is_multiple_choice);
		g.update_time = this.nowText();
		return this.ok();
	}

	private labelGroupList({ req }: RouteContext): FakeResponse {
		return this.ok(this.page([...this.labelGroups.values()], req.query, 100, 100));
	}

	private labelGroupRemove({ req, params }: RouteContext): FakeResponse {
		const id = params[0] || req.query['id'] || '';
		if (!this.labelGroups.delete(id)) return this.ret('510001');
		for (const l of [...this.labels.values()]) if (l.groupid === id) this.removeLabelEverywhere(l.id);
		return this.ok();
	}

	// ================================================================ labels (2.6–2.11)

	private labelSave({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const groupid = str(b['groupid'] ?? b['groupId']);
		const name = str(b['name']);
		const paramName = b['param_name'] === undefined || b['param_name'] === null ? null : str(b['param_name']);
		if (!this.labelGroups.has(groupid)) return this.ret('510001');
		const bad = this.checkLabel(groupid, name, paramName);
		if (bad) return bad;
		this.addLabel({ groupid, name, param_name: paramName });
		// The seed's answer carries no id (only ret_code/ret_msg); find the new label via label/list.
		return this.ok();
	}

	private checkLabel(groupid: string, name: string, paramName: string | null, exceptId?: string): FakeResponse | undefined {
		if (name.trim() === '') return this.ret('510006');
		if (charLen(name) > 30) return this.ret('510007');
		if (paramName !== null && charLen(paramName) > 30) return this.ret('510008');
		for (const l of this.labels.values()) {
			if (l.id === exceptId) continue;
			// ASSUMPTION: label names are unique within their group, parameter names company-wide.
			if (l.groupid === groupid && l.name === name) return this.ret('510003');
			if (paramName && l.param_name === paramName) return this.ret('510004', '标签参数名已存在');
		}
		return undefined;
	}

	private labelUpdate({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const l = this.labels.get(str(b['id']));
		if (!l) return this.ret('510004', '标签已不存在');
		const name = b['name'] === undefined ? l.name : str(b['name']);
		const paramName = b['param_name'] === undefined ? l.param_name : b['param_name'] === null ? null : str(b['param_name']);
		const bad = this.checkLabel(l.groupid, name, paramName, l.id);
		if (bad) return bad;
		l.name = name;
		l.param_name = paramName;
		l.update_time = this.nowText();
		return this.ok();
	}

	private labelList({ req }: RouteContext): FakeResponse {
		const groupid = req.query['groupid'] ?? req.query['groupId'] ?? '';
		if (groupid !== '' && !this.labelGroups.has(groupid)) return this.ret('510001');
		const all = [...this.labels.values()].filter((l) => groupid === '' || l.groupid === groupid);
		return this.ok(this.page(all, req.query, 100, 100));
	}

	private labelRemove({ req, params }: RouteContext): FakeResponse {
		const id = params[0] || req.query['id'] || '';
		if (!this.labels.has(id)) return this.ret('510004', '标签已不存在');
		this.removeLabelEverywhere(id);
		return this.ok();
	}

	private removeLabelEverywhere(labelId: string): void {
		this.labels.delete(labelId);
		for (const c of this.customers.values()) {
			if (c.biz_label.includes(labelId)) {
				c.biz_label = splitIds(c.biz_label)
					.filter((x) => x !== labelId)
					.join(',');
				this.refreshLabelNames(c);
			}
		}
	}

	private refreshLabelNames(c: SobotCustomer): void {
		const names = splitIds(c.biz_label)
			.map((id) => this.labels.get(id)?.name)
			.filter((n): n is string => n !== undefined);
		if (names.length) c.fixed_fields = { ...c.fixed_fields, userLabel: names.join(',') };
		else {
			const { userLabel: _drop, ...rest } = c.fixed_fields;
			void _drop;
			c.fixed_fields = rest;
		}
	}

	private userLabels({ req }: RouteContext): FakeResponse {
		// The seed documents `ids` (String) but its curl posts a bare JSON array: accept both, and {ids:[…]}.
		const ids = Array.isArray(req.body) ? splitIds(req.body) : splitIds(this.bodyOf(req)['ids']);
		const items: Array<{ userid: string; label_set: Array<{ id: string; name: string; color_value: string }> }> = [];
		for (const id of ids) {
			const c = this.customers.get(id);
			if (!c) continue;
			const label_set = splitIds(c.biz_label)
				.map((lid) => this.labels.get(lid))
				.filter((l): l is SobotLabel => l !== undefined)
				.map((l) => ({ id: l.id, name: l.name, color_value: this.labelGroups.get(l.groupid)?.color_value ?? '' }));
			items.push({ userid: id, label_set });
		}
		return this.ok({ items });
	}

	private updateUserLabel({ req, params }: RouteContext): FakeResponse {
		const c = this.customers.get(params[0]);
		if (!c) return this.ret('999999', '客户不存在'); // ASSUMPTION: code for an unknown customer
		// Body per the seed: a bare array of {id, name}; also accept {list:[…]}.
		const raw = Array.isArray(req.body) ? req.body : this.bodyOf(req)['list'];
		if (!Array.isArray(raw)) return this.ret('999999');
		const ids: string[] = [];
		for (const entry of raw) {
			const id = isRecord(entry) ? str(entry['id']) : str(entry);
			if (!this.labels.has(id)) return this.ret('510004', '标签已不存在');
			ids.push(id);
		}
		c.biz_label = ids.join(',');
		this.refreshLabelNames(c);
		this.touch(c);
		this.addDynamic(c.id, 'user_label_update', { labelIds: ids });
		return this.ok();
	}

	// ================================================================ customers (3.1–3.3)

	/** Applies writable fields of a save/update body; returns an error answer or undefined. */
	private applyCustomerFields(c: SobotCustomer, b: Record<string, unknown>): FakeResponse | undefined {
		for (const k of ['nick', 'uname'] as const) {
			if (b[k] !== undefined && charLen(str(b[k])) > 50) return this.ret('999999', `${k}不能超过50字`); // ASSUMPTION: code
		}
		if (b['ex_field_str'] !== undefined && b['ex_field_str'] !== null) {
			// ASSUMPTION (strict on purpose): ex_field_str must be a JSON-encoded STRING of an array.
			const ex = b['ex_field_str'];
			if (typeof ex !== 'string') return this.ret('999999', 'ex_field_str必须为字符串');
			if (ex !== '') {
				try {
					if (!Array.isArray(JSON.parse(ex))) return this.ret('999999', 'ex_field_str格式错误');
				} catch {
					return this.ret('999999', 'ex_field_str格式错误');
				}
			}
			c.ex_field_str = ex;
		}
		for (const k of STRING_FIELDS) if (b[k] !== undefined) c[k] = str(b[k]);
		if (b['sex'] !== undefined) c.sex = toInt(b['sex'], c.sex);
		if (b['crm_status'] !== undefined) c.crm_status = toInt(b['crm_status'], c.crm_status);
		if (b['user_status'] !== undefined) c.user_status = toInt(b['user_status'], c.user_status);
		return undefined;
	}

	private userSave({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const c = this.blankCustomer(nowSec());
		const bad = this.applyCustomerFields(c, b);
		if (bad) return bad;
		if (b['crm_status'] === undefined) c.crm_status = 1;
		this.customers.set(c.id, c);
		this.addDynamic(c.id, 'user_create', { nick: c.nick });
		return this.ok({ item: c.id });
	}

	private userUpdate({ req, params }: RouteContext): FakeResponse {
		const c = this.customers.get(params[0]);
		if (!c) return this.ret('999999', '客户不存在'); // ASSUMPTION: code for an unknown customer
		const copy: SobotCustomer = { ...c };
		const bad = this.applyCustomerFields(copy, this.bodyOf(req));
		if (bad) return bad;
		Object.assign(c, copy);
		this.touch(c);
		this.addDynamic(c.id, 'user_update', {});
		return this.ok();
	}

	private publicAssign({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const ids = splitIds(b['confirmids']);
		const list = b['liable_list'];
		const first = Array.isArray(list) && isRecord(list[0]) ? list[0] : undefined;
		if (ids.length === 0 || !first) return this.ret('999999');
		const targets = ids.map((id) => this.customers.get(id));
		if (targets.some((c) => c === undefined)) return this.ret('999999', '客户不存在');
		for (const c of targets as SobotCustomer[]) {
			c.liable_serviceid = str(first['liable_serviceid']);
			c.liable_service_name = str(first['liable_service_name']);
			c.crm_status = 3;
			this.touch(c);
			this.addDynamic(c.id, 'user_assign', { liableServiceId: c.liable_serviceid, assignBizType: str(b['assign_biz_type']) });
		}
		return this.ok();
	}

	private publicConfirm({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const ids = splitIds(b['confirmids']);
		if (ids.length === 0) return this.ret('999999');
		const targets = ids.map((id) => this.customers.get(id));
		if (targets.some((c) => c === undefined)) return this.ret('999999', '客户不存在');
		for (const c of targets as SobotCustomer[]) {
			c.crm_status = 4; // 公海
			c.liable_serviceid = '';
			c.liable_service_name = '';
			this.touch(c);
			this.addDynamic(c.id, 'user_recycle', { confirmType: str(b['confirm_type']) });
		}
		return this.ok();
	}

	private userListByPage({ req }: RouteContext): FakeResponse {
		const q = req.query;
		const searchField = (
			{ '1': 'nick', '2': 'uname', '3': 'enterprise_name', '4': 'tel', '5': 'email', nick: 'nick', uname: 'uname', company: 'enterprise_name', enterprise_name: 'enterprise_name', tel: 'tel', email: 'email' } as Record<string, keyof SobotCustomer | undefined>
		)[q['search_type'] ?? ''];
		const searchValue = q['search_value'] ?? '';
		const stageid = q['stageid'] ?? '';
		const unionId = q['wx_build_unionId'] ?? q['wx_build_unionid'] ?? '';
		const from = q['create_start_time'] ? toInt(q['create_start_time'], -Infinity) : -Infinity;
		const to = q['create_end_time'] ? toInt(q['create_end_time'], Infinity) : Infinity;
		const wantLabels = splitIds(q['user_label'] ?? '');
		const isblack = q['isblack'] ?? '';
		const moduleStatus = ({ '2': 1, '3': 2, '4': 3, '5': 4 } as Record<string, number | undefined>)[q['module_type'] ?? ''];
		const mine = q['module_type'] === '6';

		const out: SobotCustomer[] = [];
		for (const c of this.customers.values()) {
			if (c.status !== 8) continue;
			if (searchField && searchValue !== '' && !String(c[searchField]).includes(searchValue)) continue;
			if (stageid !== '' && c.stageid !== stageid) continue;
			if (unionId !== '' && c.wx_build_unionid !== unionId) continue;
			if (c.create_time < from || c.create_time > to) continue;
			if (isblack !== '' && String(c.user_status) !== isblack) continue;
			if (moduleStatus !== undefined && c.crm_status !== moduleStatus) continue;
			if (mine && c.liable_serviceid === '') continue;
			if (wantLabels.length) {
				const has = (c.biz_label + ',' + c.user_label).split(',');
				if (!wantLabels.some((l) => has.includes(l))) continue;
			}
			out.push(c);
		}
		// Stable sort; insertion order breaks ties.
		if (this.customerListOrder === 'asc') out.sort((a, b) => a.create_time - b.create_time);
		else out.reverse().sort((a, b) => b.create_time - a.create_time);
		const p = this.page(out, q, 15, 100);
		p['items'] = (p['items'] as SobotCustomer[]).map((c) => this.listItem(c));
		return this.ok(p);
	}

	/** List item: snake_case, empty strings left out (like the seed's sample). */
	listItem(c: SobotCustomer): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const k in c) {
			const v = c[k as keyof SobotCustomer];
			if (v === '' || v === null || v === undefined) continue;
			out[k] = v;
		}
		return out;
	}

	/** Detail item (3.3.2): camelCase keys, string values, empties left out (like the seed's sample). */
	detailItem(c: SobotCustomer): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const k in c) {
			const v = c[k as keyof SobotCustomer];
			if (v === '' || v === null || v === undefined) continue;
			if (k === 'extend_fields' || k === 'fixed_fields') continue;
			out[DETAIL_KEYS[k] ?? k] = typeof v === 'object' ? v : String(v);
		}
		return out;
	}

	private userDetail({ params }: RouteContext): FakeResponse {
		const c = this.customers.get(params[0]);
		if (!c) return this.ret('999999', '客户不存在'); // ASSUMPTION: code for an unknown customer
		return this.ok({ item: this.detailItem(c) });
	}

	// ================================================================ dynamics, stages (3.4–3.5)

	private dynamicList({ req }: RouteContext): FakeResponse {
		const userid = req.query['userid'] ?? '';
		const bt = req.query['biz_type'] ?? '';
		const group = DYNAMIC_GROUPS[bt];
		const known = new Set([...DYNAMIC_GROUPS['groupService'], ...DYNAMIC_GROUPS['groupUser']]);
		const all = this.dynamics
			.filter((d) => {
				if (userid !== '' && d.userid !== userid) return false;
				if (bt === 'groupOther') return !known.has(d.biz_type);
				if (group) return group.includes(d.biz_type);
				if (bt !== '' && known.has(bt)) return d.biz_type === bt;
				return true; // unknown biz_type values (the seed's curl sends "1") filter nothing
			})
			.sort((a, b) => b.biz_time - a.biz_time);
		return this.ok(this.page(all, req.query, 15, 100));
	}

	private recordSave({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const c = this.customers.get(str(b['userid']));
		if (!c) return this.ret('999999', '客户不存在');
		this.addDynamic(c.id, 'user_follow_record', { content: str(b['content']), bizOperatorType: 1 });
		return this.ok();
	}

	private stageSave({ req }: RouteContext): FakeResponse {
		const b = this.bodyOf(req);
		const c = this.customers.get(str(b['userid']));
		if (!c) return this.ret('999999', '客户不存在');
		const stage = this.stages.find((s) => s.id === str(b['stageid']));
		if (!stage) return this.ret('999999', '阶段不存在'); // ASSUMPTION: code
		const oldStageName = c.stage_name;
		c.stageid = stage.id;
		c.stage_name = b['stage_name'] === undefined ? stage.name : str(b['stage_name']);
		c.stage_type = str(b['stage_type'] ?? '1');
		this.touch(c);
		this.addDynamic(c.id, 'user_stage_update', {
			stageType: c.stage_type,
			stageTypeName: c.stage_type === '1' ? '跟进过程' : '跟进结果',
			stageId: stage.id,
			stageName: c.stage_name,
			oldStageName: oldStageName || null,
			remark: str(b['remark']),
			bizOperatorType: 1,
		});
		return this.ok();
	}

	// ================================================================ agents, regions (3.7–3.8)

	/** Department tree: company root (type 1) → departments (type 1) → agents (type 2). */
	agentTree(): Array<Record<string, unknown>> {
		const node = (dep: SobotDepartment, path: string): Record<string, unknown> => {
			const p = `${path}|${dep.id}`;
			const subDeps = this.departments.filter((d) => d.parentId === dep.id).map((d) => node(d, p));
			const agents = this.agents
				.filter((a) => a.departmentId === dep.id)
				.map((a) => ({ id: a.id, name: a.name, image: a.image, path: null, type: 2, manager_flag: a.manager_flag, sub_list: null }));
			return { id: dep.id, name: dep.name, image: null, path: p, type: 1, manager_flag: null, sub_list: [...subDeps, ...agents] };
		};
		return [
			{
				id: SOBOT_COMPANY_ID,
				name: '总公司',
				image: null,
				path: SOBOT_COMPANY_ID,
				type: 1,
				manager_flag: null,
				sub_list: this.departments.filter((d) => d.parentId === '').map((d) => node(d, SOBOT_COMPANY_ID)),
			},
		];
	}

	private regionCity(provinceid: string): FakeResponse {
		if (this.regionMode === 'as-named') return this.ok({ items: this.cities.filter((c) => c.provinceid === provinceid) });
		// As the seed's sample: districts (areaid, area_name, cityid) of the province's cities.
		const cityIds = new Set(this.cities.filter((c) => c.provinceid === provinceid).map((c) => c.cityid));
		return this.ok({ items: this.areas.filter((a) => cityIds.has(a.cityid)) });
	}

	private regionArea(cityid: string): FakeResponse {
		if (this.regionMode === 'as-named') return this.ok({ items: this.areas.filter((a) => a.cityid === cityid) });
		// As the seed's sample: the cities (cityid, city_name, provinceid) of the city's province.
		const prov = this.cities.find((c) => c.cityid === cityid)?.provinceid;
		return this.ok({ items: prov === undefined ? [] : this.cities.filter((c) => c.provinceid === prov) });
	}

	// ================================================================ store helpers / seeding

	private touch(c: SobotCustomer): void {
		c.update_time = Math.max(nowSec(), c.create_time);
		c.update_user_id = '52e5ed05ee984a4f8bb0b3f921ba2b05';
		c.update_user_name = '安康';
	}

	addDynamic(userid: string, biz_type: string, content: Record<string, unknown>): SobotDynamic {
		const now = Date.now();
		const d: SobotDynamic = {
			id: hex32(),
			companyid: SOBOT_COMPANY_ID,
			userid,
			biz_type,
			biz_time: now,
			biz_content: content,
			create_time: Math.floor(now / 1000),
		};
		this.dynamics.push(d);
		return d;
	}

	blankCustomer(createTime: number): SobotCustomer {
		return {
			id: hex32(),
			pid: SOBOT_COMPANY_ID,
			nick: '',
			uname: '',
			visitorids: '',
			partnerid: '',
			email: '',
			tel: '',
			qq: '',
			wx: '',
			sex: 0,
			source: 8,
			status: 8,
			remark: '',
			enterpriseid: '',
			enterprise_name: '',
			is_vip: '0',
			vip_level: '',
			user_status: 0,
			proviceid: '',
			provice_name: '',
			cityid: '',
			city_name: '',
			areaid: '',
			area_name: '',
			user_label: '',
			biz_label: '',
			extend_fields: {},
			fixed_fields: {},
			ex_field_str: '',
			wx_build_unionid: '',
			create_type: 1,
			create_time: createTime,
			create_date: cstMidnight(createTime),
			create_serviceid: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
			create_service_name: 'SCRM测试',
			update_time: createTime,
			update_user_id: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
			update_user_name: 'SCRM测试',
			liable_serviceid: '',
			liable_service_name: '',
			crm_status: 1,
			stageid: '',
			stage_name: '',
			stage_type: '',
		};
	}

	/** Inserts one customer (fields not given take defaults; create_time defaults to now). */
	addCustomer(fields: Partial<SobotCustomer> = {}): SobotCustomer {
		const c = { ...this.blankCustomer(fields.create_time ?? nowSec()), ...fields };
		if (fields.create_date === undefined) c.create_date = cstMidnight(c.create_time);
		if (fields.update_time === undefined) c.update_time = c.create_time;
		this.customers.set(c.id, c);
		return c;
	}

	/**
	 * Seeds `n` realistic customers with increasing create_time. Every 3rd has ex_field_str,
	 * every 20th is blacklisted, crm_status cycles 1..4; 跟进中 ones get a stage and an agent;
	 * if labels exist, every 4th gets one business label.
	 */
	seedCustomers(n: number, opts: SeedCustomersOptions = {}): SobotCustomer[] {
		const step = opts.stepSeconds ?? 60;
		let newest = -Infinity;
		for (const c of this.customers.values()) if (c.create_time > newest) newest = c.create_time;
		let t = opts.startTime ?? (newest === -Infinity ? 1700000000 : newest + step);
		const labelIds = [...this.labels.keys()];
		const out: SobotCustomer[] = [];
		for (let i = 0; i < n; i++, t += step) {
			const k = ++this.seedCounter;
			const uname = SURNAMES[k % SURNAMES.length] + GIVEN[(k * 7) % GIVEN.length];
			const crm = (k % 4) + 1;
			const city = this.cities[k % this.cities.length];
			const prov = this.provinces.find((p) => p.provinceid === city.provinceid);
			const area = this.areas.find((a) => a.cityid === city.cityid);
			const fields: Partial<SobotCustomer> = {
				create_time: t,
				nick: `客户${k}`,
				uname,
				email: `customer${k}@example.com`,
				tel: `138${String(k).padStart(8, '0')}`,
				qq: k % 5 === 0 ? String(100000 + k) : '',
				wx: k % 6 === 0 ? `wx_user_${k}` : '',
				sex: (k % 2) + 1,
				source: Number(this.sources[k % this.sources.length].value),
				enterprise_name: COMPANIES[k % COMPANIES.length],
				is_vip: k % 10 === 0 ? '1' : '0',
				user_status: k % 20 === 0 ? 1 : 0,
				crm_status: crm,
				proviceid: city.provinceid,
				provice_name: prov?.province_name ?? '',
				cityid: city.cityid,
				city_name: city.city_name,
				areaid: area?.areaid ?? '',
				area_name: area?.area_name ?? '',
				remark: k % 7 === 0 ? '客户咨询' : '',
				wx_build_unionid: k % 8 === 0 ? `or-MA5${hex32().slice(0, 20)}` : '',
			};
			if (crm === 3) {
				const agent = this.agents[k % this.agents.length];
				const stage = this.stages[k % this.stages.length];
				fields.liable_serviceid = agent.id;
				fields.liable_service_name = agent.name;
				fields.stageid = stage.id;
				fields.stage_name = stage.name;
				fields.stage_type = '1';
			}
			if (k % 3 === 0) {
				fields.ex_field_str = JSON.stringify([
					{ fieldid: '5445245507ab48b68769093bd413a5c8', field_value: `1304341999${String(k).padStart(8, '0')}`, field_type: '1' },
					{ fieldid: '81632fdcc05d41ef92b024979e489c17', field_value: '2021-09-06', field_type: '3' },
					{
						fieldid: 'e4043f59025b454a95004e71ec7dd4b5',
						field_value: '607592500181862',
						field_text: '香蕉',
						field_type: '6',
						field_params: 'xialaliebiao',
						data_params: 'balana',
					},
				]);
			}
			const c = this.addCustomer({ ...fields, ...(opts.overrides ?? {}) });
			if (labelIds.length && k % 4 === 0) {
				c.biz_label = labelIds[k % labelIds.length];
				this.refreshLabelNames(c);
			}
			out.push(c);
		}
		return out;
	}

	addLabelGroup(fields: Partial<SobotLabelGroup> & { name: string }): SobotLabelGroup {
		const now = this.nowText();
		const g: SobotLabelGroup = {
			id: hex32(),
			bizid: null,
			type: 1,
			color_value: '#76A6F1',
			is_multiple_choice: 0,
			status: 1,
			create_time: now,
			update_time: now,
			...fields,
		};
		this.labelGroups.set(g.id, g);
		return g;
	}

	addLabel(fields: Partial<SobotLabel> & { name: string; groupid: string }): SobotLabel {
		const now = this.nowText();
		const l: SobotLabel = { id: hex32(), bizid: null, param_name: null, status: 1, create_time: now, update_time: now, ...fields };
		this.labels.set(l.id, l);
		return l;
	}

	/** Seeds `n` label groups ("标签组1"…) with `labelsPerGroup` labels each. */
	seedLabelGroups(n: number, labelsPerGroup = 3): SobotLabelGroup[] {
		const colors = ['#76A6F1', '#15C7C9', '#F5A623', '#E8544E'];
		const out: SobotLabelGroup[] = [];
		const base = this.labelGroups.size;
		for (let i = 1; i <= n; i++) {
			const g = this.addLabelGroup({ name: `标签组${base + i}`, color_value: colors[(base + i) % colors.length] });
			for (let j = 1; j <= labelsPerGroup; j++) this.addLabel({ groupid: g.id, name: `标签${base + i}-${j}` });
			out.push(g);
		}
		return out;
	}

	/** Empties customers, labels, label groups and dynamics (presets like stages stay). */
	resetStores(): void {
		this.chat.reset();
		this.customerCentre.reset();
		this.tickets.clear();
		this.ticketPushFailures.length = 0;
		this.uploads.length = 0;
		this.ticketUpdateQueryAvailable = true;
		this.customers.clear();
		this.labels.clear();
		this.labelGroups.clear();
		this.dynamics.length = 0;
	}
}

export interface SobotTicketTypeNode {
	typeid: string;
	type_name: string;
	parentid: string;
	type_level: number;
	/** ASSUMPTION: 1 = has sub-types. */
	node_flag: number;
	sub_type_list: SobotTicketTypeNode[];
}

export interface SobotTicketField {
	fieldid: string;
	field_name: string;
	field_type: number;
	/** 1 = required */
	fill_flag: number;
	field_data_list: Array<{ data_name: string; data_value: string }>;
}

/** A ticket. ASSUMPTION: times are Unix seconds as text (like the CRM push's create_datetime). */
export interface SobotTicket {
	ticketid: string;
	ticket_code: string;
	companyid: string;
	ticket_title: string;
	ticket_content: string;
	ticket_typeid: string;
	ticket_status: string;
	ticket_level: string;
	ticket_from: string;
	userid: string;
	partnerid: string;
	user_emails: string;
	user_tels: string;
	deal_groupid: string;
	deal_group_name: string;
	deal_agentid: string;
	deal_agent_name: string;
	create_agentid: string;
	create_agent_name: string;
	file_str: string;
	create_datetime: string;
	update_datetime: string;
	extend_fields: Array<{ fieldid: string; field_value: string }>;
	deal_list: Array<Record<string, unknown>>;
	update_log_list: Array<Record<string, unknown>>;
	copy_agent: Array<Record<string, unknown>>;
}
