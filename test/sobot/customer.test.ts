/** Customer operations (seed 3.1–3.5.2) through the real engine against the fake Sobot. */
/** A dropdown value as workflows saved before 1.0 hold it: a JSON object with id and names. */
const encodeChoice = (choice: object) => JSON.stringify(choice);
import { only, path, useSobot } from './helpers';

const bed = useSobot();

const AGENT = { id: 'edf5f6bbf1ee488093edc3eea29cdc63', name: '测试2' };
/** Path of 测试2's department (运营部) in the fake's tree. */
const AGENT_DEPARTMENT =
	'60b7e31daf15417aa0f521aa7d822ddd|bab2c1b0a95248e4bf30ef1c2bf36946|fa9e42241b154353ab629ed4b897ee63';
const STAGE = { id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定' };
const ID_FIELD = '5445245507ab48b68769093bd413a5c8';

describe('customer.create', () => {
	it('posts every field, agent, region names and ex_field_str; names of values saved before 1.0 are looked up anew', async () => {
		const { items, error } = await bed.run({
			resource: 'customer',
			operation: 'create',
			nick: '李小姐',
			additionalFields: {
				uname: '李四',
				email: 'li@example.com',
				tel: '13214599999',
				qq: '123456',
				wx: 'li_wx',
				sex: 2,
				crm_status: 3,
				agent: encodeChoice({ ...AGENT, name: 'a stale name', department: AGENT_DEPARTMENT }),
				province: '130000',
				city: encodeChoice({ id: '130300', name: '秦皇岛市' }),
				district: '130302',
				remark: '客户咨询',
				enterpriseid: 'e1',
				enterprise_name: '智达科技',
				is_vip: '1',
				wx_build_unionid: 'or-MA5',
				customFieldsUi: {
					customFieldValues: [
						{ matchBy: 'fieldid', fieldid: ID_FIELD, field_value: '130434199909099898' },
						{ matchBy: 'field_params', field_params: 'xialaliebiao', field_value: '={{ ["607592500180588", "607592500181862"] }}' },
					],
				},
				customFieldsJson: '[{"fieldid":"81632fdcc05d41ef92b024979e489c17","field_value":"2021-09-06"}]',
			},
		});
		expect(error).toBeUndefined();
		const request = bed.calls().at(-1)!;
		expect([request.method, request.path]).toEqual(['POST', path('/user/save')]);
		const exFields = [
			{ fieldid: ID_FIELD, field_value: '130434199909099898' },
			{ field_params: 'xialaliebiao', field_value: '607592500180588,607592500181862' },
			{ fieldid: '81632fdcc05d41ef92b024979e489c17', field_value: '2021-09-06' },
		];
		const body = {
			nick: '李小姐',
			uname: '李四',
			email: 'li@example.com',
			tel: '13214599999',
			qq: '123456',
			wx: 'li_wx',
			sex: 2,
			crm_status: 3,
			liable_serviceid: AGENT.id,
			liable_service_name: AGENT.name,
			proviceid: '130000',
			provice_name: '河北省',
			cityid: '130300',
			city_name: '秦皇岛市',
			areaid: '130302',
			area_name: '海港区',
			remark: '客户咨询',
			enterpriseid: 'e1',
			enterprise_name: '智达科技',
			is_vip: '1',
			wx_build_unionid: 'or-MA5',
			ex_field_str: JSON.stringify(exFields),
		};
		expect(request.body).toEqual(body); // ex_field_str is a JSON string, not the array itself
		const [created] = [...bed.fake.customers.values()];
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ id: created.id, ...body, ex_fields: exFields });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(created.liable_service_name).toBe(AGENT.name);
	});

	it('takes the names Simplify outputs for fixed lists (Status, Sex, Customer Level) and refuses anything else before sending', async () => {
		const { error } = await bed.run({
			resource: 'customer',
			operation: 'create',
			nick: 'n',
			additionalFields: { agent: AGENT.id, crm_status: '={{ "Following Up" }}', sex: '={{ "female" }}', is_vip: '={{ "VIP" }}' },
		});
		expect(error).toBeUndefined();
		const [save] = bed.fake.requestsTo('POST', path('/user/save'));
		expect(save.body).toMatchObject({ crm_status: 3, sex: 2, is_vip: '1' });
		bed.fake.clearRequests();
		const refused = await bed.run({ resource: 'customer', operation: 'create', nick: 'n', additionalFields: { crm_status: '={{ "Lead" }}' } });
		expect(refused.error?.message).toBe(
			'"Status" must be one of First Contact (1), To Be Assigned (2), Following Up (3), Public Pool (4); got "Lead"',
		);
		expect(bed.calls()).toHaveLength(0);
	});

	it('looks names up once for ids given by expression (agent, province, city, district)', async () => {
		bed.fake.regionMode = 'as-named';
		const { error } = await bed.run({
			resource: 'customer',
			operation: 'create',
			nick: 'n',
			additionalFields: { agent: `={{ "${AGENT.id}" }}`, province: '={{ "130000" }}', city: '={{ "130300" }}', district: '={{ "130303" }}' },
		});
		bed.fake.regionMode = 'as-documented';
		expect(error).toBeUndefined();
		const [save] = bed.fake.requestsTo('POST', path('/user/save'));
		expect(save.body).toEqual({
			nick: 'n',
			liable_serviceid: AGENT.id,
			liable_service_name: AGENT.name,
			proviceid: '130000',
			provice_name: '河北省',
			cityid: '130300',
			city_name: '秦皇岛市',
			areaid: '130303',
			area_name: '山海关区',
		});
		expect(bed.calls().map((request) => request.path)).toEqual([
			path('/user_dynamic/provice'),
			path('/user_dynamic/city/130000'),
			path('/user_dynamic/area/130300'),
			path('/user/user_list'),
			path('/user/save'),
		]);
	});

	it('finds region names with the seed’s swapped city/district answers too', async () => {
		const { error } = await bed.run({
			resource: 'customer',
			operation: 'create',
			nick: 'n',
			additionalFields: { province: '={{ "130000" }}', city: '={{ "130300" }}', district: '={{ "130302" }}' },
		});
		expect(error).toBeUndefined();
		const [save] = bed.fake.requestsTo('POST', path('/user/save'));
		expect(save.body).toMatchObject({ provice_name: '河北省', city_name: '秦皇岛市', area_name: '海港区' });
	});

	it.each([
		[{ crm_status: 3 }, 'A customer with the status "Following Up" needs a "Responsible Agent"'],
		[{ customFieldsJson: '[{"fieldid": }' }, '"Custom Fields (JSON)" is not valid JSON'],
		[{ customFieldsJson: '{"fieldid":"x"}' }, '"Custom Fields (JSON)" must be an array'],
		[{ customFieldsJson: '[{"field_value":"x"}]' }, '"Custom Fields (JSON)" entry 1 needs a "fieldid" or a "field_params"'],
		[{ uname: 'x'.repeat(51) }, '"Real Name" is 51 characters long; Sobot allows at most 50'],
		[{ city: '130300' }, 'Choose the "Province" of the city as well'],
		[{ agent: '{"id": broken' }, '"Responsible Agent" is neither an ID nor a value picked from the list'],
	])('refuses %j before any request', async (additionalFields, message) => {
		const { error } = await bed.run({ resource: 'customer', operation: 'create', nick: 'n', additionalFields });
		expect(error?.message).toBe(message);
		expect(bed.calls()).toHaveLength(0);
	});

	it('reports an unknown agent id after looking it up', async () => {
		const { error } = await bed.run({ resource: 'customer', operation: 'create', nick: 'n', additionalFields: { agent: '={{ "nobody" }}' } });
		expect(error?.message).toBe('Agent "nobody" was not found in Sobot');
		expect(bed.fake.requestsTo('POST', path('/user/save'))).toHaveLength(0);
	});
});

