/**
 * Simplify for the Sobot node (nodes/Sobot/simplify.ts), on the shapes of seed 002 (samples copied
 * verbatim, section numbers given) and of the fake ticket centre (test/fakes/sobot.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../nodes/Sobot/actions/router';

import {
	simplifyActivity,
	simplifyAgent,
	simplifyCustomField,
	simplifyCustomer,
	simplifyLabel,
	simplifyLabelGroup,
	simplifyTicket,
} from '../../nodes/Sobot/simplify';
import type { SobotTicket } from '../fakes/sobot';

const SHANGHAI = { timezone: 'Asia/Shanghai' };
const NEW_YORK = { timezone: 'America/New_York' };

/** Seed 002 §3.3.1, the first entry of the list_by_page sample. */
const LIST_CUSTOMER: IDataObject = {
	id: '6738912701e74e02ae20f5a6c40c1d14',
	pid: '60b7e31daf15417aa0f521aa7d822ddd',
	nick: '阿卡林康',
	sex: 1,
	source: 9,
	status: 8,
	partnerid: 'wmzcrEDAAAAn_GEUrwuprZYeJkv99PeA',
	is_vip: '0',
	user_status: 0,
	extend_fields: {},
	fixed_fields: { userLabel: '团员,泰山,www' },
	create_type: 1,
	create_time: 1629860308,
	create_date: 1629820800,
	create_serviceid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
	update_time: 1632369757,
	update_user_id: '5f96c8393cea49078a2c676ec6aad697',
	update_user_name: '赵-众服',
	liable_serviceid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
	liable_service_name: '安康',
	crm_status: 3,
	wx_build_unionid: 'or-MA51K3ISeMe_4W6_6LPNaL3MU',
};

/** Seed 002 §3.3.2, the user/detail sample's item (camelCase keys, values as text). */
const DETAIL_CUSTOMER: IDataObject = {
	userLabel: 'bb25cd094d44426ca3113b90d66a124c',
	crmStatus: '3',
	pid: '60b7e31daf15417aa0f521aa7d822ddd',
	createType: '1',
	source: '9',
	createServiceId: 'cb46367362d44dd2880d7b23d0ac94c0',
	nick: '尔耳',
	wxBuildUnionId: 'or-MA53WmBhZexunZ0I2ZueGdk7g',
	helperServiceId: '4530c9b2de2648168ca53bbabe1e6b1f,47862add425145779808b6de86d437a7,cb46367362d44dd2880d7b23d0ac94c0',
	liableServiceName: '刘宇博',
	liableServiceId: 'f48c6d65e19b458b928cdc4c0e3f89bf',
	tel: '13168765122',
	ex_field_str:
		'[{"fieldid":"81632fdcc05d41ef92b024979e489c17","field_value":"","field_type":"3"},{"fieldid":"2445ede23ccc4e55940fc61236985b57","field_value":"628242069686628","field_text":"2","field_type":"9"},{"fieldid":"984483b8c8d34eae9706e512ef641083","field_value":"628241984465772","field_text":"222","field_type":"9"},{"fieldid":"6dbd01468c134cae95d2c30f963aeb24","field_value":"","field_type":"2"},{"fieldid":"14bcf8a12c81458f86998996a51d47fa","field_value":"607592588177650","field_text":"a-2","field_type":"9"},{"fieldid":"e8426f86c0644078aac6549787eda1a8","field_value":"","field_type":"4"},{"fieldid":"bafe053fb51a40d6a2d2b3ab4ce9a80f","field_value":"34534","field_type":"5"},{"fieldid":"9c605f42908540529e653d3c0d6c5331","field_value":"607592546349742","field_text":"小米","field_type":"8"},{"fieldid":"fbf6a75380b74098a097090c7a8f7284","field_value":"607592524201284","field_text":"电脑","field_type":"7"},{"fieldid":"e4043f59025b454a95004e71ec7dd4b5","field_value":"607592500181862","field_text":"香蕉","field_type":"6","field_params":"xialaliebiao","data_params":"balana"}]',
	id: '1023046dc7f94c3aa9568e5cc86cfbc7',
	groupChatName: '测试群,多个人的群,未知客户,群聊1234,张乐乐测试群聊,小智测试组',
	updateUserId: 'cb46367362d44dd2880d7b23d0ac94c0',
	updateUserName: '樊永锋',
	sex: '1',
	updateTime: '1636516394',
	createServiceName: '樊永锋',
	blackType: '0',
	createTime: '1632806109',
	helperServiceName: '赵换然,李丽,樊永锋',
	qywxFriendsName: '刘金萌,李丽,赵换然,赵-众服,樊永锋,张佳琦',
	status: '8',
	updateType: '1',
};

