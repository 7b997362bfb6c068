import type { IDataObject } from 'n8n-workflow';

import { createFields, updateFields } from './actions/customer/fields';
import { properties as setStageProperties } from './actions/customer/setStage.operation';
import { STANDARD_LEVELS, STANDARD_STATUSES } from './actions/ticket/common';
import {
	applyRules,
	entriesToObject,
	flagRule,
	isoInZone,
	mapEntries,
	nameRule,
	optionNames,
	parsedJson,
	safely,
	timeRule,
	toFlag,
	type CodeNames,
	type FieldRule,
	type Simplifier,
	type SimplifyOptions,
} from '../shared/simplify';
import { CHINA_TIME_ZONE, readVendorTime, vendorDay, vendorOffsetMs } from '../shared/time';
import { isBlank } from '../shared/values';

/**
 * Simplify for the Sobot node's read operations (rules: nodes/shared/simplify.ts). Field meanings
 * and codes are those of seed 002 (section numbers below) and, for the ticket centre, of
 * VENDOR-NOTES. Names a user also picks when writing come from the node's own options, so a
 * value read back is the value picked.
 */

// -------------------------------------------------------------------------------- code names

/** customer crm_status, 3.1 (1 首咨, 2 待分配, 3 跟进中, 4 公海): the Status options of Create. */
export const CRM_STATUSES = optionNames(createFields, 'crm_status');
/** customer sex, 3.1 (1 男, 2 女): the Sex options. (0, seen in pushes, is undocumented and stays 0.) */
export const SEXES = optionNames(createFields, 'sex');
/** customer is_vip, 3.1 (0 普通, 1 vip): the Customer Level options. */
export const VIP_LEVELS = optionNames(createFields, 'is_vip');
/** customer user_status, 3.2.1 (0 正常, 1 黑名单): the Blacklist Status options of Update. */
export const BLACKLIST_STATUSES = optionNames(updateFields, 'user_status');
/** stage_type, 3.5.2 / 4.1 (1 跟进过程; 21 成单, 22 输单, 23 无效): the Stage Type options of Set Stage. */
export const STAGE_TYPES = optionNames(setStageProperties, 'stage_type');

/** create_type / update_type, 3.3.1 and 4.1: who created or last changed the customer. */
export const OPERATOR_TYPES: CodeNames = {
	'1': 'Agent', // 客服
	'2': 'Lead Capture Bot', // 套电机器人
	'3': 'Reception Bot', // 接待机器人
	'4': 'Voice Bot', // 语音机器人
	'5': 'Telemarketing Bot', // 电销机器人
	'6': 'Trigger', // 触发器
	'7': 'Scheduled Task', // 定时任务
};

/**
 * customer source (客户来源), the dictionary of 3.6 user_dynamic/getsource as its sample lists it.
 * ASSUMPTION: the dictionary is the same for every account (it is a system dictionary, 字典);
 * a code it does not hold (the 3.3.1 sample shows 18) keeps its number. The live list is the
 * Source → Get Many operation.
 */
export const CUSTOMER_SOURCES: CodeNames = {
	'0': 'Desktop Website', // 桌面网站
	'1': 'WeChat Official Account', // 微信公众号
	'2': 'App', // APP
	'3': 'Weibo', // 微博
	'4': 'Mobile Website', // 移动网站
	'5': 'RongCloud', // 融云
	'6': 'Call Centre', // 呼叫中心
	'7': 'Ticket Centre', // 工单中心
	'8': 'Customer Centre', // 客户中心
	'9': 'WeCom', // 企业微信
	'10': 'WeChat Mini Program', // 微信小程序
	'11': 'Email', // 邮件
	'12': 'Baidu Marketing', // 百度营销
	'13': 'Toutiao', // 今日头条
	'14': 'Qihoo 360', // 奇虎360
};

/**
 * customer status, 4.1 (逻辑删除 8 正常, 9 已删除). ASSUMPTION: the `status` of the customer
 * lists and detail (3.3.1/3.3.2 samples: 8, undocumented there) is the same field as the push's.
 */
export const CUSTOMER_RECORD_STATUSES: CodeNames = { '8': 'Normal', '9': 'Deleted' };

