import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 tickets with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('create: subject, first reply as ticketReply.replyMsg and every other field, with a Requestid', async () => {
		const [output] = outputOf(
			await t.run('ticket', 'create', {
				subject: '产品咨询',
				replyMsg: '你好,我想咨询下帮我吧产品',
				additionalFields: {
					descript: '客户来电',
					ticketStatus: 2,
					priorityLevel: 3,
					ticketTemplateId: '5',
					customFieldsUi: {
						customFieldValues: [{ key: 'field_9', value: 'x' }],
					},
				},
			}),
		);
		const request = onlyRequest(t, 'POST', '/api/v1/tickets.json');
		expect(request.headers.requestid).toMatch(/^[0-9a-f-]{36}$/);
		expect(request.body).toEqual({
			ticket: {
				subject: '产品咨询',
				ticketReply: { replyMsg: '你好,我想咨询下帮我吧产品' },
				descript: '客户来电',
				ticketStatus: '2',
				priorityLevel: '3',
				ticketTemplateId: '5',
				custom_fields: [{ key: 'field_9', value: 'x' }],
			},
		});
		const [ticket] = [...t.fake.tickets.values()];
		expect(output).toMatchObject({
			id: ticket.ticketId,
			status: '0',
			message: 'Insert ok',
		});
		expect(ticket.ticketReply.map((reply) => reply.replyMsg)).toEqual(['你好,我想咨询下帮我吧产品']);
		expectAuthorization(t);
	});

	it('create: an empty subject or reply is refused before any request', async () => {
		const noSubject = await t.run('ticket', 'create', {
			subject: '={{ "" }}',
			replyMsg: 'x',
		});
		expect(noSubject.error?.message).toBe('"Subject" is empty: it is required');
		const noReply = await t.run('ticket', 'create', {
			subject: 'x',
			replyMsg: '={{ "" }}',
		});
		expect(noReply.error?.message).toBe('"First Reply" is empty: it is required');
		const badTemplate = await t.run('ticket', 'create', {
			subject: 'x',
			replyMsg: 'y',
			additionalFields: { ticketTemplateId: 'tpl' },
		});
		expect(badTemplate.error?.message).toBe('"Ticket Template ID" must be a numeric ID, got "tpl"');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('update: PUT tickets/{id}.json with status, priority, description, custom fields and a reply', async () => {
		const [ticket] = t.fake.seedTickets(1);
		const output = outputOf(
			await t.run('ticket', 'update', {
				ticketId: ticket.ticketId,
				updateFields: {
					ticketStatus: 4,
					priorityLevel: 1,
					descript: 'done',
					replyMsg: '已解决',
					customFieldsJson: { field_9: 'y' },
				},
			}),
		);
		const request = onlyRequest(t, 'PUT', `/api/v1/tickets/${ticket.ticketId}.json`);
		expect(request.body).toEqual({
			ticket: {
				ticketStatus: '4',
				priorityLevel: '1',
				descript: 'done',
				ticketReply: { replyMsg: '已解决' },
				custom_fields: [{ key: 'field_9', value: 'y' }],
			},
		});
		expect(output).toEqual([{ id: ticket.ticketId, status: '0', message: 'Update ok', data: false }]);
		expect(t.fake.tickets.get(ticket.ticketId)).toMatchObject({
			ticketStatus: '4',
			descript: 'done',
		});
	});

	it('get: the one-element {"ticket":[{…}]} answer becomes one item', async () => {
		const [ticket] = t.fake.seedTickets(1);
		const output = outputOf(await t.run('ticket', 'get', { ticketId: ticket.ticketId }));
		onlyRequest(t, 'GET', `/api/v1/tickets/${ticket.ticketId}.json`);
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({
			ticketId: ticket.ticketId,
			subject: ticket.subject,
		});
	});

	it('get: an empty ticket array is an error, not silence', async () => {
		t.fake.failNext(1, { status: 200, body: { ticket: [] } });
		const { error } = await t.run('ticket', 'get', { ticketId: '1000001' });
		expect(error?.message).toBe('Bangwo8 answered without a record for ID 1000001');
	});

	it('getMany: created/updated date filters and orders, paged', async () => {
		t.fake.seedTickets(150, {
			createdAt: '2024-07-01 08:00:00',
			updatedAt: '2024-07-10 08:00:00',
		});
		const output = outputOf(
			await t.run('ticket', 'getMany', {
				returnAll: true,
				filters: {
					created_start: '2024-07-01',
					created_end: '2024-07-01T23:59:59',
					updated_start: '2024-07-10',
					updated_end: '2024-07-10',
					updated_order: 'desc',
				},
			}),
		);
		const requests = t.fake.requestsTo('GET', '/api/v1/tickets.json');
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({
			created_start: '2024-07-01',
			created_end: '2024-07-01',
			updated_start: '2024-07-10',
			updated_end: '2024-07-10',
			updated_order: 'desc',
			page: '1',
			per_page: '100',
		});
		expect(output).toHaveLength(150);
	});

	it('getByContact and getByCompany: the tickets below one contact or company', async () => {
		const [company] = t.fake.seedCompanies(1);
		const user = t.fake.addUser({ name: 'A', companyId: company.uId });
		const other = t.fake.addUser({ name: 'B' });
		t.fake.addTicket({ subject: 'mine', userId: user.cId });
		t.fake.addTicket({ subject: 'theirs', userId: other.cId });
		const byContact = outputOf(
			await t.run('ticket', 'getByContact', {
				contactId: user.cId,
				returnAll: true,
			}),
		);
		onlyRequest(t, 'GET', `/api/v1/users/${user.cId}/tickets.json`);
		expect(byContact.map((ticket) => ticket.subject)).toEqual(['mine']);
		const byCompany = outputOf(
			await t.run('ticket', 'getByCompany', {
				companyId: { __rl: true, mode: 'id', value: company.uId },
				returnAll: true,
			}),
		);
		onlyRequest(t, 'GET', `/api/v1/companies/${company.uId}/tickets.json`);
		expect(byCompany.map((ticket) => ticket.subject)).toEqual(['mine']);
	});
});