const DETAIL_CUSTOM_FIELDS = {
	'81632fdcc05d41ef92b024979e489c17': '',
	'2445ede23ccc4e55940fc61236985b57': '2',
	'984483b8c8d34eae9706e512ef641083': '222',
	'6dbd01468c134cae95d2c30f963aeb24': '',
	'14bcf8a12c81458f86998996a51d47fa': 'a-2',
	e8426f86c0644078aac6549787eda1a8: '',
	bafe053fb51a40d6a2d2b3ab4ce9a80f: '34534',
	'9c605f42908540529e653d3c0d6c5331': '小米',
	fbf6a75380b74098a097090c7a8f7284: '电脑',
	e4043f59025b454a95004e71ec7dd4b5: '香蕉',
};

describe('customer (get, getMany)', () => {
	it('simplifies the list entry of §3.3.1 and keeps every field (Asia/Shanghai)', () => {
		expect(simplifyCustomer(LIST_CUSTOMER, SHANGHAI)).toEqual({
			...LIST_CUSTOMER,
			sex: 'Male',
			source: 'WeCom',
			status: 'Normal',
			is_vip: 'Regular',
			user_status: 'Normal',
			create_type: 'Agent',
			create_time: '2021-08-25T10:58:28.000+08:00',
			create_date: '2021-08-25',
			update_time: '2021-09-23T12:02:37.000+08:00',
			crm_status: 'Following Up',
		});
	});

	it('renders the times in the workflow zone (America/New_York); the creation day stays the China day', () => {
		const simplified = simplifyCustomer(LIST_CUSTOMER, NEW_YORK);
		expect(simplified.create_time).toBe('2021-08-24T22:58:28.000-04:00');
		expect(simplified.update_time).toBe('2021-09-23T00:02:37.000-04:00');
		expect(simplified.create_date).toBe('2021-08-25');
	});

	it('a create_date that is not a China midnight becomes a date-time', () => {
		expect(simplifyCustomer({ create_date: 1629860308 }, SHANGHAI).create_date).toBe('2021-08-25T10:58:28.000+08:00');
	});

	it('simplifies the camelCase detail of §3.3.2, parsing ex_field_str into ex_fields and custom_fields', () => {
		const simplified = simplifyCustomer(DETAIL_CUSTOMER, SHANGHAI);
		const { ex_field_str: text, ...rest } = DETAIL_CUSTOMER;
		expect(simplified).toEqual({
			...rest,
			crmStatus: 'Following Up',
			createType: 'Agent',
			updateType: 'Agent',
			source: 'WeCom',
			sex: 'Male',
			status: 'Normal',
			createTime: '2021-09-28T13:15:09.000+08:00',
			updateTime: '2021-11-10T11:53:14.000+08:00',
			ex_fields: JSON.parse(text as string),
			custom_fields: DETAIL_CUSTOM_FIELDS,
		});
		expect(simplified.blackType).toBe('0'); // hours of a blacklisting (24/48/72): not a code
	});

	it.each([
		['crm_status', 1, 'First Contact'],
		['crm_status', 2, 'To Be Assigned'],
		['crm_status', 3, 'Following Up'],
		['crm_status', '4', 'Public Pool'],
		['crmStatus', '2', 'To Be Assigned'],
		['sex', 2, 'Female'],
		['sex', '0', '0'], // seen in pushes, undocumented
		['is_vip', '1', 'VIP'],
		['isVip', '1', 'VIP'],
		['user_status', '1', 'Blacklisted'],
		['userStatus', 1, 'Blacklisted'],
		['status', 9, 'Deleted'],
		['source', 0, 'Desktop Website'],
		['source', '14', 'Qihoo 360'],
		['source', 18, 18], // the §3.3.1 sample's second entry: not in the §3.6 dictionary
		['create_type', 7, 'Scheduled Task'],
		['update_type', '2', 'Lead Capture Bot'],
		['stage_type', '21', 'Result: Won'],
		['stageType', 1, 'In Progress'],
		['stage_type', '2', '2'], // "result" without which one: undocumented as a value of its own
		['crm_status', 5, 5],
		['crm_status', '', null],
	])('%s %p → %p', (key, code, expected) => {
		expect(simplifyCustomer({ [key]: code }, SHANGHAI)[key]).toEqual(expected);
	});

	it('keeps the parsed ex_fields the operation already added, and drops the JSON text only once parsed', () => {
		const fromNode = { ex_field_str: '[{"fieldid":"f1","field_value":"v"}]', ex_fields: [{ fieldid: 'f1', field_value: 'v', extra: 1 }] };
		expect(simplifyCustomer(fromNode, SHANGHAI)).toEqual({
			ex_fields: [{ fieldid: 'f1', field_value: 'v', extra: 1 }],
			custom_fields: { f1: 'v' },
		});
		expect(simplifyCustomer({ ex_field_str: '[{"fieldid":' }, SHANGHAI)).toEqual({ ex_field_str: '[{"fieldid":' });
		expect(simplifyCustomer({ ex_field_str: '' }, SHANGHAI)).toEqual({ ex_field_str: '' });
	});

	it('keys a custom field by field_params when it has no fieldid (§3.1: a dropdown may be named either way)', () => {
		const record = { ex_field_str: JSON.stringify([{ field_params: 'xialaliebiao', field_value: '607592500181862' }]) };
		expect(simplifyCustomer(record, SHANGHAI).custom_fields).toEqual({ xialaliebiao: '607592500181862' });
	});

	it('leaves a custom-field list it cannot key as a list, without custom_fields', () => {
		const record = { ex_field_str: JSON.stringify([{ field_value: 'orphan' }]) };
		expect(simplifyCustomer(record, SHANGHAI)).toEqual({ ex_fields: [{ field_value: 'orphan' }] });
	});

	it('parses extend_fields given as a JSON text; an object extend_fields (§3.3.1) stays as it is', () => {
		expect(simplifyCustomer({ extend_fields: '{"a":"1"}' }, SHANGHAI)).toEqual({ extend_fields: { a: '1' } });
		expect(simplifyCustomer({ extend_fields: { a: '1' } }, SHANGHAI)).toEqual({ extend_fields: { a: '1' } });
	});
});