describe('customer.update', () => {
	it('posts only the given fields to user/update/{id}', async () => {
		const customer = bed.fake.addCustomer({ nick: 'old' });
		const { items, error } = await bed.run({
			resource: 'customer',
			operation: 'update',
			customerId: customer.id,
			updateFields: {
				nick: 'new',
				visitorids: 'v1',
				partnerid: 'p1',
				vip_level: 'gold',
				user_status: '1',
				sex: 1,
				customFieldsJson: [{ fieldid: ID_FIELD, field_value: 'x' }],
			},
		});
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path(`/user/update/${customer.id}`)]);
		expect(request.body).toEqual({
			nick: 'new',
			visitorids: 'v1',
			partnerid: 'p1',
			vip_level: 'gold',
			user_status: '1',
			sex: 1,
			ex_field_str: JSON.stringify([{ fieldid: ID_FIELD, field_value: 'x' }]),
		});
		expect(items[0].json).toMatchObject({ id: customer.id, nick: 'new', ex_fields: [{ fieldid: ID_FIELD, field_value: 'x' }] });
		expect(bed.fake.customers.get(customer.id)?.user_status).toBe(1);
	});

	it('refuses an empty update and a malformed id before any request; names the vendor error', async () => {
		const empty = await bed.run({ resource: 'customer', operation: 'update', customerId: 'abc', updateFields: {} });
		expect(empty.error?.message).toBe('Add at least one field under "Update Fields"');
		const bad = await bed.run({ resource: 'customer', operation: 'update', customerId: '../x', updateFields: { nick: 'x' } });
		expect(bad.error?.message).toBe('"Customer" is not a valid ID: "../x"');
		expect(bed.calls()).toHaveLength(0);
		const unknown = await bed.run({ resource: 'customer', operation: 'update', customerId: 'nobody', updateFields: { nick: 'x' } });
		expect(unknown.error?.message).toBe("Sobot 999999: 客户不存在 (Sobot's own message for its catch-all code)");
	});
});

