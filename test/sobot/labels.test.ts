/** Label groups (2.2–2.5), labels (2.6–2.9) and customer labels (2.10–2.11) through the real engine. */
/** A dropdown value as workflows saved before 1.0 hold it: a JSON object with id and names. */
const encodeChoice = (choice: object) => JSON.stringify(choice);
import { only, path, useSobot } from './helpers';

const bed = useSobot();

describe('labelGroup', () => {
	it('create posts name, color_value and is_multiple_choice and returns the new id', async () => {
		const { items, error } = await bed.run({
			resource: 'labelGroup',
			operation: 'create',
			name: ' VIP ',
			additionalFields: { color_value: '#345454', is_multiple_choice: true },
		});
		expect(error).toBeUndefined();
		const request = only(bed);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(path('/label_group/save'));
		expect(request.body).toEqual({ name: 'VIP', color_value: '#345454', is_multiple_choice: 1 });
		const [group] = [...bed.fake.labelGroups.values()];
		expect(items.map((item) => item.json)).toEqual([{ id: group.id, name: 'VIP', color_value: '#345454', is_multiple_choice: 1 }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('update posts the id with only the changed fields', async () => {
		const group = bed.fake.addLabelGroup({ name: 'old' });
		const { items, error } = await bed.run({
			resource: 'labelGroup',
			operation: 'update',
			labelGroupId: group.id,
			updateFields: { name: 'new', is_multiple_choice: false },
		});
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path('/label_group/update')]);
		expect(request.body).toEqual({ id: group.id, name: 'new', is_multiple_choice: 0 });
		expect(bed.fake.labelGroups.get(group.id)?.name).toBe('new');
		expect(items[0].json).toEqual({ success: true, id: group.id, name: 'new', is_multiple_choice: 0 });
	});

	it('getMany pages with page_no/page_size and honours the limit', async () => {
		bed.fake.seedLabelGroups(5, 0);
		const { items } = await bed.run({ resource: 'labelGroup', operation: 'getMany', returnAll: false, limit: 3 });
		expect(items).toHaveLength(3);
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['GET', path('/label_group/list')]);
		expect(request.query).toEqual({ page_no: '1', page_size: '3' });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);

		bed.fake.clearRequests();
		const all = await bed.run({ resource: 'labelGroup', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(5);
		expect(only(bed).query).toEqual({ page_no: '1', page_size: '100' });
	});

	it('delete sends the id in the path and the query', async () => {
		const [group] = bed.fake.seedLabelGroups(1, 2);
		const { items } = await bed.run({ resource: 'labelGroup', operation: 'delete', labelGroupId: group.id });
		const request = only(bed);
		expect([request.method, request.path, request.query]).toEqual(['GET', path(`/label_group/remove/${group.id}`), { id: group.id }]);
		expect(bed.fake.labelGroups.size).toBe(0);
		expect(bed.fake.labels.size).toBe(0);
		expect(items[0].json).toEqual({ success: true, id: group.id });
	});

	it('names Sobot 510002 when the group name exists', async () => {
		bed.fake.addLabelGroup({ name: 'VIP' });
		const { error } = await bed.run({ resource: 'labelGroup', operation: 'create', name: 'VIP', additionalFields: {} });
		expect(error?.message).toBe('Sobot 510002: label group name already exists');
	});

	// Empty values come from expressions: n8n itself refuses a literal empty required parameter.
	it.each([
		['={{ "" }}', '"Name" cannot be empty'],
		['={{ "   " }}', '"Name" cannot be empty'],
		['一'.repeat(31), '"Name" is 31 characters long; Sobot allows at most 30'],
	])('refuses the name %j before any request', async (name, message) => {
		const { error } = await bed.run({ resource: 'labelGroup', operation: 'create', name, additionalFields: {} });
		expect(error?.message).toBe(message);
		expect(bed.calls()).toHaveLength(0);
	});

	it('accepts a 30-character name', async () => {
		const { error } = await bed.run({ resource: 'labelGroup', operation: 'create', name: '一'.repeat(30), additionalFields: {} });
		expect(error).toBeUndefined();
	});

	it('refuses an update without fields and a malformed id, before any request', async () => {
		const none = await bed.run({ resource: 'labelGroup', operation: 'update', labelGroupId: 'abc', updateFields: {} });
		expect(none.error?.message).toBe('Add at least one field under "Update Fields"');
		const bad = await bed.run({ resource: 'labelGroup', operation: 'delete', labelGroupId: 'a/b' });
		expect(bad.error?.message).toBe('"Label Group" is not a valid ID: "a/b"');
		const empty = await bed.run({ resource: 'labelGroup', operation: 'delete', labelGroupId: '={{ "" }}' });
		expect(empty.error?.message).toBe('"Label Group" is empty');
		expect(bed.calls()).toHaveLength(0);
	});

	it('continueOnFail: a failing item becomes { error } paired with it, the others go on', async () => {
		const group = bed.fake.addLabelGroup({ name: 'kept' });
		const { items, error } = await bed.run(
			{ resource: 'labelGroup', operation: 'delete', labelGroupId: '={{ $json.id }}' },
			{ items: [{ id: 'missing' }, { id: group.id }, { id: '' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ error: 'Sobot 510001: label group does not exist' }, { item: 0 }],
			[{ success: true, id: group.id }, { item: 1 }],
			[{ error: '"Label Group" is empty' }, { item: 2 }],
		]);
		expect(bed.calls()).toHaveLength(2);
	});

	it('loads the label groups for the dropdown', async () => {
		const [a, b] = bed.fake.seedLabelGroups(2, 0);
		expect(await bed.loadOptions('getLabelGroups')).toEqual([
			{ name: a.name, value: a.id },
			{ name: b.name, value: b.id },
		]);
	});
});

describe('label', () => {
	it('create posts name, groupid and param_name, then finds the new id in the group', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G' });
		const { items, error } = await bed.run({
			resource: 'label',
			operation: 'create',
			name: 'Gold',
			labelGroupId: group.id,
			additionalFields: { param_name: 'gold' },
		});
		expect(error).toBeUndefined();
		const [save, list] = bed.calls();
		expect([save.method, save.path]).toEqual(['POST', path('/label/save')]);
		expect(save.body).toEqual({ name: 'Gold', groupid: group.id, param_name: 'gold' });
		expect([list.method, list.path, list.query.groupid]).toEqual(['GET', path('/label/list'), group.id]);
		const [label] = [...bed.fake.labels.values()];
		expect(items[0].json).toEqual({ id: label.id, name: 'Gold', groupid: group.id, param_name: 'gold' });
	});

	it('update posts the id with the changed fields', async () => {
		const [group] = bed.fake.seedLabelGroups(1, 1);
		const [label] = [...bed.fake.labels.values()];
		const { items } = await bed.run({
			resource: 'label',
			operation: 'update',
			labelId: label.id,
			updateFields: { name: 'Silver', param_name: 'silver' },
		});
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path('/label/update')]);
		expect(request.body).toEqual({ id: label.id, name: 'Silver', param_name: 'silver' });
		expect(items[0].json).toEqual({ success: true, id: label.id, name: 'Silver', param_name: 'silver' });
		expect(bed.fake.labels.get(label.id)?.groupid).toBe(group.id);
	});

	it('getMany filters by group and returns one item per label', async () => {
		const [first] = bed.fake.seedLabelGroups(2, 3);
		const { items } = await bed.run({ resource: 'label', operation: 'getMany', returnAll: true, filters: { groupid: first.id } });
		expect(items).toHaveLength(3);
		expect(items.every((item) => item.json.groupid === first.id)).toBe(true);
		expect(only(bed).query).toEqual({ groupid: first.id, page_no: '1', page_size: '100' });
	});

	it('delete sends the id in the path and the query; a missing label is Sobot 510004', async () => {
		const [, ] = bed.fake.seedLabelGroups(1, 1);
		const [label] = [...bed.fake.labels.values()];
		await bed.run({ resource: 'label', operation: 'delete', labelId: label.id });
		const request = only(bed);
		expect([request.method, request.path, request.query]).toEqual(['GET', path(`/label/remove/${label.id}`), { id: label.id }]);
		const { error } = await bed.run({ resource: 'label', operation: 'delete', labelId: label.id });
		expect(error?.message).toBe('Sobot 510004: label parameter name already exists, or the label no longer exists');
	});

	it('refuses a parameter name over 30 characters before any request', async () => {
		const { error } = await bed.run({
			resource: 'label',
			operation: 'update',
			labelId: 'abc',
			updateFields: { param_name: 'x'.repeat(31) },
		});
		expect(error?.message).toBe('"Parameter Name" is 31 characters long; Sobot allows at most 30');
		expect(bed.calls()).toHaveLength(0);
	});

	it('loads labels of every group as "Group / Label"', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G' });
		const label = bed.fake.addLabel({ groupid: group.id, name: 'L' });
		expect(await bed.loadOptions('getLabels')).toEqual([{ name: 'G / L', value: label.id }]);
	});
});