describe('customer activities (getActivities, §3.4.1)', () => {
	it('reads biz_time in ms or seconds, create_time 0 as not set, parses biz_content text', () => {
		const created = {
			id: 'a4b1fad08cc74951a4b76ec571d4384d',
			biz_type: 'user_create',
			biz_time: 1621509568807,
			biz_content: { bizOperatorType: 1, bizOperatorTypeName: '手动创建' },
			create_time: 0,
		};
		expect(simplifyActivity(created, SHANGHAI)).toEqual({ ...created, biz_time: '2021-05-20T19:19:28.807+08:00', create_time: null });
		const stage = {
			id: 'ccff8be345624c6d9ece9859a2ecb763',
			biz_type: 'user_stage_update',
			biz_time: 1622018626,
			biz_content: '{"stageType":"1","stageName":"付款流程"}',
			create_time: 1622018626,
		};
		expect(simplifyActivity(stage, NEW_YORK)).toEqual({
			...stage,
			biz_time: '2021-05-26T04:43:46.000-04:00',
			create_time: '2021-05-26T04:43:46.000-04:00',
			biz_content: { stageType: '1', stageName: '付款流程' },
		});
	});
});

describe('label groups and labels (getMany, §2.4 / §2.8)', () => {
	const group = {
		id: 'aa08a602e63d4d188f52b0809e6794b0',
		name: 'test32',
		status: 1,
		type: 1,
		bizid: null,
		color_value: '#gt5433',
		create_time: '2021-07-14 05:00:00',
		is_multiple_choice: 0,
		update_time: '2021-07-14 05:00:00',
	};

	it('label group: China wall-clock times, type, status, multiple choice as a boolean', () => {
		expect(simplifyLabelGroup(group, SHANGHAI)).toEqual({
			...group,
			status: 'Active',
			type: 'Customer',
			create_time: '2021-07-14T05:00:00.000+08:00',
			is_multiple_choice: false,
			update_time: '2021-07-14T05:00:00.000+08:00',
		});
		expect(simplifyLabelGroup(group, NEW_YORK).create_time).toBe('2021-07-13T17:00:00.000-04:00');
	});

	it.each([
		['type', 0, 'Visitor'],
		['type', 2, 'Ticket'],
		['status', -1, 'Deleted'],
		['status', 0, 'Inactive'],
		['is_multiple_choice', 1, true],
	])('label group %s %p → %p', (key, code, expected) => {
		expect(simplifyLabelGroup({ [key]: code }, SHANGHAI)[key]).toEqual(expected);
	});

	it('label: times and status', () => {
		const label = {
			id: '8e842b52a028445cbeb593dc48f69fa9',
			name: '汉语名给字',
			status: 1,
			bizid: null,
			create_time: '2021-07-14 12:17:10',
			param_name: null,
			groupid: '164783fc76bc4b25b204dd22fa5a9927',
			update_time: '2021-07-14 12:17:10',
		};
		expect(simplifyLabel(label, NEW_YORK)).toEqual({
			...label,
			status: 'Active',
			create_time: '2021-07-14T00:17:10.000-04:00',
			update_time: '2021-07-14T00:17:10.000-04:00',
		});
		expect(simplifyLabel({ status: -1 }, SHANGHAI).status).toBe('Deleted');
	});
});