describe('customer.get', () => {
	it('gets user/detail/{id} and adds ex_fields parsed; continueOnFail pairs errors', async () => {
		const [customer] = bed.fake.seedCustomers(3).filter((c) => c.ex_field_str !== '');
		const { items } = await bed.run(
			{ resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: customer.id }, { id: 'nobody' }], continueOnFail: true },
		);
		expect(bed.calls().map((request) => [request.method, request.path])).toEqual([
			['GET', path(`/user/detail/${customer.id}`)],
			['GET', path('/user/detail/nobody')],
		]);
		expect(items[0].json).toMatchObject({ id: customer.id, nick: customer.nick, ex_field_str: customer.ex_field_str });
		expect(items[0].json.ex_fields).toEqual(JSON.parse(customer.ex_field_str));
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toMatchObject({ json: { error: "Sobot 999999: 客户不存在 (Sobot's own message for its catch-all code)" }, pairedItem: { item: 1 } });
	});
});

describe('customer.getMany', () => {
	it('sends every 3.3.1 filter, dates as Unix seconds, labels comma-separated', async () => {
		const { error } = await bed.run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 20,
			filters: {
				search_type: '4',
				search_value: '138',
				wx_build_unionId: 'or-1',
				stageid: encodeChoice(STAGE),
				create_start_time: '2024-05-01T08:00:00+08:00',
				create_end_time: '2024-05-02T00:00:00Z',
				user_label: [encodeChoice({ id: 'l1', name: 'A' }), 'l2'],
				isblack: '0',
				module_type: '4',
			},
		});
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['GET', path('/user/list_by_page')]);
		expect(request.query).toEqual({
			search_type: '4',
			search_value: '138',
			wx_build_unionId: 'or-1',
			stageid: STAGE.id,
			create_start_time: '1714521600',
			create_end_time: '1714608000',
			user_label: 'l1,l2',
			isblack: '0',
			module_type: '4',
			page_no: '1',
			page_size: '20',
		});
	});

	it('the WeChat UnionID filter: wx_build_unionid from version 1.1, the saved wx_build_unionId in version 1, both sent as documented', async () => {
		const runWith = async (filters: Record<string, string>, typeVersion: number) => {
			bed.fake.clearRequests();
			const { error } = await bed.run({ resource: 'customer', operation: 'getMany', filters }, { typeVersion });
			expect(error).toBeUndefined();
			return only(bed).query.wx_build_unionId;
		};
		expect(await runWith({ wx_build_unionid: 'or-new' }, 1.1)).toBe('or-new');
		expect(await runWith({ wx_build_unionId: 'or-old' }, 1)).toBe('or-old');
		// Each version knows only its own spelling: n8n drops the other before the node runs.
		expect(await runWith({ wx_build_unionId: 'or-old' }, 1.1)).toBeUndefined();
	});

	it('returns all pages at page size 100, one item per customer with ex_fields', async () => {
		bed.fake.seedCustomers(150);
		const { items } = await bed.run({ resource: 'customer', operation: 'getMany', returnAll: true, filters: {} });
		expect(items).toHaveLength(150);
		expect(bed.calls().map((request) => request.query.page_no)).toEqual(['1', '2']);
		expect(items.filter((item) => Array.isArray(item.json.ex_fields))).toHaveLength(50);
	});

	it('refuses a reversed date range and a bad date before any request', async () => {
		const reversed = await bed.run({
			resource: 'customer',
			operation: 'getMany',
			filters: { create_start_time: '2024-05-02T00:00:00Z', create_end_time: '2024-05-01T00:00:00Z' },
		});
		expect(reversed.error?.message).toBe('"Created After" is later than "Created Before"');
		const bad = await bed.run({ resource: 'customer', operation: 'getMany', filters: { create_start_time: '={{ "soon" }}' } });
		expect(bad.error?.message).toBe('"Created After" is not a valid date: soon');
		expect(bed.calls()).toHaveLength(0);
	});

	it('reads a picked date without offset in the workflow time zone', async () => {
		bed.engine.timezone = 'Asia/Shanghai';
		try {
			const { error } = await bed.run({ resource: 'customer', operation: 'getMany', filters: { create_start_time: '2024-05-01T00:00:00' } });
			expect(error).toBeUndefined();
			// Midnight in Shanghai is 2024-04-30 16:00 UTC; read as UTC it would be 1714521600.
			expect(only(bed).query.create_start_time).toBe('1714492800');
		} finally {
			bed.engine.timezone = undefined;
		}
	});
});

