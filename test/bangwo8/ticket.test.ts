import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 tickets with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('create: subject, first reply as ticketReply.replyMsg and every other field, with a Requestid', async () => {
		const [contact] = t.fake.seedUsers(1);
		const assignee = t.fake.addAgent({ name: '李客服' });
		const copied = t.fake.addAgent({ name: '王客服' });
		const [output] = outputOf(
			await t.run('ticket', 'create', {
				subject: '产品咨询',
				replyMsg: '你好,我想咨询下帮我吧产品',
				additionalFields: {
					descript: '客户来电',
					ticketStatus: 2,
					priorityLevel: 3,
					ticketType: 3,
					ticketSource: 2,
					ticketTemplateId: '4',
					custUserId: contact.cId,
					servicerUserId: assignee.sId,
					servicerGroupId: '12',
					ccUserIdList: [assignee.sId, copied.sId],
					ccGroupIdList: '12, 13',
					tagList: 'vip, printer',
					customFieldsUi: {
						customFieldValues: [
							{ key: 'field_3', value: 'X-100' },
							{ key: 'field_5', value: '北京' },
						],
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
				ticketType: '3',
				ticketSource: '2',
				ticketTemplateId: '4',
				custUserId: contact.cId,
				servicerUserId: assignee.sId,
				servicerGroupId: '12',
				ccUserIdList: `${assignee.sId},${copied.sId}`,
				ccGroupIdList: '12,13',
				tagList: 'vip,printer',
				custom_fields: [
					{ key: 'field_3', value: 'X-100' },
					{ key: 'field_5', value: '北京' },
				],
			},
		});
		const [ticket] = [...t.fake.tickets.values()];
		expect(output).toMatchObject({
			id: ticket.ticketId,
			status: '0',
			message: 'Insert ok',
		});
		expect(ticket).toMatchObject({
			ticketStatus: '2',
			servicerUserId: assignee.sId,
			custUserId: contact.cId,
			ticketTemplateId: '4',
			custom_fields: [
				{ key: 'field_3', value: 'X-100' },
				{ key: 'field_5', value: '北京' },
			],
		});
		expect(ticket.ticketReply.map((reply) => reply.replyMsg)).toEqual(['你好,我想咨询下帮我吧产品']);
		expectAuthorization(t);
	});

	it('create: an empty subject or reply, or a malformed ID, is refused before any request', async () => {
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
		expect(badTemplate.error?.message).toBe('"Ticket Template Name or ID" must be a numeric ID, got "tpl"');
		const badCc = await t.run('ticket', 'create', {
			subject: 'x',
			replyMsg: 'y',
			additionalFields: { ccUserIdList: '={{ ["520177", "li"] }}' },
		});
		expect(badCc.error?.message).toBe('"CC Agent Names or IDs" must be a numeric ID, got "li"');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('named numbers: saved numbers keep their meaning; expressions may give numbers or names; others are refused', async () => {
		const tickets = t.fake.seedTickets(4);
		const items = [
			{ status: 2, priority: 2, type: 1 }, // what a workflow saved before the options held
			{ status: '3', priority: '4', type: '2' },
			{ status: 'open', priority: 'urgent', type: 'Incident' },
			{ status: 'Closed Manually', priority: 'LOW', type: 'job' },
		].map((item, index) => ({ ...item, id: tickets[index].ticketId }));
		const result = await t.run(
			'ticket',
			'update',
			{
				ticketId: '={{ $json.id }}',
				updateFields: {
					ticketStatus: '={{ $json.status }}',
					priorityLevel: '={{ $json.priority }}',
					ticketType: '={{ $json.type }}',
				},
			},
			{ items },
		);
		outputOf(result, [0, 1, 2, 3]);
		const bodies = t.fake.requestsTo('PUT', /^\/api\/v1\/tickets\/\d+\.json$/).map((request) => request.body);
		expect(bodies).toEqual([
			{ ticket: { ticketStatus: '2', priorityLevel: '2', ticketType: '1' } },
			{ ticket: { ticketStatus: '3', priorityLevel: '4', ticketType: '2' } },
			{ ticket: { ticketStatus: '2', priorityLevel: '4', ticketType: '3' } },
			{ ticket: { ticketStatus: '6', priorityLevel: '1', ticketType: '4' } },
		]);
		expect(tickets.map((ticket) => t.fake.tickets.get(ticket.ticketId)?.ticketStatus)).toEqual(['2', '3', '2', '6']);

		const saved = await t.run('ticket', 'update', {
			ticketId: tickets[0].ticketId,
			updateFields: { ticketStatus: 4, priorityLevel: 3 },
		});
		outputOf(saved);
		expect(t.fake.tickets.get(tickets[0].ticketId)).toMatchObject({ ticketStatus: '4', priorityLevel: '3' });

		const before = t.apiRequests().length;
		const bad = await t.run(
			'ticket',
			'update',
			{ ticketId: '={{ $json.id }}', updateFields: { ticketStatus: '={{ $json.status }}' } },
			{ items: [{ id: tickets[0].ticketId, status: 2 }, { id: tickets[1].ticketId, status: 'done' }] },
		);
		expect(bad.error?.message).toBe(
			'"Status" must be one of New (1), Open (2), Awaiting Reply (3), Solved (4), Closed Automatically (5), Closed Manually (6); got "done"',
		);
		expect((bad.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(t.apiRequests().length - before).toBe(1);
		const zero = await t.run('ticket', 'create', { subject: 'x', replyMsg: 'y', additionalFields: { priorityLevel: 0 } });
		expect(zero.error?.message).toMatch(/^"Priority Level" must be one of Low \(1\), Normal \(2\), High \(3\), Urgent \(4\); got "0"$/);
	});

	it('update: a reply alone is sent as ticketReply.replyMsg and lands on the ticket', async () => {
		const [ticket] = t.fake.seedTickets(1);
		const output = outputOf(
			await t.run('ticket', 'update', {
				ticketId: ticket.ticketId,
				updateFields: { replyMsg: '您好,问题已处理' },
			}),
		);
		const request = onlyRequest(t, 'PUT', `/api/v1/tickets/${ticket.ticketId}.json`);
		expect(request.body).toEqual({ ticket: { ticketReply: { replyMsg: '您好,问题已处理' } } });
		expect(request.headers.requestid).toBeUndefined();
		expect(output).toEqual([{ id: ticket.ticketId, status: '0', message: 'Update ok', data: false }]);
		expect(t.fake.tickets.get(ticket.ticketId)?.ticketReply.map((reply) => reply.replyMsg)).toEqual([
			'你好,我想咨询下帮我吧产品',
			'您好,问题已处理',
		]);
	});

	it('update: PUT tickets/{id}.json with status, priority, assignee, description, custom fields and a reply', async () => {
		const [ticket] = t.fake.seedTickets(1);
		const agent = t.fake.addAgent({ name: '李客服' });
		const output = outputOf(
			await t.run('ticket', 'update', {
				ticketId: ticket.ticketId,
				updateFields: {
					ticketStatus: 4,
					priorityLevel: 1,
					servicerUserId: agent.sId,
					descript: 'done',
					replyMsg: '已解决',
					customFieldsJson: { field_4: '2' },
				},
			}),
		);
		const request = onlyRequest(t, 'PUT', `/api/v1/tickets/${ticket.ticketId}.json`);
		expect(request.body).toEqual({
			ticket: {
				ticketStatus: '4',
				priorityLevel: '1',
				servicerUserId: agent.sId,
				descript: 'done',
				ticketReply: { replyMsg: '已解决' },
				custom_fields: [{ key: 'field_4', value: '2' }],
			},
		});
		expect(output).toEqual([{ id: ticket.ticketId, status: '0', message: 'Update ok', data: false }]);
		expect(t.fake.tickets.get(ticket.ticketId)).toMatchObject({
			ticketStatus: '4',
			servicerUserId: agent.sId,
			descript: 'done',
			custom_fields: [{ key: 'field_4', value: '2' }],
		});
	});

	it('update: what Bangwo8 refuses comes back with its reason, and a write is not retried', async () => {
		const [ticket] = t.fake.seedTickets(1);
		const { error } = await t.run('ticket', 'update', {
			ticketId: ticket.ticketId,
			updateFields: { servicerUserId: '999', replyMsg: 'x' },
		});
		expect(error?.message).toBe('Bangwo8 100005: Invalid parameter: servicerUserId 999 is not an agent');
		const unknownField = await t.run('ticket', 'update', {
			ticketId: ticket.ticketId,
			updateFields: { customFieldsJson: { field_1: 'contact field' } },
		});
		expect(unknownField.error?.message).toBe('Bangwo8 100005: Invalid parameter: custom_fields field_1 is not a ticket field');
		expect(t.fake.requestsTo('PUT', `/api/v1/tickets/${ticket.ticketId}.json`)).toHaveLength(2);
		expect(t.fake.tickets.get(ticket.ticketId)?.ticketReply).toHaveLength(1);
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
					created_end: '2024-07-01T23:59:59+08:00', // a date-time gives its day in China
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
		t.fake.addTicket({ subject: 'mine', custUserId: user.cId });
		t.fake.addTicket({ subject: 'theirs', custUserId: other.cId });
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
