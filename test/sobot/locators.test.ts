/**
 * Resource locators of the Sobot node (customer, agent, label group, label, stage): their lists
 * (methods.listSearch, run in n8n-core's LoadOptionsContext against the fake), and the values the
 * engine hands the operations — the locator's `{ __rl, mode, value }` as the editor saves it now,
 * and the plain id (or the pre-1.0 JSON `{"id":…,"name":…}`) that workflows saved before the
 * parameters became locators still hold.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { path, useSobot } from './helpers';

const bed = useSobot();
const node = new Sobot();

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** A dropdown value as workflows saved before 1.0 hold it. */
const oldJson = (id: string) => JSON.stringify({ id, name: 'a stale name' });

/** Every place of `name` in the node's description (top level, or inside a collection). */
function propertiesNamed(name: string): INodeProperties[] {
	const found: INodeProperties[] = [];
	const walk = (properties: INodeProperties[]) => {
		for (const property of properties) {
			if (property.name === name) found.push(property);
			if (property.type === 'collection') walk((property.options ?? []) as INodeProperties[]);
		}
	};
	walk(node.description.properties);
	return found;
}

describe('Sobot resource locators: the parameters', () => {
	it.each([
		['customerId', 'searchCustomers'],
		['agent', 'searchAgents'],
		['labelGroupId', 'searchLabelGroups'],
		['groupid', 'searchLabelGroups'],
		['labelId', 'searchLabels'],
		['stage', 'searchStages'],
		['stageid', 'searchStages'],
	])('%s keeps its name and is a locator (From List by %s, By ID)', (name, method) => {
		const properties = propertiesNamed(name);
		expect(properties.length).toBeGreaterThan(0);
		for (const property of properties) {
			expect(property.type).toBe('resourceLocator');
			expect(property.default).toEqual({ mode: 'list', value: '' });
			expect(property.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(property.modes?.[0].typeOptions).toEqual({ searchListMethod: method, searchable: true });
		}
		expect(Object.keys(node.methods.listSearch)).toContain(method);
	});

	it('the multi-selects stay multiOptions dropdowns (a locator holds one value)', () => {
		// customer.assign, customerLabel.set and the customer.getMany filters: one place each.
		for (const name of ['agents', 'labels', 'user_label']) {
			expect([name, propertiesNamed(name).map((property) => property.type)]).toEqual([name, ['multiOptions']]);
		}
	});
});

describe('Sobot resource locators: the lists', () => {
	it('searchCustomers without text pages through every customer, 100 at a time', async () => {
		bed.fake.seedCustomers(150);
		const first = await bed.listSearch('searchCustomers');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('0:2');
		const second = await bed.listSearch('searchCustomers', undefined, first.paginationToken);
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results].map((result) => result.value);
		expect(new Set(ids)).toEqual(new Set(bed.fake.customers.keys()));
		expect(bed.calls().map((request) => [request.path, request.query])).toEqual([
			[path('/user/list_by_page'), { page_no: '1', page_size: '100' }],
			[path('/user/list_by_page'), { page_no: '2', page_size: '100' }],
		]);
	});

	it('searchCustomers searches a phone number by phone and an email by email', async () => {
		bed.fake.seedCustomers(5);
		const phone = bed.fake.addCustomer({ uname: '张三', tel: '13912345678' });
		const mail = bed.fake.addCustomer({ nick: 'lisi', email: 'lisi@example.com' });
		expect(await bed.listSearch('searchCustomers', ' 1391234 ')).toEqual({
			results: [{ name: '张三 (13912345678)', value: phone.id }],
		});
		expect(await bed.listSearch('searchCustomers', 'lisi@example')).toEqual({
			results: [{ name: 'lisi (lisi@example.com)', value: mail.id }],
		});
		expect(bed.calls().map((request) => request.query)).toEqual([
			{ page_no: '1', page_size: '100', search_type: '4', search_value: '1391234' },
			{ page_no: '1', page_size: '100', search_type: '5', search_value: 'lisi@example' },
		]);
	});

	it('searchCustomers searches a name by real name, then by nickname, listing nobody twice', async () => {
		bed.fake.seedCustomers(5);
		const real = bed.fake.addCustomer({ uname: '王小明' });
		const both = bed.fake.addCustomer({ uname: '王小明二', nick: '王小明' });
		const nick = bed.fake.addCustomer({ nick: '王小明的号' });
		const first = await bed.listSearch('searchCustomers', '王小明');
		expect(first.results.map((result) => result.value).sort()).toEqual([real.id, both.id].sort());
		expect(first.paginationToken).toBe('1:1');
		const second = await bed.listSearch('searchCustomers', '王小明', first.paginationToken);
		expect(second).toEqual({ results: [{ name: '王小明的号', value: nick.id }] });
		expect(bed.calls().map((request) => request.query.search_type)).toEqual(['2', '1']);

		// Nobody by real name: the nickname step is read in the same call.
		bed.fake.clearRequests();
		expect(await bed.listSearch('searchCustomers', '的号')).toEqual({ results: [{ name: '王小明的号', value: nick.id }] });
		expect(bed.calls().map((request) => request.query.search_type)).toEqual(['2', '1']);
	});

	it('searchAgents, searchLabelGroups, searchLabels and searchStages filter on the text typed', async () => {
		expect(await bed.listSearch('searchAgents', '运营')).toEqual({
			results: [{ name: '测试2 (总公司 / 客服中心 / 运营部)', value: 'edf5f6bbf1ee488093edc3eea29cdc63' }],
		});
		expect((await bed.listSearch('searchAgents')).results).toHaveLength(bed.fake.agents.length);

		const vip = bed.fake.addLabelGroup({ name: 'VIP 客户' });
		const other = bed.fake.addLabelGroup({ name: '渠道' });
		const gold = bed.fake.addLabel({ name: '金卡', groupid: vip.id });
		bed.fake.addLabel({ name: '线上', groupid: other.id });
		expect(await bed.listSearch('searchLabelGroups', 'vip')).toEqual({ results: [{ name: 'VIP 客户', value: vip.id }] });
		expect(await bed.listSearch('searchLabels', '金')).toEqual({ results: [{ name: 'VIP 客户 / 金卡', value: gold.id }] });
		expect((await bed.listSearch('searchLabels', 'VIP')).results.map((result) => result.value)).toEqual([gold.id]);

		const stages = await bed.listSearch('searchStages');
		expect(stages.results.map((result) => result.name)).toEqual(bed.fake.stages.map((stage) => stage.name));
		expect(await bed.listSearch('searchStages', '付款')).toEqual({
			results: [{ name: '付款流程', value: '7b1c71f10c9e40c994c733c48974ce35' }],
		});
	});
});

