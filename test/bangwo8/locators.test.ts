/**
 * Resource locators of the Bangwo8 node (contact, customer group, ticket; the company one is in
 * methods.test.ts): their lists, run in n8n-core's LoadOptionsContext against the fake, and the
 * values the engine hands the operations — `{ __rl, mode, value }` as the editor saves it now, and
 * the plain text ID that workflows saved before the parameters became locators still hold.
 */
import type { INodeProperties } from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { onlyRequest, outputOf, useBangwo8 } from './setup';

const node = new Bangwo8();
const { listSearch } = node.methods;
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

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

describe('Bangwo8 resource locators: the parameters', () => {
	it.each([
		['contactId', 'searchContacts'],
		['custUserId', 'searchContacts'],
		['companyId', 'searchCompanies'],
		['customerGroupId', 'searchCustomerGroups'],
		['ticketId', 'searchTickets'],
	])('%s keeps its name and is a locator (From List by %s, By ID)', (name, method) => {
		const properties = propertiesNamed(name);
		expect(properties.length).toBeGreaterThan(0);
		for (const property of properties) {
			expect(property.type).toBe('resourceLocator');
			expect(property.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(property.modes?.[0].typeOptions).toEqual({ searchListMethod: method, searchable: true });
		}
		expect(Object.keys(listSearch)).toContain(method);
	});

	it('the CC agents stay a multiOptions dropdown (a locator holds one value)', () => {
		// On ticket create (Additional Fields) and update (Update Fields).
		expect(propertiesNamed('ccUserIdList').map((property) => property.type)).toEqual(['multiOptions', 'multiOptions']);
	});
});

describe('Bangwo8 resource locators', () => {
	const t = useBangwo8('basicAuth');

	it('searchContacts: pages through users.json, or asks users/search.json for the text typed', async () => {
		const users = t.fake.seedUsers(105);
		const context = t.loadOptionsContext({ resource: 'contact', operation: 'get' });
		const first = await listSearch.searchContacts.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: `${users[0].name} (${users[0].mobile})`, value: users[0].cId });
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchContacts.call(context, undefined, first.paginationToken as string);
		expect(second.results.map((result) => result.value)).toEqual(users.slice(100).map((user) => user.cId));
		expect(second.paginationToken).toBeUndefined();

		const target = t.fake.addUser({ name: '独一无二', mobile: '', email: 'only@example.com' });
		const found = await listSearch.searchContacts.call(context, ' only@example ');
		expect(found).toEqual({ results: [{ name: '独一无二 (only@example.com)', value: target.cId }], paginationToken: undefined });
		expect(t.fake.requestsTo('GET', '/api/v1/users/search.json')[0].query).toEqual({ query: 'only@example', page: '1', per_page: '100' });
		expect(t.fake.requestsTo('GET', '/api/v1/users.json').map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('searchCustomerGroups: filters the pages by name, reading on until a page holds a match', async () => {
		for (let index = 0; index < 150; index++) t.fake.addCustomerGroup({ groupName: `组${String(index).padStart(3, '0')}` });
		const target = t.fake.addCustomerGroup({ groupName: 'VIP 客户组' });
		const context = t.loadOptionsContext({ resource: 'customerGroup', operation: 'get' });
		const all = await listSearch.searchCustomerGroups.call(context);
		expect(all.results).toHaveLength(100);
		expect(all.paginationToken).toBe('2');
		const found = await listSearch.searchCustomerGroups.call(context, 'vip');
		expect(found).toEqual({ results: [{ name: 'VIP 客户组', value: target.groupId }] });
		expect(t.fake.requestsTo('GET', '/api/v1/customergroups.json').map((request) => request.query.page)).toEqual(['1', '1', '2']);
	});

	it('searchTickets: newest first as "#id subject", filtered by subject or ID', async () => {
		const tickets = t.fake.seedTickets(3);
		const context = t.loadOptionsContext({ resource: 'ticket', operation: 'get' });
		const all = await listSearch.searchTickets.call(context);
		expect(all).toEqual({
			results: [...tickets].reverse().map((ticket) => ({ name: `#${ticket.ticketId} ${ticket.subject}`, value: ticket.ticketId })),
		});
		expect(t.fake.requestsTo('GET', '/api/v1/tickets.json')[0].query).toEqual({ created_order: 'desc', page: '1', per_page: '100' });
		const found = await listSearch.searchTickets.call(context, tickets[1].subject.slice(-3));
		expect(found.results.map((result) => result.value)).toEqual([tickets[1].ticketId]);
		const byNumber = await listSearch.searchTickets.call(context, `#${tickets[2].ticketId}`);
		expect(byNumber.results.map((result) => result.value)).toEqual([tickets[2].ticketId]);
	});

	it('contactId: a plain text ID (saved before), picked from the list and by ID all get the contact', async () => {
		const [user] = t.fake.seedUsers(1);
		for (const contactId of [user.cId, fromList(user.cId), byId(user.cId), byId(`={{ ${user.cId} }}`)]) {
			t.fake.clearRequests();
			const [output] = outputOf(await t.run('contact', 'get', { contactId }));
			expect(output.userId).toBe(user.cId);
			onlyRequest(t, 'GET', `/api/v1/users/${user.cId}.json`);
		}
		t.fake.clearRequests();
		const tickets = t.fake.seedTickets(2, { fields: { custUserId: user.cId } });
		const output = outputOf(await t.run('ticket', 'getByContact', { contactId: byId(user.cId), returnAll: true }));
		expect(output.map((ticket) => ticket.ticketId)).toEqual(tickets.map((ticket) => ticket.ticketId));
		const bad = await t.run('contact', 'get', { contactId: byId('={{ "12a" }}') });
		expect(bad.error?.message).toBe('"Contact" must be a numeric ID, got "12a"');
	});

	it('ticketId and custUserId: plain text IDs (saved before) and locators', async () => {
		const [user] = t.fake.seedUsers(1);
		const [ticket] = t.fake.seedTickets(1);
		for (const ticketId of [ticket.ticketId, fromList(ticket.ticketId), byId(ticket.ticketId)]) {
			t.fake.clearRequests();
			const [output] = outputOf(await t.run('ticket', 'get', { ticketId }));
			expect(output.ticketId).toBe(ticket.ticketId);
			onlyRequest(t, 'GET', `/api/v1/tickets/${ticket.ticketId}.json`);
		}
		for (const custUserId of [user.cId, fromList(user.cId), byId(user.cId)]) {
			t.fake.clearRequests();
			await t.run('ticket', 'update', { ticketId: ticket.ticketId, updateFields: { custUserId } });
			const request = onlyRequest(t, 'PUT', `/api/v1/tickets/${ticket.ticketId}.json`);
			expect(request.body).toEqual({ ticket: { custUserId: user.cId } });
		}
		t.fake.clearRequests();
		await t.run('ticket', 'create', { subject: 's', replyMsg: 'r', additionalFields: { custUserId: fromList(user.cId) } });
		expect((onlyRequest(t, 'POST', '/api/v1/tickets.json').body as { ticket: object }).ticket).toMatchObject({ custUserId: user.cId });
	});

	it('customerGroupId: a plain text ID (saved before) and locators, for get and get customers', async () => {
		const group = t.fake.addCustomerGroup({ groupName: 'G', type: '2' });
		for (const customerGroupId of [group.groupId, fromList(group.groupId), byId(group.groupId)]) {
			t.fake.clearRequests();
			const [output] = outputOf(await t.run('customerGroup', 'get', { customerGroupId }));
			expect(output.groupId).toBe(group.groupId);
			outputOf(await t.run('customerGroup', 'getCustomers', { customerGroupId, returnAll: true }));
			expect(t.fake.requestsTo('GET', `/api/v1/customergroups/${group.groupId}/customers.json`)).toHaveLength(1);
		}
	});
});