describe('customer.assign', () => {
	it('posts confirmids, liable_list with names and department paths, assign_biz_type', async () => {
		const [a, b] = bed.fake.seedCustomers(2, { overrides: { crm_status: 2 } });
		const { items, error } = await bed.run({
			resource: 'customer',
			operation: 'assign',
			customerIds: `${a.id},${b.id},${a.id}`,
			agents: [encodeChoice({ ...AGENT, department: AGENT_DEPARTMENT }), '52e5ed05ee984a4f8bb0b3f921ba2b05'],
			assign_biz_type: '1',
		});
		expect(error).toBeUndefined();
		const [tree, assign] = bed.calls();
		expect(tree.path).toBe(path('/user/user_list'));
		expect([assign.method, assign.path]).toEqual(['POST', path('/public_user/assign')]);
		const body = {
			confirmids: `${a.id},${b.id}`,
			liable_list: [
				{ liable_serviceid: AGENT.id, liable_service_name: AGENT.name, liable_departmentid: AGENT_DEPARTMENT },
				{
					liable_serviceid: '52e5ed05ee984a4f8bb0b3f921ba2b05',
					liable_service_name: '安康',
					liable_departmentid: '60b7e31daf15417aa0f521aa7d822ddd|bab2c1b0a95248e4bf30ef1c2bf36946',
				},
			],
			assign_biz_type: '1',
		};
		expect(assign.body).toEqual(body);
		expect(items.map((item) => item.json)).toEqual([{ success: true, customer_ids: [a.id, b.id], ...body }]);
		expect(bed.fake.customers.get(b.id)?.crm_status).toBe(3);
	});

	it('needs an agent, and names the vendor error', async () => {
		const none = await bed.run({ resource: 'customer', operation: 'assign', customerIds: 'abc', agents: '={{ [] }}', assign_biz_type: '1' });
		expect(none.error?.message).toBe('Choose at least one agent under "Agents"');
		expect(bed.calls()).toHaveLength(0);
		const missing = await bed.run({
			resource: 'customer',
			operation: 'assign',
			customerIds: 'nobody',
			agents: [encodeChoice({ ...AGENT, department: AGENT_DEPARTMENT })],
			assign_biz_type: '2',
		});
		expect(missing.error?.message).toBe("Sobot 999999: 客户不存在 (Sobot's own message for its catch-all code)");
	});
});

describe('customer.recycle', () => {
	it('posts confirmids and confirm_type for one or many ids', async () => {
		const [a, b] = bed.fake.seedCustomers(2);
		const { items } = await bed.run({ resource: 'customer', operation: 'recycle', customerIds: `={{ ["${a.id}", "${b.id}"] }}`, confirm_type: 2 });
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path('/public_user/confirm')]);
		expect(request.body).toEqual({ confirmids: `${a.id},${b.id}`, confirm_type: 2 });
		expect(items[0].json).toEqual({ success: true, customer_ids: [a.id, b.id], confirmids: `${a.id},${b.id}`, confirm_type: 2 });
		expect(bed.fake.customers.get(a.id)?.crm_status).toBe(4);
	});

	it('refuses a malformed id list before any request', async () => {
		const { error } = await bed.run({ resource: 'customer', operation: 'recycle', customerIds: 'a;b', confirm_type: 1 });
		expect(error?.message).toBe('"Customer IDs" contains an invalid ID: "a;b"');
		expect(bed.calls()).toHaveLength(0);
	});
});