/** label group type, 2.4 (0 访客, 1 客户, 2 工单). */
export const LABEL_GROUP_TYPES: CodeNames = { '0': 'Visitor', '1': 'Customer', '2': 'Ticket' };

/** label group and label status, 2.4 / 2.8 (-1 删除, 0 无效, 1 有效). */
export const LABEL_STATUSES: CodeNames = { '-1': 'Deleted', '0': 'Inactive', '1': 'Active' };

/**
 * custom field field_type, 3.3.3 (1 单行文本, 2 多行文本, 3 日期, 4 时间, 5 数值, 6 下拉列表,
 * 7 复选框, 8 单选框, 9 级联字段). ASSUMPTION: 3.3.3 is right about 7 and 8; the push's table
 * (4.1) swaps them (7 单选框, 8 复选框). 3.3.3 documents the endpoint these records come from.
 */
export const CUSTOM_FIELD_TYPES: CodeNames = {
	'1': 'Single-Line Text',
	'2': 'Multi-Line Text',
	'3': 'Date',
	'4': 'Time',
	'5': 'Number',
	'6': 'Dropdown',
	'7': 'Checkboxes',
	'8': 'Radio Buttons',
	'9': 'Cascade',
};

/** custom field field_status, 3.3.3 (0 无效(删除), 1 有效). */
export const CUSTOM_FIELD_STATUSES: CodeNames = { '0': 'Deleted', '1': 'Active' };

/** agent tree node type, 3.7 (1 部门, 2 客服). */
export const AGENT_NODE_TYPES: CodeNames = { '1': 'Department', '2': 'Agent' };

/** agent manager flag, 3.7 (管理员标记 1 管理员, 2 客服): documented as `manager`, sent as `manager_flag`. */
export const AGENT_ROLES: CodeNames = { '1': 'Admin', '2': 'Agent' };

/** ticket reply_type (VENDOR-NOTES, save_ticket_reply: 0 public, 1 internal). ASSUMPTION: replies read back carry the same codes. */
export const TICKET_REPLY_TYPES: CodeNames = { '0': 'Public', '1': 'Internal' };

// ticket_status / ticket_level: STANDARD_STATUSES / STANDARD_LEVELS of actions/ticket/common.ts
// (custom statuses have account-specific codes and keep them). ticket_from (0–17) has no
// documented names and stays a number.

// -------------------------------------------------------------------------------- rules

/**
 * create_date (3.3.1: 创建日期(秒)) is the creation day as the Unix time of its midnight in the
 * account's zone, China time by default (sample 1629820800 = 2021-08-25 00:00 +08:00, create_time
 * 1629860308 = 10:58 that day): it becomes that day, `2021-08-25`. ASSUMPTION: a value that is
 * not a midnight in the account's zone is a plain time and becomes an ISO date-time like the others.
 */
const dayRule: FieldRule = (value, { timezone, vendorTimeZone = CHINA_TIME_ZONE }) => {
	const ms = readVendorTime(value, vendorTimeZone);
	if (ms === null) return null;
	if (ms === undefined) return value;
	return (ms + vendorOffsetMs(ms, vendorTimeZone)) % 86_400_000 === 0 ? vendorDay(ms, vendorTimeZone) : isoInZone(ms, timezone);
};

/**
 * Customer fields, as the lists (3.3.1, snake_case) and the detail (3.3.2, whose sample answers
 * camelCase: crmStatus, createTime, …) spell them. Keys are kept as they came.
 */
const CUSTOMER_RULES: Record<string, FieldRule> = {
	create_time: timeRule,
	createTime: timeRule,
	update_time: timeRule,
	updateTime: timeRule,
	create_date: dayRule,
	createDate: dayRule,
	crm_status: nameRule(CRM_STATUSES),
	crmStatus: nameRule(CRM_STATUSES),
	sex: nameRule(SEXES),
	source: nameRule(CUSTOMER_SOURCES),
	create_type: nameRule(OPERATOR_TYPES),
	createType: nameRule(OPERATOR_TYPES),
	update_type: nameRule(OPERATOR_TYPES),
	updateType: nameRule(OPERATOR_TYPES),
	status: nameRule(CUSTOMER_RECORD_STATUSES),
	is_vip: nameRule(VIP_LEVELS),
	isVip: nameRule(VIP_LEVELS),
	user_status: nameRule(BLACKLIST_STATUSES),
	userStatus: nameRule(BLACKLIST_STATUSES),
	stage_type: nameRule(STAGE_TYPES),
	stageType: nameRule(STAGE_TYPES),
};