describe('agents (getMany, §3.7)', () => {
	it('names node types and roles through the department tree', () => {
		const tree = {
			id: 'fa9e42241b154353ab629ed4b897ee63',
			name: '运营部',
			image: null,
			path: '60b7e31daf15417aa0f521aa7d822ddd|bab2c1b0a95248e4bf30ef1c2bf36946|fa9e42241b154353ab629ed4b897ee63',
			type: 1,
			manager_flag: null,
			sub_list: [{ id: 'edf5f6bbf1ee488093edc3eea29cdc63', name: '测试2', image: null, path: null, type: 2, manager_flag: 2, sub_list: null }],
		};
		expect(simplifyAgent(tree, SHANGHAI)).toEqual({
			...tree,
			type: 'Department',
			sub_list: [{ ...tree.sub_list[0], type: 'Agent', manager_flag: 'Agent' }],
		});
	});

	it('names the role of a flattened agent (manager_flag, or manager as §3.7 documents it)', () => {
		const flat = { id: '52e5ed05ee984a4f8bb0b3f921ba2b05', name: '安康', image: null, type: 2, manager_flag: 1, department_id: 'bab2', department_names: ['客服中心'] };
		expect(simplifyAgent(flat, SHANGHAI)).toEqual({ ...flat, type: 'Agent', manager_flag: 'Admin' });
		expect(simplifyAgent({ manager: '1' }, SHANGHAI)).toEqual({ manager: 'Admin' });
	});
});

