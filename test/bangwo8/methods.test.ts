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