/** One custom-field entry's value: the text Sobot shows (an option's name) when it gives one, else the value. */
function shownValue(entry: IDataObject): unknown {
	return typeof entry.field_text === 'string' && !isBlank(entry.field_text) ? entry.field_text : entry.field_value;
}

/** The entry's field: `fieldid`, or `field_params` (3.1: a dropdown field may be named by either). */
function fieldKey(entry: IDataObject): unknown {
	return isBlank(entry.fieldid) ? entry.field_params : entry.fieldid;
}

/**
 * Custom fields. `ex_field_str` (a JSON text of `[{fieldid, field_value, field_text?, field_type,
 * …}]`) is given parsed as `ex_fields` — the Get and Get Many operations already add it — and the
 * text itself is dropped once parsed (the same data twice). `extend_fields` given as a JSON text
 * is parsed in place. Every list of entries (`ex_fields`, `extend_fields`, the ticket's
 * `extend_fields_list`) is also given as one object, `custom_fields`: field id → the value as
 * Sobot shows it. The lists stay: they carry the option ids, types and parameter names.
 */
function withCustomFields(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	if (typeof result.ex_field_str === 'string') {
		const parsed = parsedJson(result.ex_field_str);
		if (Array.isArray(parsed)) {
			if (!Array.isArray(result.ex_fields)) result.ex_fields = parsed as IDataObject[];
			delete result.ex_field_str;
		}
	}
	if (typeof result.extend_fields === 'string') result.extend_fields = parsedJson(result.extend_fields) as IDataObject[string];
	if ('custom_fields' in result) return result; // not a Sobot field, but never overwrite one
	let customFields: IDataObject | undefined;
	for (const key of ['ex_fields', 'extend_fields', 'extend_fields_list']) {
		const fields = entriesToObject(result[key], fieldKey, shownValue);
		if (fields !== undefined) customFields = { ...(customFields ?? {}), ...fields };
	}
	if (customFields !== undefined) result.custom_fields = customFields;
	return result;
}

/** Customer (3.3.1 list entries, 3.3.2 detail): times, codes, custom fields. */
export const simplifyCustomer: Simplifier = safely((record, options) =>
	withCustomFields(applyRules(record, CUSTOMER_RULES, options)),
);

/**
 * Customer activity (3.4.1): `biz_time` (documented in ms; the sample mixes ms and seconds, read
 * by size) and `create_time` (seconds; 0 in the sample = not set), `biz_content` parsed when it
 * comes as a JSON text. The content's own fields (with Sobot's Chinese names) stay as they are.
 */
export const simplifyActivity: Simplifier = safely((record, options) => {
	const result = applyRules(record, { biz_time: timeRule, create_time: timeRule }, options);
	if (typeof result.biz_content === 'string') result.biz_content = parsedJson(result.biz_content) as IDataObject[string];
	return result;
});

/**
 * `create_time` / `update_time` of labels and label groups are `YYYY-MM-DD HH:mm:ss` texts
 * (2.4/2.8 samples). ASSUMPTION: in the account's zone (the credential's Account Time Zone;
 * China time by default), like every wall-clock time of Sobot.
 */
export const simplifyLabelGroup: Simplifier = safely((record, options) =>
	applyRules(
		record,
		{
			create_time: timeRule,
			update_time: timeRule,
			type: nameRule(LABEL_GROUP_TYPES),
			status: nameRule(LABEL_STATUSES),
			is_multiple_choice: flagRule,
		},
		options,
	),
);

export const simplifyLabel: Simplifier = safely((record, options) =>
	applyRules(record, { create_time: timeRule, update_time: timeRule, status: nameRule(LABEL_STATUSES) }, options),
);

/** How deep a department tree is followed; deeper nodes are kept as they came. */
const MAX_TREE_DEPTH = 50;