describe('custom fields (getMany, §3.3.3 / §3.9)', () => {
	it('names the type and status, fill_flag as a boolean, options kept', () => {
		const field = {
			field_id: 'e4043f59025b454a95004e71ec7dd4b5',
			field_name: '下拉列表',
			field_variable: 'customField6',
			field_type: 6,
			fill_flag: 0,
			field_status: 1,
			field_remark: '测试使用',
			operate_type: 1,
			field_params: 'xialaliebiao',
			cus_field_data_info_list: [{ data_id: '27e4321062124922a35eb93986fe7d7d', data_value: '607592500180588', data_name: '苹果' }],
		};
		expect(simplifyCustomField(field, SHANGHAI)).toEqual({ ...field, field_type: 'Dropdown', fill_flag: false, field_status: 'Active' });
	});

	it.each([
		[1, 'Single-Line Text'],
		[2, 'Multi-Line Text'],
		[3, 'Date'],
		[4, 'Time'],
		[5, 'Number'],
		[7, 'Checkboxes'],
		[8, 'Radio Buttons'],
		[9, 'Cascade'],
		[10, 10],
	])('field_type %p → %p', (code, expected) => {
		expect(simplifyCustomField({ field_type: code }, SHANGHAI).field_type).toBe(expected);
	});

	it('fill_flag 1 is required, field_status 0 is deleted', () => {
		expect(simplifyCustomField({ fill_flag: '1', field_status: '0' }, SHANGHAI)).toEqual({ fill_flag: true, field_status: 'Deleted' });
	});
});

describe('tickets (get, getMany; fake ticket centre shapes)', () => {
	const ticket: SobotTicket = {
		ticketid: 'd0c4d1b3a0c84b6f9d7f1f1c2e3a4b5c',
		ticket_code: '20240000001',
		companyid: '60b7e31daf15417aa0f521aa7d822ddd',
		ticket_title: '退货',
		ticket_content: '问题描述',
		ticket_typeid: 'a1000000000000000000000000000011',
		ticket_status: '1',
		ticket_level: '3',
		ticket_from: '4',
		userid: 'u1',
		partnerid: '',
		user_emails: '',
		user_tels: '',
		deal_groupid: 'b2000000000000000000000000000001',
		deal_group_name: '一线客服',
		deal_agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
		deal_agent_name: '安康',
		create_agentid: '',
		create_agent_name: '',
		file_str: '',
		create_datetime: '1629860308',
		update_datetime: '1632369757',
		extend_fields: [{ fieldid: 'c3000000000000000000000000000002', field_value: '1' }],
		deal_list: [
			{
				replyid: 'r1',
				reply_type: '1',
				reply_content: '内部备注',
				reply_file_str: '',
				reply_agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
				reply_agent_name: '安康',
				reply_datetime: '1632369757',
			},
			{ replyid: 'r2', reply_type: '0', reply_from: 'customer', reply_content: '好的', reply_file_str: '', reply_datetime: '1632369757' },
		],
		update_log_list: [{ update_agentid: '52e5ed05ee984a4f8bb0b3f921ba2b05', update_content: 'ticket_status:0->1', update_datetime: '1632369757' }],
		copy_agent: [],
	};

	/** get_ticket_by_id as the fake answers it: extend_fields_list (with names) instead of extend_fields. */
	const { extend_fields: _fields, ...rest } = ticket;
	const detail: IDataObject = {
		...rest,
		extend_fields_list: [{ fieldid: 'c3000000000000000000000000000002', field_value: '1', field_name: '退货原因' }],
		file_list: [],
	};

	it('get: times (replies and history too), status, level, reply types, custom fields', () => {
		expect(simplifyTicket(detail, SHANGHAI)).toEqual({
			...detail,
			ticket_status: 'In Progress',
			ticket_level: 'Urgent',
			create_datetime: '2021-08-25T10:58:28.000+08:00',
			update_datetime: '2021-09-23T12:02:37.000+08:00',
			deal_list: [
				{ ...ticket.deal_list[0], reply_type: 'Internal', reply_datetime: '2021-09-23T12:02:37.000+08:00' },
				{ ...ticket.deal_list[1], reply_type: 'Public', reply_datetime: '2021-09-23T12:02:37.000+08:00' },
			],
			update_log_list: [{ ...ticket.update_log_list[0], update_datetime: '2021-09-23T12:02:37.000+08:00' }],
			custom_fields: { c3000000000000000000000000000002: '1' },
		});
	});

	it('getMany: a list entry (no replies, history or fields) in New York time; ticket_from stays a code', () => {
		const { deal_list: _d, update_log_list: _u, copy_agent: _c, extend_fields: _e, ...entry } = ticket;
		expect(simplifyTicket(entry, NEW_YORK)).toEqual({
			...entry,
			ticket_status: 'In Progress',
			ticket_level: 'Urgent',
			create_datetime: '2021-08-24T22:58:28.000-04:00',
			update_datetime: '2021-09-23T00:02:37.000-04:00',
		});
	});

	it('reads extend_fields when a ticket carries them as a list', () => {
		expect(simplifyTicket({ extend_fields: ticket.extend_fields }, SHANGHAI).custom_fields).toEqual({
			c3000000000000000000000000000002: '1',
		});
	});

	it.each([
		['ticket_status', '0', 'New'],
		['ticket_status', '2', 'Waiting for Reply'],
		['ticket_status', '3', 'Solved'],
		['ticket_status', '99', 'Closed'],
		['ticket_status', '98', 'Deleted'],
		['ticket_status', '5', '5'], // a custom status: its code is the account's own
		['ticket_level', '0', 'Low'],
		['ticket_level', 1, 'Medium'],
		['ticket_level', '2', 'High'],
	])('%s %p → %p', (key, code, expected) => {
		expect(simplifyTicket({ [key]: code }, SHANGHAI)[key]).toEqual(expected);
	});
});

