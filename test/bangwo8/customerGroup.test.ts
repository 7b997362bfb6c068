import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 customer groups and contact fields with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('create: {"customergroup":{groupName,type}}, the plural answer key unwrapped, Requestid sent', async () => {
		const output = outputOf(
			await t.run('customerGroup', 'create', {
				groupName: 'VIP客户',
				type: '1',
			}),
		);
		const request = onlyRequest(t, 'POST', '/api/v1/customergroups.json');
		expect(request.body).toEqual({
			customergroup: { groupName: 'VIP客户', type: '1' },
		});
		expect(request.headers.requestid).toMatch(/^[0-9a-f-]{36}$/);
		const [group] = [...t.fake.customerGroups.values()];
		expect(output).toEqual([{ groupId: group.groupId, groupName: 'VIP客户', type: '1' }]);
		expectAuthorization(t);
	});

	it('update: PUT customergroups/{id}.json with the fields set', async () => {
		const group = t.fake.addCustomerGroup({ groupName: 'Old', type: '2' });
		const output = outputOf(
			await t.run('customerGroup', 'update', {
				customerGroupId: group.groupId,
				updateFields: { groupName: 'New', type: '1' },
			}),
		);
		const request = onlyRequest(t, 'PUT', `/api/v1/customergroups/${group.groupId}.json`);
		expect(request.body).toEqual({
			customergroup: { groupName: 'New', type: '1' },
		});
		expect(output).toEqual([{ id: group.groupId, status: '0', message: 'Update ok', data: false }]);
		expect(t.fake.customerGroups.get(group.groupId)).toEqual({
			groupId: group.groupId,
			groupName: 'New',
			type: '1',
		});
	});

	it('get, delete, getMany, getByIds', async () => {
		const groups = t.fake.seedCustomerGroups(3);
		const [got] = outputOf(
			await t.run('customerGroup', 'get', {
				customerGroupId: groups[0].groupId,
			}),
		);
		expect(got).toEqual(groups[0]);
		onlyRequest(t, 'GET', `/api/v1/customergroups/${groups[0].groupId}.json`);

		const many = outputOf(await t.run('customerGroup', 'getMany', { returnAll: false, limit: 2 }));
		expect(many).toEqual(groups.slice(0, 2));
		expect(onlyRequest(t, 'GET', '/api/v1/customergroups.json').query).toEqual({ page: '1', per_page: '2' });

		const byIds = outputOf(
			await t.run('customerGroup', 'getByIds', {
				ids: `${groups[2].groupId},${groups[1].groupId}`,
			}),
		);
		expect(onlyRequest(t, 'GET', '/api/v1/customergroups/show_many.json').query.ids).toBe(
			`${groups[2].groupId},${groups[1].groupId}`,
		);
		expect(byIds.map((group) => group.groupId).sort()).toEqual([groups[1].groupId, groups[2].groupId].sort());

		const deleted = outputOf(
			await t.run('customerGroup', 'delete', {
				customerGroupId: groups[1].groupId,
			}),
		);
		onlyRequest(t, 'DELETE', `/api/v1/customergroups/${groups[1].groupId}.json`);
		expect(deleted).toEqual([
			{
				id: groups[1].groupId,
				status: '0',
				message: 'Delete ok',
				data: false,
			},
		]);
		expect(t.fake.customerGroups.has(groups[1].groupId)).toBe(false);
	});

	it('getCustomers: GET customergroups/{id}/customers.json, one item per member', async () => {
		const companies = t.fake.seedCompanies(3);
		const group = t.fake.addCustomerGroup({ groupName: 'B2B', type: '1' });
		t.fake.addCustomerGroupMembers(group.groupId, [companies[0].uId, companies[2].uId]);
		const output = outputOf(
			await t.run('customerGroup', 'getCustomers', {
				customerGroupId: group.groupId,
				returnAll: true,
			}),
		);
		onlyRequest(t, 'GET', `/api/v1/customergroups/${group.groupId}/customers.json`);
		expect(output.map((customer) => customer.uId)).toEqual([companies[0].uId, companies[2].uId]);
	});

	it('refuses an empty group name and a non-numeric group id before any request', async () => {
		const noName = await t.run('customerGroup', 'create', {
			groupName: '={{ " " }}',
			type: '2',
		});
		expect(noName.error?.message).toBe('"Group Name" is empty: it is required');
		const badId = await t.run('customerGroup', 'get', {
			customerGroupId: '={{ "12,13" }}',
		});
		expect(badId.error?.message).toBe('"Customer Group" must be a numeric ID, got "12,13"');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('contactField getMany: GET user_fields.json, one item per field', async () => {
		const output = outputOf(await t.run('contactField', 'getMany', { returnAll: true }));
		onlyRequest(t, 'GET', '/api/v1/user_fields.json');
		expect(output).toEqual(t.fake.userFields);
		const limited = outputOf(await t.run('contactField', 'getMany', { returnAll: false, limit: 3 }));
		expect(limited).toHaveLength(3);
	});
});
