import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { AUTHENTICATIONS, expectAuthorization, useBangwo8 } from './setup';

const { loadOptions, listSearch } = new Bangwo8().methods;

describe.each(AUTHENTICATIONS)('Bangwo8 dropdowns and company locator with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('getCustomFields: the custom contact fields, dropdown options shown, valued by key', async () => {
		const options = await loadOptions.getCustomFields.call(t.loadOptionsContext());
		expect(options).toEqual([
			{
				name: '客户级别 (field_1)',
				value: 'field_1',
				description: undefined,
			},
			{
				name: '是否续约 (field_2)',
				value: 'field_2',
				description: 'Options: 否 (0), 是 (1)',
			},
		]);
		expect(t.fake.requestsTo('GET', '/api/v1/user_fields.json')).toHaveLength(1);
		expectAuthorization(t);
	});

	it('getTicketFields: the custom TICKET fields of tickets/ticket_fields.json, not the contact fields', async () => {
		const options = await loadOptions.getTicketFields.call(t.loadOptionsContext({ resource: 'ticket', operation: 'create' }));
		expect(options).toEqual([
			{ name: '产品型号 (field_3)', value: 'field_3', description: undefined },
			{ name: '安装地址 (field_5)', value: 'field_5', description: undefined },
			{ name: '故障类别 (field_4)', value: 'field_4', description: 'Required. Options: 硬件 (1), 软件 (2)' },
		]);
		expect(t.fake.requestsTo('GET', '/api/v1/tickets/ticket_fields.json')).toHaveLength(1);
		expect(t.fake.requestsTo('GET', '/api/v1/user_fields.json')).toHaveLength(0);
		expectAuthorization(t);
	});

	it('custom-field pickers: tickets load ticket fields, contacts contact fields, companies none (their keys are typed)', () => {
		type Property = {
			name: string;
			type?: string;
			displayOptions?: { show?: { resource?: string[]; operation?: string[] } };
			options?: Array<{ values?: Property[] }>;
			typeOptions?: { loadOptionsMethod?: string };
		};
		const pickers: Array<[string, string | undefined]> = [];
		for (const collection of new Bangwo8().description.properties as Property[]) {
			if (collection.type !== 'collection') continue;
			const show = collection.displayOptions?.show;
			for (const custom of (collection.options ?? []) as Property[]) {
				if (custom.name !== 'customFieldsUi') continue;
				for (const row of custom.options ?? []) {
					for (const value of row.values ?? []) {
						if (value.name === 'key') {
							pickers.push([`${String(show?.resource)}.${String(show?.operation)}`, value.typeOptions?.loadOptionsMethod]);
						}
					}
				}
			}
		}
		expect(Object.fromEntries(pickers)).toEqual({
			'contact.create': 'getCustomFields',
			'contact.update': 'getCustomFields',
			'company.create': undefined,
			'company.update': undefined,
			'ticket.create': 'getTicketFields',
			'ticket.update': 'getTicketFields',
		});
	});

	it('getTicketTemplates: every template by name, valued by tId', async () => {
		const options = await loadOptions.getTicketTemplates.call(t.loadOptionsContext());
		expect(options).toEqual([
			{ name: '安装表', value: '4', description: undefined },
			{ name: '维修单', value: '8', description: '上门维修' },
		]);
		expect(t.fake.requestsTo('GET', '/api/v1/tickettemplates.json')).toHaveLength(1);
	});

	it('getAgents: every agent (all pages) by name and email, valued by sId', async () => {
		const admin = t.fake.addAgent({ name: '张主管', email: 'zhang@example.com', isAdmin: '1', groupId: '12' });
		for (let index = 0; index < 120; index++) t.fake.addAgent({ name: `客服${String(index).padStart(3, '0')}` });
		const options = await loadOptions.getAgents.call(t.loadOptionsContext());
		expect(options).toHaveLength(121);
		expect(options.find((option) => option.value === admin.sId)).toEqual({
			name: '张主管 (zhang@example.com)',
			value: admin.sId,
			description: 'Admin, Group ID 12',
		});
		expect(t.fake.requestsTo('GET', '/api/v1/supports.json').map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('getCustomerGroups: every group by name, with its type', async () => {
		t.fake.addCustomerGroup({ groupName: 'B组', type: '1' });
		t.fake.addCustomerGroup({ groupName: 'A组', type: '2' });
		const options = await loadOptions.getCustomerGroups.call(t.loadOptionsContext());
		expect(options.map(({ name, description }) => [name, description])).toEqual([
			['A组', 'Contact group'],
			['B组', 'Company group'],
		]);
		expect(options.map((option) => option.value)).toEqual(
			[...t.fake.customerGroups.values()].map((group) => group.groupId).reverse(),
		);
	});

	it('searchCompanies: lists page by page, and searches by name when the user types', async () => {
		const companies = t.fake.seedCompanies(105);
		const context = t.loadOptionsContext({
			resource: 'company',
			operation: 'get',
		});
		const first = await listSearch.searchCompanies.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: companies[0].companyName,
			value: companies[0].uId,
		});
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchCompanies.call(context, undefined, first.paginationToken as string);
		expect(second.results.map((result) => result.value)).toEqual(companies.slice(100).map((company) => company.uId));
		expect(second.paginationToken).toBeUndefined();
		expect(t.fake.requestsTo('GET', '/api/v1/companies.json').map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);

		const target = t.fake.addCompany({ companyName: '独一无二咨询有限公司' });
		const found = await listSearch.searchCompanies.call(context, ` ${target.companyName} `);
		expect(found.results).toEqual([{ name: target.companyName, value: target.uId }]);
		expect(t.fake.requestsTo('GET', '/api/v1/companies/search.json')[0].query).toEqual({
			query: target.companyName,
			page: '1',
			per_page: '100',
		});
		expectAuthorization(t);
	});
});