function simplifyAgentNode(record: IDataObject, options: SimplifyOptions, depth: number): IDataObject {
	const result = applyRules(
		record,
		{ type: nameRule(AGENT_NODE_TYPES), manager_flag: nameRule(AGENT_ROLES), manager: nameRule(AGENT_ROLES) },
		options,
	);
	if (Array.isArray(result.sub_list) && depth < MAX_TREE_DEPTH) {
		result.sub_list = mapEntries(result.sub_list, (child) => simplifyAgentNode(child, options, depth + 1)) as IDataObject[];
	}
	return result;
}

/** Agent (3.7), flattened or as the department tree: node type and role named, through `sub_list`. */
export const simplifyAgent: Simplifier = safely((record, options) => simplifyAgentNode(record, options, 0));

/** Customer custom field definition (3.3.3/3.9): type named, fill_flag (是否必填) and status. */
export const simplifyCustomField: Simplifier = safely((record, options) =>
	applyRules(
		record,
		{
			field_type: nameRule(CUSTOM_FIELD_TYPES),
			fill_flag: flagRule,
			field_status: nameRule(CUSTOM_FIELD_STATUSES),
		},
		options,
	),
);

/**
 * Ticket (ticket centre, VENDOR-NOTES): times (ASSUMPTION, as in actions/ticket/common.ts: Unix
 * seconds as text; ms and wall-clock texts in the account's zone are read too), status and level named, the
 * replies (`deal_list`) and history (`update_log_list`) with their times, custom fields.
 */
export const simplifyTicket: Simplifier = safely((record, options) => {
	const result = applyRules(
		record,
		{
			create_datetime: timeRule,
			update_datetime: timeRule,
			ticket_status: nameRule(STANDARD_STATUSES),
			ticket_level: nameRule(STANDARD_LEVELS),
		},
		options,
	);
	const replyRules = { reply_datetime: timeRule, reply_type: nameRule(TICKET_REPLY_TYPES) };
	if (Array.isArray(result.deal_list)) {
		result.deal_list = mapEntries(result.deal_list, (reply) => applyRules(reply, replyRules, options)) as IDataObject[];
	}
	if (Array.isArray(result.update_log_list)) {
		result.update_log_list = mapEntries(result.update_log_list, (change) =>
			applyRules(change, { update_datetime: timeRule }, options),
		) as IDataObject[];
	}
	return withCustomFields(result);
});


// -------------------------------------------------------------------------------- online chat (BEYOND-TICKETS §1.1, §1.3, §1.4)

/** sender_type / receiver_type of a transcript message (get_detail_by_cid: 0 用户, 1 机器人, 2 客服). */
export const CHAT_PARTY_TYPES: CodeNames = { '0': 'Customer', '1': 'Bot', '2': 'Agent' };

/** msg_type of a transcript message (get_detail_by_cid: 0 文本, 1 图片, 2 音频, 3 富文本). */
export const CHAT_MESSAGE_TYPES: CodeNames = { '0': 'Text', '1': 'Image', '2': 'Audio', '3': 'Rich Text' };

/** question_status of a service summary (1 已解决). ASSUMPTION: 0 = not solved (only 1 is documented). */
export const SUMMARY_QUESTION_STATUSES: CodeNames = { '0': 'Not Solved', '1': 'Solved' };

/** status of an agent in get_once_data's admin_list (1 在线, 2 忙碌). */
export const LIVE_AGENT_STATUSES: CodeNames = { '1': 'Online', '2': 'Busy' };

/**
 * status_code of an agent in get_once_data's admin_list: the source documents "3 小休 … 7 活动"
 * only; the codes between stay numbers until a real account shows their names.
 */
export const LIVE_AGENT_STATUS_CODES: CodeNames = { '3': 'Break', '7': 'Activity' };

/** A yes/no answer given as true/false, "true"/"false" or 1/0 (admin_is_work's is_work); else as it came. */
const yesNoRule: FieldRule = (value) => {
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	return toFlag(value);
};

/** A conversation of query_cids: its start (start_date_time, ms). */
export const simplifyConversation: Simplifier = safely((record, options) =>
	applyRules(record, { start_date_time: timeRule }, options),
);