describe('Sobot resource locators: saved values still run', () => {
	it('customerId: a plain text ID (saved before), picked from the list, by ID and by expression', async () => {
		const customer = bed.fake.addCustomer({ uname: '张三' });
		for (const customerId of [customer.id, ` ${customer.id} `, fromList(customer.id), byId(customer.id), byId(`={{ "${customer.id}" }}`)]) {
			bed.fake.clearRequests();
			const { items, error } = await bed.run({ resource: 'customer', operation: 'get', customerId });
			expect(error).toBeUndefined();
			expect(items[0].json.id).toBe(customer.id);
			expect(bed.calls().map((request) => request.path)).toEqual([path(`/user/detail/${customer.id}`)]);
		}
		const bad = await bed.run({ resource: 'customer', operation: 'get', customerId: byId('={{ "../x" }}') });
		expect(bad.error?.message).toBe('"Customer" is not a valid ID: "../x"');
		const empty = await bed.run({ resource: 'customer', operation: 'get', customerId: fromList('={{ "" }}') });
		expect(empty.error?.message).toBe('"Customer" is empty');
	});

	it('agent (create and update): a plain ID, the pre-1.0 JSON and a locator all send the looked-up name', async () => {
		const agent = bed.fake.agents[1];
		for (const value of [agent.id, oldJson(agent.id), fromList(agent.id), byId(agent.id)]) {
			bed.fake.clearRequests();
			const { error } = await bed.run({ resource: 'customer', operation: 'create', nick: 'x', additionalFields: { agent: value } });
			expect(error).toBeUndefined();
			const save = bed.calls().find((request) => request.path === path('/user/save'));
			expect(save?.body).toMatchObject({ liable_serviceid: agent.id, liable_service_name: agent.name });
		}
		const customer = bed.fake.addCustomer({ uname: 'y' });
		bed.fake.clearRequests();
		const { error } = await bed.run({ resource: 'customer', operation: 'update', customerId: fromList(customer.id), updateFields: { agent: byId(agent.id) } });
		expect(error).toBeUndefined();
		const update = bed.calls().find((request) => request.path === path(`/user/update/${customer.id}`));
		expect(update?.body).toMatchObject({ liable_serviceid: agent.id, liable_service_name: agent.name });
		// An added but empty locator sends no agent.
		bed.fake.clearRequests();
		await bed.run({ resource: 'customer', operation: 'create', nick: 'z', additionalFields: { agent: fromList('') } });
		expect(bed.calls().find((request) => request.path === path('/user/save'))?.body).not.toHaveProperty('liable_serviceid');
	});

	it('labelGroupId, groupid (label filters) and labelId: plain ID, pre-1.0 JSON and locator', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G' });
		for (const [index, labelGroupId] of [group.id, oldJson(group.id), fromList(group.id), byId(group.id)].entries()) {
			bed.fake.clearRequests();
			const { error } = await bed.run({ resource: 'label', operation: 'create', name: `L${index}`, labelGroupId });
			expect(error).toBeUndefined();
			expect(bed.calls()[0].body).toMatchObject({ groupid: group.id, name: `L${index}` });
		}
		for (const groupid of [group.id, fromList(group.id), byId(group.id)]) {
			bed.fake.clearRequests();
			const { items } = await bed.run({ resource: 'label', operation: 'getMany', returnAll: true, filters: { groupid } });
			expect(items).toHaveLength(4);
			expect(bed.calls()[0].query).toEqual({ groupid: group.id, page_no: '1', page_size: '100' });
		}
		bed.fake.clearRequests();
		await bed.run({ resource: 'label', operation: 'getMany', returnAll: true, filters: { groupid: fromList('') } });
		expect(bed.calls()[0].query).toEqual({ page_no: '1', page_size: '100' });

		const labels = [...bed.fake.labels.values()];
		for (const [index, labelId] of [labels[0].id, fromList(labels[1].id), byId(labels[2].id)].entries()) {
			bed.fake.clearRequests();
			const { items, error } = await bed.run({ resource: 'label', operation: 'delete', labelId });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ success: true, id: labels[index].id });
			expect(bed.calls()[0].path).toBe(path(`/label/remove/${labels[index].id}`));
		}
		const groupUpdate = await bed.run({ resource: 'labelGroup', operation: 'update', labelGroupId: byId(group.id), updateFields: { name: 'H' } });
		expect(groupUpdate.error).toBeUndefined();
		expect(bed.fake.labelGroups.get(group.id)?.name).toBe('H');
	});

	it('stage (set stage) and stageid (customer filter): plain ID, pre-1.0 JSON and locator', async () => {
		const stage = bed.fake.stages[2];
		const customer = bed.fake.addCustomer({ uname: 's' });
		for (const value of [stage.id, oldJson(stage.id), fromList(stage.id), byId(stage.id)]) {
			bed.fake.clearRequests();
			const { error } = await bed.run({ resource: 'customer', operation: 'setStage', customerId: customer.id, stage: value, stage_type: 1 });
			expect(error).toBeUndefined();
			const save = bed.calls().find((request) => request.path === path('/user_stage/stage_save'));
			expect(save?.body).toEqual({ userid: customer.id, stageid: stage.id, stage_name: stage.name, stage_type: 1 });
		}
		for (const stageid of [stage.id, oldJson(stage.id), fromList(stage.id), byId(stage.id)]) {
			bed.fake.clearRequests();
			const { items } = await bed.run({ resource: 'customer', operation: 'getMany', returnAll: true, filters: { stageid } });
			expect(items.map((item) => item.json.id)).toEqual([customer.id]);
			expect(bed.calls()[0].query.stageid).toBe(stage.id);
		}
		bed.fake.clearRequests();
		await bed.run({ resource: 'customer', operation: 'getMany', returnAll: true, filters: { stageid: fromList('') } });
		expect(bed.calls()[0].query).not.toHaveProperty('stageid');
	});
});