describe('every Sobot simplifier', () => {
	// Every simplifier an operation of the node offers (its module's `simplify`).
	const all = Object.entries(resources).flatMap(([resource, operations]) =>
		Object.entries(operations).flatMap(([operation, module]) =>
			module.simplify ? [[`${resource}.${operation}`, module.simplify] as const] : [],
		),
	);

	const odd: IDataObject[] = [
		{},
		{ create_time: 'yesterday', crm_status: { nested: true }, sex: [1], ex_field_str: '{', extend_fields: 'x', type: null },
		{ create_datetime: -1, ticket_status: true, deal_list: 'none', update_log_list: [1, null, 'x'], extend_fields_list: [null] },
		{ sub_list: [null, 1, { type: 2, sub_list: 'x' }], biz_content: '[1,', biz_time: Number.POSITIVE_INFINITY },
		{ ex_fields: [{ fieldid: '__proto__', field_value: 'x' }], custom_fields: 'vendor' },
	];

	it.each(all)('%s never throws, never mutates its input, keeps every key', (_name, simplify) => {
		for (const record of [...odd, LIST_CUSTOMER, DETAIL_CUSTOMER]) {
			const before = JSON.stringify(record);
			const simplified = simplify(record, SHANGHAI);
			expect(JSON.stringify(record)).toBe(before);
			for (const key of Object.keys(record)) {
				if (key === 'ex_field_str' && Array.isArray(simplified.ex_fields)) continue; // given parsed instead
				expect(simplified).toHaveProperty([key]);
			}
		}
	});

	it('a custom-field list with a key that would reach the prototype stays a list', () => {
		const simplified = simplifyCustomer({ ex_fields: [{ fieldid: '__proto__', field_value: 'x' }] }, SHANGHAI);
		expect(simplified.custom_fields).toBeUndefined();
		expect(Object.getPrototypeOf(simplified)).toBe(Object.prototype);
	});

	it('never overwrites a custom_fields the record already has', () => {
		expect(simplifyCustomer({ custom_fields: 'vendor', ex_fields: [{ fieldid: 'f', field_value: '1' }] }, SHANGHAI).custom_fields).toBe('vendor');
	});

	it('survives a department tree deeper than it follows', () => {
		let node: IDataObject = { type: 2 };
		for (let depth = 0; depth < 200; depth++) node = { type: 1, sub_list: [node] };
		expect(() => simplifyAgent(node, SHANGHAI)).not.toThrow();
	});
});
