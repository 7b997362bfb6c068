import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const fromList = (id: string) => ({
	__rl: true,
	mode: 'list',
	value: id,
	cachedResultName: 'x',
});

describe.each(AUTHENTICATIONS)('Bangwo8 companies with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('create: POSTs every seed field wrapped as {"company":{…}}, with a Requestid', async () => {
		const [output] = outputOf(
			await t.run('company', 'create', {
				companyName: '深圳前海数据有限公司',
				additionalFields: {
					province: '广东',
					city: '深圳',
					address: '深圳市科技路1号',
					serveNote: '年度服务',
					service_groupid: 12,
					customFieldsUi: {
						customFieldValues: [{ key: 'field_1', value: 'A级' }],
					},
				},
			}),
		);
		const request = onlyRequest(t, 'POST', '/api/v1/companies.json');
		expect(request.headers.requestid).toMatch(/^[0-9a-f-]{36}$/);
		expect(request.body).toEqual({
			company: {
				companyName: '深圳前海数据有限公司',
				province: '广东',
				city: '深圳',
				address: '深圳市科技路1号',
				serveNote: '年度服务',
				service_groupid: '12',
				custom_fields: [{ key: 'field_1', value: 'A级' }],
			},
		});
		const [company] = [...t.fake.companies.values()];
		expect(output).toMatchObject({
			id: company.uId,
			status: '0',
			message: 'Insert ok',
		});
		expect(company).toMatchObject({
			companyName: '深圳前海数据有限公司',
			city: '深圳',
			serveNote: '年度服务',
		});
		expectAuthorization(t);
	});

	it('create: an empty company name is refused before any request', async () => {
		const { error } = await t.run('company', 'create', {
			companyName: '={{ "" }}',
		});
		expect(error?.message).toBe('"Company Name" is empty: it is required');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('update: PUTs companies/{id}.json; the company given by ID or picked from the list', async () => {
		const company = t.fake.addCompany({ companyName: 'Old' });
		const first = outputOf(
			await t.run('company', 'update', {
				companyId: byId(company.uId),
				updateFields: { companyName: 'New', city: '成都' },
			}),
		);
		expect(first).toEqual([{ id: company.uId, status: '0', message: 'Update ok', data: false }]);
		await t.run('company', 'update', {
			companyId: fromList(company.uId),
			updateFields: { province: '四川' },
		});
		const requests = t.fake.requestsTo('PUT', `/api/v1/companies/${company.uId}.json`);
		expect(requests.map((request) => request.body)).toEqual([
			{ company: { companyName: 'New', city: '成都' } },
			{ company: { province: '四川' } },
		]);
		expect(t.fake.companies.get(company.uId)).toMatchObject({
			companyName: 'New',
			city: '成都',
			province: '四川',
		});
	});

	it('get: GET companies/{id}.json, unwrapped; a non-numeric id is refused', async () => {
		const company = t.fake.addCompany({ companyName: '杭州西溪网络' });
		const output = outputOf(await t.run('company', 'get', { companyId: byId(company.uId) }));
		expect(output).toEqual([
			expect.objectContaining({
				uId: company.uId,
				companyName: '杭州西溪网络',
			}),
		]);
		onlyRequest(t, 'GET', `/api/v1/companies/${company.uId}.json`);
		// A literal non-numeric ID is stopped by the locator's own validation; an expression reaches the node.
		const { error } = await t.run('company', 'get', {
			companyId: byId('={{ "abc" }}'),
		});
		expect(error?.message).toBe('"Company" must be a numeric ID, got "abc"');
		expect(t.apiRequests()).toHaveLength(1);
	});

	it('delete: DELETE companies/{id}.json', async () => {
		const company = t.fake.addCompany({ companyName: 'A' });
		const output = outputOf(await t.run('company', 'delete', { companyId: byId(company.uId) }));
		onlyRequest(t, 'DELETE', `/api/v1/companies/${company.uId}.json`);
		expect(output).toEqual([{ id: company.uId, status: '0', message: 'Delete ok', data: false }]);
		expect(t.fake.deletedCompanyIds.has(company.uId)).toBe(true);
	});

	it('getMany: date filters, order, include deleted, one item per company', async () => {
		const companies = t.fake.seedCompanies(3, {
			createdAt: '2024-05-01 10:00:00',
			stepSeconds: 86400,
		});
		t.fake.deletedCompanyIds.add(companies[2].uId);
		const output = outputOf(
			await t.run('company', 'getMany', {
				returnAll: true,
				filters: {
					created_start: '2024-05-02',
					created_order: 'desc',
					includeDeleted: true,
				},
			}),
		);
		const request = onlyRequest(t, 'GET', '/api/v1/companies.json');
		expect(request.query).toEqual({
			created_start: '2024-05-02',
			created_order: 'desc',
			deStat: '1',
			page: '1',
			per_page: '100',
		});
		expect(output.map((company) => company.uId)).toEqual([companies[2].uId, companies[1].uId]);
	});

	it('getByIds: show_many, 100 ids a request', async () => {
		const ids = t.fake.seedCompanies(101).map((company) => company.uId);
		const output = outputOf(await t.run('company', 'getByIds', { ids: ids.join('\n') }));
		const requests = t.fake.requestsTo('GET', '/api/v1/companies/show_many.json');
		expect(requests.map((request) => request.query.ids.split(',').length)).toEqual([100, 1]);
		expect(output.map((company) => company.uId)).toEqual(ids);
	});

	it('search: query, sort, include deleted', async () => {
		t.fake.seedCompanies(4);
		const output = outputOf(
			await t.run('company', 'search', {
				query: '科技',
				returnAll: true,
				filters: { sort_by: 'uId', sort_order: 'desc' },
			}),
		);
		const request = onlyRequest(t, 'GET', '/api/v1/companies/search.json');
		expect(request.query).toEqual({
			query: '科技',
			sort_by: 'uId',
			sort_order: 'desc',
			page: '1',
			per_page: '100',
		});
		expect(output.length).toBeGreaterThan(0);
		expect(output.every((company) => `${String(company.companyName)}${String(company.address)}`.includes('科技'))).toBe(
			true,
		);
		const ids = output.map((company) => Number(company.uId));
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
	});

	it('getContacts: GET companies/{id}/users.json with its created filters', async () => {
		const [company, other] = t.fake.seedCompanies(2);
		t.fake.addUser({
			name: 'In',
			companyId: company.uId,
			createDT: '2024-06-01 08:00:00',
		});
		t.fake.addUser({
			name: 'Other',
			companyId: other.uId,
			createDT: '2024-06-01 08:00:00',
		});
		const output = outputOf(
			await t.run('company', 'getContacts', {
				companyId: fromList(company.uId),
				returnAll: false,
				limit: 10,
				filters: {
					created_start: '2024-06-01',
					created_end: '2024-06-01',
					created_order: 'asc',
				},
			}),
		);
		const request = onlyRequest(t, 'GET', `/api/v1/companies/${company.uId}/users.json`);
		expect(request.query).toEqual({
			created_start: '2024-06-01',
			created_end: '2024-06-01',
			created_order: 'asc',
			page: '1',
			per_page: '10',
		});
		expect(output.map((user) => user.name)).toEqual(['In']);
	});
});