describe('Sobot custom-field rows: the options of the picked field (issue 14 item 4)', () => {
	const DROPDOWN = 'e4043f59025b454a95004e71ec7dd4b5';
	const TEXT_FIELD = '5445245507ab48b68769093bd413a5c8';
	const ROW = 'parameters.additionalFields.customFieldsUi.customFieldValues[0].options';
	const rowParameters = (row: INodeParameters) => ({
		resource: 'customer',
		operation: 'create',
		additionalFields: { customFieldsUi: { customFieldValues: [row] } },
	});

	it('getCustomFieldOptions lists the options of the field picked in the same row, by ID or by parameter name', async () => {
		const expected = [
			{ name: '苹果', value: '607592500180588', description: 'Parameter name: apple' },
			{ name: '香蕉', value: '607592500181862', description: 'Parameter name: balana' },
			{ name: '西瓜', value: '607592500182148', description: 'Parameter name: xigua' },
		];
		expect(await bed.loadOptions('getCustomFieldOptions', rowParameters({ matchBy: 'fieldid', fieldid: DROPDOWN }), ROW)).toEqual(expected);
		expect(
			await bed.loadOptions('getCustomFieldOptions', rowParameters({ matchBy: 'field_params', field_params: 'xialaliebiao' }), ROW),
		).toEqual(expected);
		expect(await bed.loadOptions('getCustomFieldOptions', rowParameters({ matchBy: 'fieldid', fieldid: TEXT_FIELD }), ROW)).toEqual([]);
		bed.fake.clearRequests();
		expect(await bed.loadOptions('getCustomFieldOptions', rowParameters({ matchBy: 'fieldid', fieldid: '' }), ROW)).toEqual([]);
		expect(bed.calls()).toHaveLength(0);
	});

	it('the row sends the picked options as field_value (joined by commas); Value is used when none is picked', async () => {
		const { error } = await bed.run({
			resource: 'customer',
			operation: 'create',
			nick: 'n',
			additionalFields: {
				customFieldsUi: {
					customFieldValues: [
						{ matchBy: 'fieldid', fieldid: DROPDOWN, options: ['607592500180588', '607592500182148'], field_value: 'ignored' },
						{ matchBy: 'field_params', field_params: 'xialaliebiao', options: [], field_value: '607592500181862' },
						{ matchBy: 'fieldid', fieldid: TEXT_FIELD, field_value: '110101199001011234' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		const save = bed.calls().find((request) => request.path === path('/user/save'));
		expect(JSON.parse(String((save?.body as { ex_field_str: string }).ex_field_str))).toEqual([
			{ fieldid: DROPDOWN, field_value: '607592500180588,607592500182148' },
			{ field_params: 'xialaliebiao', field_value: '607592500181862' },
			{ fieldid: TEXT_FIELD, field_value: '110101199001011234' },
		]);
	});
});