describe('customerLabel', () => {
	it('get posts the id list and returns one item per customer', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G', color_value: '#15C7C9' });
		const label = bed.fake.addLabel({ groupid: group.id, name: 'L' });
		const a = bed.fake.addCustomer({ nick: 'a', biz_label: label.id });
		const b = bed.fake.addCustomer({ nick: 'b' });
		const { items, error } = await bed.run({ resource: 'customerLabel', operation: 'get', customerIds: `${a.id}, ${b.id}` });
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', path('/label/userlabels')]);
		expect(request.body).toEqual([a.id, b.id]);
		expect(items.map((item) => item.json)).toEqual([
			{ userid: a.id, label_set: [{ id: label.id, name: 'L', color_value: '#15C7C9' }] },
			{ userid: b.id, label_set: [] },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it.each([
		['a,,b', '"Customer IDs" has an empty entry at position 2'],
		['={{ "" }}', '"Customer IDs" is empty'],
		['a;b', '"Customer IDs" contains an invalid ID: "a;b"'],
		[`a,${'f'.repeat(65)}`, `"Customer IDs" contains an ID longer than any Sobot ID: "${'f'.repeat(20)}…"`],
	])('refuses the id list %j before any request', async (customerIds, message) => {
		const { error } = await bed.run({ resource: 'customerLabel', operation: 'get', customerIds });
		expect(error?.message).toBe(message);
		expect(bed.calls()).toHaveLength(0);
	});

	it('set from a value saved before 1.0 (id and name): the id is used and the current name looked up', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G' });
		const gold = bed.fake.addLabel({ groupid: group.id, name: 'Gold' });
		const customer = bed.fake.addCustomer({ nick: 'c' });
		const { items } = await bed.run({
			resource: 'customerLabel',
			operation: 'set',
			customerId: customer.id,
			labels: [encodeChoice({ id: gold.id, name: 'Gold before it was renamed' })],
		});
		const request = bed.calls().at(-1)!;
		expect([request.method, request.path]).toEqual(['POST', path(`/label/update_userlabel/${customer.id}`)]);
		expect(request.body).toEqual([{ id: gold.id, name: 'Gold' }]);
		expect(bed.fake.customers.get(customer.id)?.biz_label).toBe(gold.id);
		expect(items[0].json).toEqual({ success: true, userid: customer.id, label_set: [{ id: gold.id, name: 'Gold' }] });
	});

	it('set looks the names of plain label ids up', async () => {
		const group = bed.fake.addLabelGroup({ name: 'G' });
		const gold = bed.fake.addLabel({ groupid: group.id, name: 'Gold' });
		const silver = bed.fake.addLabel({ groupid: group.id, name: 'Silver' });
		const customer = bed.fake.addCustomer({ nick: 'c' });
		const { error } = await bed.run({
			resource: 'customerLabel',
			operation: 'set',
			customerId: customer.id,
			labels: `={{ "${silver.id},${gold.id}" }}`,
		});
		expect(error).toBeUndefined();
		const set = bed.fake.requestsTo('POST', path(`/label/update_userlabel/${customer.id}`));
		expect(set[0].body).toEqual([
			{ id: silver.id, name: 'Silver' },
			{ id: gold.id, name: 'Gold' },
		]);
	});

	it('set refuses a label that no longer exists before changing anything', async () => {
		const customer = bed.fake.addCustomer({ nick: 'c' });
		const { error } = await bed.run({
			resource: 'customerLabel',
			operation: 'set',
			customerId: customer.id,
			labels: [encodeChoice({ id: 'gone', name: 'Gone' })],
		});
		expect(error?.message).toBe('Label "gone" was not found in Sobot');
		expect(bed.fake.requestsTo('POST', /update_userlabel/)).toHaveLength(0);
	});
});