describe('customer.setStage', () => {
	it('posts userid, stageid, stage_name, stage_type and remark, the stage name looked up from its id', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		const { items } = await bed.run({
			resource: 'customer',
			operation: 'setStage',
			customerId: customer.id,
			stage: STAGE.id,
			stage_type: 21,
			additionalFields: { remark: 'won' },
		});
		expect(bed.calls().map((call) => call.path)).toEqual([path('/user_stage/query_list_by_type'), path('/user_stage/stage_save')]);
		const request = bed.calls()[1];
		expect([request.method, request.path]).toEqual(['POST', path('/user_stage/stage_save')]);
		const body = { userid: customer.id, stageid: STAGE.id, stage_name: STAGE.name, stage_type: 21, remark: 'won' };
		expect(request.body).toEqual(body);
		expect(items[0].json).toEqual({ success: true, ...body });
	});

	it('looks the stage name up for a plain id, and names the vendor error for an unknown customer', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		await bed.run({ resource: 'customer', operation: 'setStage', customerId: customer.id, stage: `={{ "${STAGE.id}" }}`, stage_type: 1 });
		const [lookup, save] = bed.calls();
		expect(lookup.path).toBe(path('/user_stage/query_list_by_type'));
		expect(save.body).toEqual({ userid: customer.id, stageid: STAGE.id, stage_name: STAGE.name, stage_type: 1 });
		const { error } = await bed.run({ resource: 'customer', operation: 'setStage', customerId: 'nobody', stage: encodeChoice(STAGE), stage_type: 1 });
		expect(error?.message).toBe("Sobot 999999: 客户不存在 (Sobot's own message for its catch-all code)");
	});
});

describe('customer.addFollowUp', () => {
	it('posts userid and content', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		const { items } = await bed.run({ resource: 'customer', operation: 'addFollowUp', customerId: customer.id, content: '交易达成' });
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path('/user_stage/record_save')]);
		expect(request.body).toEqual({ userid: customer.id, content: '交易达成' });
		expect(items[0].json).toEqual({ success: true, userid: customer.id, content: '交易达成' });
	});

	it('refuses empty content before any request', async () => {
		const { error } = await bed.run({ resource: 'customer', operation: 'addFollowUp', customerId: 'abc', content: '={{ " " }}' });
		expect(error?.message).toBe('"Content" cannot be empty');
		expect(bed.calls()).toHaveLength(0);
	});
});

describe('customer.getActivities', () => {
	it('gets user_dynamic/list_by_page with userid, biz_type and paging', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		for (let n = 0; n < 3; n++) bed.fake.addDynamic(customer.id, 'user_follow_record', { content: `r${n}` });
		bed.fake.addDynamic(customer.id, 'user_update', {});
		const { items } = await bed.run({
			resource: 'customer',
			operation: 'getActivities',
			customerId: customer.id,
			returnAll: false,
			limit: 2,
			filters: { biz_type: 'groupService' },
		});
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['GET', path('/user_dynamic/list_by_page')]);
		expect(request.query).toEqual({ userid: customer.id, biz_type: 'groupService', page_no: '1', page_size: '2' });
		expect(items).toHaveLength(2);
		expect(items.every((item) => item.json.biz_type === 'user_follow_record')).toBe(true);
	});

	it('returns every type without biz_type and names a vendor error', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		bed.fake.addDynamic(customer.id, 'user_follow_record', {});
		bed.fake.addDynamic(customer.id, 'user_update', {});
		const { items } = await bed.run({ resource: 'customer', operation: 'getActivities', customerId: customer.id, returnAll: true, filters: {} });
		expect(items).toHaveLength(2);
		expect(only(bed).query).toEqual({ userid: customer.id, page_no: '1', page_size: '100' });
		bed.fake.failNextWithRetCode(1, '700046');
		const { error } = await bed.run({ resource: 'customer', operation: 'getActivities', customerId: customer.id, returnAll: true });
		expect(error?.message).toBe('Sobot 700046: your Sobot plan does not include API access');
	});
});
