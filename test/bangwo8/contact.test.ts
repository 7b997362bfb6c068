import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 contacts with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	describe('create', () => {
		it('POSTs every seed field wrapped as {"user":{…}}, numbers as strings, with a Requestid', async () => {
			const company = t.fake.addCompany({
				companyName: '北京智达科技有限公司',
			});
			const result = await t.run('contact', 'create', {
				name: '张伟',
				additionalFields: {
					mobile: '13900000001',
					email: 'zhang@example.com',
					fixnumber: '010-88886666',
					position: '采购经理',
					QQ: 123456,
					note: 'VIP客户',
					companyId: { __rl: true, mode: 'list', value: company.uId },
					service_groupid: '7',
					customFieldsUi: {
						customFieldValues: [{ key: 'field_2', value: '1' }],
					},
					customFieldsJson: '[{"key":"field_1","value":"A"}]',
				},
			});
			const [output] = outputOf(result);
			const request = onlyRequest(t, 'POST', '/api/v1/users.json');
			expect(request.headers['content-type']).toMatch(/application\/json/);
			expect(request.headers.requestid).toMatch(/^[0-9a-f-]{36}$/);
			expect(request.body).toEqual({
				user: {
					name: '张伟',
					mobile: '13900000001',
					email: 'zhang@example.com',
					fixnumber: '010-88886666',
					position: '采购经理',
					QQ: '123456',
					note: 'VIP客户',
					companyId: company.uId,
					service_groupid: '7',
					custom_fields: [
						{ key: 'field_2', value: '1' },
						{ key: 'field_1', value: 'A' },
					],
				},
			});
			const created = [...t.fake.users.values()];
			expect(created).toHaveLength(1);
			expect(output).toMatchObject({
				id: created[0].cId,
				status: '0',
				message: 'Insert ok',
			});
			expect(created[0]).toMatchObject({
				name: '张伟',
				QQ: '123456',
				companyId: company.uId,
			});
			expectAuthorization(t);
		});

		it('takes the new id from the Location header when the body says data:false', async () => {
			// The documented answer: {"status":"0","message":"Insert ok","data":false} + Location.
			t.fake.failNext(1, {
				status: 200,
				body: { status: '0', message: 'Insert ok', data: false },
				headers: { Location: `${t.fake.origin}/api/v1/users/987654.json` },
			});
			const [output] = outputOf(await t.run('contact', 'create', { name: 'A' }));
			expect(output).toEqual({
				id: '987654',
				status: '0',
				message: 'Insert ok',
				data: false,
			});
		});

		it('unwraps a create or update answered with the record ({"user":{…}}), as get is unwrapped', async () => {
			// ASSUMPTION: Bangwo8 may answer a write with the record itself (the single-record shape of
			// seed 000); the documented answer is the status object tested above.
			const user = t.fake.addUser({ name: 'Old' });
			t.fake.failNext(2, { status: 200, body: { user: { userId: user.cId, name: '张伟' } }, afterHandling: true });
			const [created] = outputOf(await t.run('contact', 'create', { name: '张伟' }));
			expect(created).toEqual({ userId: user.cId, name: '张伟' });
			const [updated] = outputOf(
				await t.run('contact', 'update', { contactId: user.cId, updateFields: { name: '张伟' } }),
			);
			expect(updated).toEqual({ userId: user.cId, name: '张伟' });
		});

		it('gives each create its own Requestid, and a create retried after a 500 makes no duplicate', async () => {
			const items = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
			// The first create is carried out but its answer is lost: the retry must be recognised.
			t.fake.failNext(1, { status: 500, afterHandling: true });
			const result = await t.run('contact', 'create', { name: '={{ $json.name }}' }, { items });
			const output = outputOf(result, [0, 1, 2]);
			const posts = t.fake.requestsTo('POST', '/api/v1/users.json');
			expect(posts).toHaveLength(4);
			expect(posts[0].headers.requestid).toBe(posts[1].headers.requestid);
			expect(new Set(posts.map((post) => post.headers.requestid)).size).toBe(3);
			expect([...t.fake.users.values()].map((user) => user.name)).toEqual(['A', 'B', 'C']);
			expect(t.fake.duplicateCreates).toBe(1);
			expect(output.map((item) => item.id)).toEqual([...t.fake.users.keys()]);
		});

		it('refuses an empty contact and a bad company id before any request', async () => {
			const empty = await t.run('contact', 'create', {
				name: '  ',
				additionalFields: {},
			});
			expect(empty.error?.message).toBe('Nothing to create: set at least one field');
			const badCompany = await t.run('contact', 'create', {
				name: 'A',
				additionalFields: {
					companyId: { __rl: true, mode: 'id', value: '12a' },
				},
			});
			expect(badCompany.error?.message).toBe('"Company" must be a numeric ID, got "12a"');
			expect(t.apiRequests()).toHaveLength(0);
		});
	});

	describe('update', () => {
		it('PUTs users/{id}.json with the fields set, name included', async () => {
			const user = t.fake.addUser({ name: 'Old' });
			const result = await t.run('contact', 'update', {
				contactId: ` ${user.cId} `,
				updateFields: {
					name: 'New',
					email: 'new@example.com',
					customFieldsJson: '{"field_2":"1"}',
				},
			});
			const [output] = outputOf(result);
			const request = onlyRequest(t, 'PUT', `/api/v1/users/${user.cId}.json`);
			expect(request.body).toEqual({
				user: {
					name: 'New',
					email: 'new@example.com',
					custom_fields: [{ key: 'field_2', value: '1' }],
				},
			});
			expect(request.headers.requestid).toBeUndefined();
			expect(output).toEqual({
				id: user.cId,
				status: '0',
				message: 'Update ok',
				data: false,
			});
			expect(t.fake.users.get(user.cId)).toMatchObject({
				name: 'New',
				custom_fields: [{ key: 'field_2', value: '1' }],
			});
		});

		it('refuses an empty update, a bad id and invalid custom-field JSON before any request', async () => {
			const noFields = await t.run('contact', 'update', {
				contactId: '1',
				updateFields: {},
			});
			expect(noFields.error?.message).toBe('"Update Fields" is empty: set at least one field to change');
			const badId = await t.run('contact', 'update', {
				contactId: '1;2',
				updateFields: { name: 'x' },
			});
			expect(badId.error?.message).toBe('"Contact" must be a numeric ID, got "1;2"');
			const badJson = await t.run('contact', 'update', {
				contactId: '1',
				updateFields: { customFieldsJson: '[{"key":' },
			});
			expect(badJson.error?.message).toMatch(/^"Custom Fields \(JSON\)" is not valid JSON: /);
			const noKey = await t.run('contact', 'update', {
				contactId: '1',
				updateFields: { customFieldsJson: '[{"value":"1"}]' },
			});
			expect(noKey.error?.message).toBe('"Custom Fields (JSON)" entry 1 has no "key"');
			expect(t.apiRequests()).toHaveLength(0);
		});
	});

	it('get: GET users/{id}.json, the {"user":{…}} wrapper removed', async () => {
		const user = t.fake.addUser({ name: '王芳', mobile: '13900000002' });
		const [output, ...rest] = outputOf(await t.run('contact', 'get', { contactId: user.cId }));
		expect(rest).toHaveLength(0);
		onlyRequest(t, 'GET', `/api/v1/users/${user.cId}.json`);
		expect(output).toMatchObject({
			userId: user.cId,
			name: '王芳',
			mobile: '13900000002',
		});
		expect(output.user).toBeUndefined();
	});

	it('delete: DELETE users/{id}.json', async () => {
		const user = t.fake.addUser({ name: 'A' });
		const [output] = outputOf(await t.run('contact', 'delete', { contactId: user.cId }));
		onlyRequest(t, 'DELETE', `/api/v1/users/${user.cId}.json`);
		expect(output).toEqual({
			id: user.cId,
			status: '0',
			message: 'Delete ok',
			data: false,
		});
		expect(t.fake.users.get(user.cId)?.state).toBe('3');
	});

	describe('deleteMany', () => {
		it('sends the ids 100 at a time, one output item per request', async () => {
			const users = t.fake.seedUsers(250);
			const ids = users.map((user) => user.cId);
			const result = await t.run('contact', 'deleteMany', {
				ids: ids.join(', '),
			});
			const output = outputOf(result);
			const requests = t.fake.requestsTo('DELETE', '/api/v1/users/destroy_many.json');
			expect(requests.map((request) => request.query.ids.split(',').length)).toEqual([100, 100, 50]);
			expect(requests.flatMap((request) => request.query.ids.split(','))).toEqual(ids);
			expect(output).toHaveLength(3);
			expect(output[2]).toEqual({
				ids: ids.slice(200),
				status: '0',
				message: 'Delete ok',
				data: false,
			});
			expect(users.every((user) => t.fake.users.get(user.cId)?.state === '3')).toBe(true);
		});

		it('accepts an array from an expression and drops repeated ids', async () => {
			const users = t.fake.seedUsers(2);
			await t.run('contact', 'deleteMany', {
				ids: `={{ ["${users[0].cId}", ${users[1].cId}, "${users[0].cId}"] }}`,
			});
			const request = onlyRequest(t, 'DELETE', '/api/v1/users/destroy_many.json');
			expect(request.query.ids).toBe(`${users[0].cId},${users[1].cId}`);
		});

		it.each([
			['={{ "" }}', '"Contact IDs" is empty: give at least one ID'],
			['={{ [] }}', '"Contact IDs" is empty: give at least one ID'],
			['={{ ["1", ""] }}', '"Contact IDs" has an empty entry at position 2'],
			[' , ', '"Contact IDs" has an empty entry at position 1'],
			['1,,2', '"Contact IDs" has an empty entry at position 2'],
			[`1, ${'9'.repeat(65)}`, `"Contact IDs" holds "${'9'.repeat(65)}", which is not a numeric ID`],
			['1, 2, x3', '"Contact IDs" holds "x3", which is not a numeric ID'],
			['1;2', '"Contact IDs" holds "1;2", which is not a numeric ID'],
		])('refuses %j before any request', async (ids, message) => {
			const { error } = await t.run('contact', 'deleteMany', { ids });
			expect(error?.message).toBe(message);
			expect(t.apiRequests()).toHaveLength(0);
		});

		it('says which ids were deleted when a later request fails', async () => {
			const ids = t.fake.seedUsers(150).map((user) => user.cId);
			t.fake.delayNext(1, 0); // the first request is answered normally…
			t.fake.failNext(1, {
				status: 500,
				body: { errcode: '100500', errmsg: 'Internal error' },
			}); // …the second fails
			const { error } = await t.run('contact', 'deleteMany', {
				ids: ids.join(','),
			});
			expect(error?.message).toBe('Bangwo8 100500: Internal error');
			expect(error?.description).toBe(
				'HTTP 500: server error on the Bangwo8 side. Bangwo8 answered with an error or the connection dropped. ' +
					'This write was sent once and not retried: it may have been carried out anyway. Check in Bangwo8 before running it again. ' +
					`100 of 150 contacts were deleted before this failure (IDs ${ids[0]}…${ids[99]}); ` +
					`the 50 of the failing request (IDs ${ids[100]}…${ids[149]}) may or may not have been.`,
			);
			// A delete is not blindly re-sent after a 500.
			expect(t.fake.requestsTo('DELETE', '/api/v1/users/destroy_many.json')).toHaveLength(2);
		});
	});

	it('getByIds: show_many with 100 ids a request, one item per contact', async () => {
		const ids = t.fake.seedUsers(130).map((user) => user.cId);
		const output = outputOf(await t.run('contact', 'getByIds', { ids: ids.join(',') }));
		const requests = t.fake.requestsTo('GET', '/api/v1/users/show_many.json');
		expect(requests.map((request) => request.query.ids.split(',').length)).toEqual([100, 30]);
		expect(output.map((user) => user.cId)).toEqual(ids);
	});

	it('getMany: date filters as whole days, orders, deStat, paging', async () => {
		t.fake.seedUsers(120, { createdAt: '2024-03-01 09:00:00' });
		const output = outputOf(
			await t.run('contact', 'getMany', {
				returnAll: true,
				filters: {
					created_start: '2024-03-01T00:00:00',
					created_end: '2024-03-02',
					created_order: 'desc',
					includeDeleted: true,
				},
			}),
		);
		const requests = t.fake.requestsTo('GET', '/api/v1/users.json');
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({
			created_start: '2024-03-01',
			created_end: '2024-03-02',
			created_order: 'desc',
			deStat: '1',
			page: '1',
			per_page: '100',
		});
		expect(requests[1].query.page).toBe('2');
		expect(output).toHaveLength(120);
		expect(String(output[0].createDT) > String(output[119].createDT)).toBe(true);
	});

	it('search: query, sort and include-deleted, limited', async () => {
		t.fake.seedUsers(5);
		t.fake.addUser({ name: 'Zhao 测试', mobile: '1' });
		t.fake.addUser({ name: 'Qian 测试', mobile: '2', state: '3' });
		const output = outputOf(
			await t.run('contact', 'search', {
				query: '测试',
				returnAll: false,
				limit: 1,
				filters: { sort_by: 'name', sort_order: 'asc', includeDeleted: true },
			}),
		);
		const request = onlyRequest(t, 'GET', '/api/v1/users/search.json');
		expect(request.query).toEqual({
			query: '测试',
			sort_by: 'name',
			sort_order: 'asc',
			deStat: '1',
			page: '1',
			per_page: '1',
		});
		expect(output.map((user) => user.name)).toEqual(['Qian 测试']);
	});
});