const TRANSCRIPT_MESSAGE_RULES: Record<string, FieldRule> = {
	sender_type: nameRule(CHAT_PARTY_TYPES),
	receiver_type: nameRule(CHAT_PARTY_TYPES),
	msg_type: nameRule(CHAT_MESSAGE_TYPES),
	ts: timeRule, // 'YYYY-MM-DD HH:mm:ss', in the account's zone
	t: timeRule, // ms
};

/** A transcript (`{ cid, messages }`): each message's sender and receiver, type and times named. */
export const simplifyTranscript: Simplifier = safely((record, options) => {
	const result: IDataObject = { ...record };
	if (Array.isArray(result.messages)) {
		result.messages = mapEntries(result.messages, (message) => applyRules(message, TRANSCRIPT_MESSAGE_RULES, options)) as IDataObject[];
	}
	return result;
});

/**
 * An agent's service summary (query_summary): flags as booleans, question status named, its
 * custom fields (`fields[{fieldid, field_name, field_value}]`) also as `custom_fields` by field
 * id, as every Sobot record gives them.
 */
export const simplifySummary: Simplifier = safely((record, options) => {
	const result = applyRules(
		record,
		{
			update_time: timeRule,
			summary_flag: flagRule,
			question_status: nameRule(SUMMARY_QUESTION_STATUSES),
			invalid_session: flagRule,
		},
		options,
	);
	if (!('custom_fields' in result)) {
		const fields = entriesToObject(result.fields, (entry) => entry.fieldid, (entry) => entry.field_value);
		if (fields !== undefined) result.custom_fields = fields;
	}
	return result;
});

/** An offline message (offline_msg_data, one item per message): its time. */
export const simplifyOfflineMessage: Simplifier = safely((record, options) => applyRules(record, { ts: timeRule }, options));

/** get_once_data: each agent's status and status code named, the time of the status. */
export const simplifyLiveFigures: Simplifier = safely((record, options) => {
	const result: IDataObject = { ...record };
	if (Array.isArray(result.admin_list)) {
		result.admin_list = mapEntries(result.admin_list, (agent) =>
			applyRules(
				agent,
				{ status: nameRule(LIVE_AGENT_STATUSES), status_code: nameRule(LIVE_AGENT_STATUS_CODES), status_time: timeRule },
				options,
			),
		) as IDataObject[];
	}
	return result;
});

/** An online-chat agent or skill group (query_agent, query_group): its creation time. */
export const simplifyChatDirectoryEntry: Simplifier = safely((record, options) =>
	applyRules(record, { create_time: timeRule }, options),
);

/** admin_is_work: `is_work` as a boolean. */
export const simplifyWorkingStatus: Simplifier = safely((record, options) => applyRules(record, { is_work: yesNoRule }, options));

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * Statistics (satisfaction, sessions, messages: `/api/wb/5/data/*`): figures sent as digit texts
 * become numbers. ASSUMPTION: the source lists the fields without types; a rate with a "%" or any
 * other text stays as it came.
 */
export const simplifyStatistics: Simplifier = safely((record) => {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		result[key] = typeof value === 'string' && NUMERIC_TEXT.test(value.trim()) && key !== 'start_date' && key !== 'end_date' ? Number(value) : value;
	}
	return result;
});

// -------------------------------------------------------------------------------- customer centre (BEYOND-TICKETS §1.7)

/** user_status of a customer-centre contact (0 正常, 1 黑名单). */
export const CONTACT_STATUSES: CodeNames = { '0': 'Normal', '1': 'Blacklisted' };
/** user_level of a customer-centre contact (0 普通, 1 VIP). */
export const CONTACT_LEVELS: CodeNames = { '0': 'Normal', '1': 'VIP' };

/** A customer-centre contact: status and level named, times ISO (custom fields as every Sobot record). */
export const simplifyContact: Simplifier = safely((record, options) =>
	withCustomFields(
		applyRules(
			record,
			{
				user_status: nameRule(CONTACT_STATUSES),
				user_level: nameRule(CONTACT_LEVELS),
				create_datetime: timeRule,
				update_datetime: timeRule,
			},
			options,
		),
	),
);
