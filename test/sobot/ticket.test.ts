/** Ticket operations (Sobot ticket centre, /api/ws/5/ticket/) through the real engine against the fake Sobot. */
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { SOBOT_TICKET_PREFIX } from '../fakes/sobot';
import { CredentialStore, Engine } from '../harness/engine';
import { addSobotCredential, SOBOT_NODE } from '../support/package';
import { useSobot } from './helpers';

const bed = useSobot();
const tpath = (suffix: string) => `${SOBOT_TICKET_PREFIX}${suffix}`;
const ticketCalls = () => bed.calls().filter((request) => request.path.startsWith(SOBOT_TICKET_PREFIX));

const LEAF_TYPE = 'a1000000000000000000000000000011'; // 售后 / 退货
const PARENT_TYPE = 'a1000000000000000000000000000001'; // 售后 (has sub-types)
const REASON_FIELD = 'c3000000000000000000000000000002'; // 退货原因, options 1/2
const AGENT = { id: '52e5ed05ee984a4f8bb0b3f921ba2b05', name: '安康' };
const OTHER_AGENT = { id: 'f1b8dfc486bd42508edbc80e5c9fd8e9', name: 'SCRM测试' };
const GROUP = { id: 'b2000000000000000000000000000002', name: '技术支持' };
const DAY = 86_400;

describe('the ticket\'s customer is a locator over the customer centre (Contact)', () => {
	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: 'c9187ee3eb184ea7b297002e1066641d' }],
		['given by ID', { __rl: true, mode: 'id', value: ' c9187ee3eb184ea7b297002e1066641d ' }],
		['a plain ID saved before the locator', 'c9187ee3eb184ea7b297002e1066641d'],
	])('create for customer: %s → userid on the wire', async (_how, userid) => {
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'createForCustomer',
			userid,
			ticket_title: '退货申请',
			ticket_content: '商品有质量问题',
			ticketTypeId: LEAF_TYPE,
		});
		expect(error).toBeUndefined();
		expect(ticketCalls()[0].body).toMatchObject({ userid: 'c9187ee3eb184ea7b297002e1066641d' });
	});

	it('get many: the Customer filter picked from the list is sent as userid; an empty one is not sent', async () => {
		await bed.run({ resource: 'ticket', operation: 'getMany', returnAll: false, limit: 5, filters: { userid: { __rl: true, mode: 'list', value: 'u7' } } });
		expect(ticketCalls().every((request) => request.query.userid === 'u7')).toBe(true);
		bed.fake.clearRequests();
		await bed.run({ resource: 'ticket', operation: 'getMany', returnAll: false, limit: 5, filters: { userid: { __rl: true, mode: 'list', value: '' } } });
		expect(ticketCalls().length).toBeGreaterThan(0);
		expect(ticketCalls().some((request) => 'userid' in request.query)).toBe(false);
	});

	it('the Customer list searches the customer centre', () => {
		const userid = (new Sobot().description.properties.find((p) => p.name === 'userid' && p.displayOptions?.show?.operation?.includes('createForCustomer')));
		expect(userid?.type).toBe('resourceLocator');
		expect(userid?.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod).toBe('searchContacts');
	});
});

describe('ticket.createForCustomer', () => {
	it('posts the ticket to save_user_ticket with custom fields (option picked) and attachment URLs joined by ";"', async () => {
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'createForCustomer',
			userid: 'c9187ee3eb184ea7b297002e1066641d',
			ticket_title: '退货申请',
			ticket_content: '商品有质量问题',
			ticketTypeId: LEAF_TYPE,
			additionalFields: {
				user_tels: '13900000001',
				file_str: 'https://a.example/1.png, https://a.example/2.png',
				ticket_from: 2,
				customFieldsUi: { customFieldValues: [{ fieldid: REASON_FIELD, options: ['1'], field_value: '' }] },
			},
		});
		expect(error).toBeUndefined();
		const [request] = ticketCalls();
		expect([request.method, request.path]).toEqual(['POST', tpath('/save_user_ticket')]);
		expect(request.body).toEqual({
			userid: 'c9187ee3eb184ea7b297002e1066641d',
			ticket_title: '退货申请',
			ticket_content: '商品有质量问题',
			ticket_typeid: LEAF_TYPE,
			user_tels: '13900000001',
			file_str: 'https://a.example/1.png;https://a.example/2.png',
			ticket_from: '2',
			extend_fields: [{ fieldid: REASON_FIELD, field_value: '1' }],
		});
		const [stored] = [...bed.fake.tickets.values()];
		expect(items[0].json.ticketid).toBe(stored.ticketid);
		expect(stored.extend_fields).toEqual([{ fieldid: REASON_FIELD, field_value: '1' }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a type with sub-types is refused by Sobot: the error names its code, nothing is stored', async () => {
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'createForCustomer',
			userid: 'u1',
			ticket_title: 't',
			ticket_content: 'c',
			ticketTypeId: PARENT_TYPE,
		});
		expect(error?.message).toMatch(/400009/);
		expect(bed.fake.tickets.size).toBe(0);
	});

	it('an empty title stops the item before any request, naming the parameter and the item', async () => {
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'createForCustomer',
			userid: 'u1',
			ticket_title: '  ',
			ticket_content: 'c',
			ticketTypeId: LEAF_TYPE,
		});
		expect(error?.message).toBe('"Title" cannot be empty');
		expect((error as unknown as { context?: IDataObject }).context?.itemIndex).toBe(0);
		expect(ticketCalls()).toHaveLength(0);
	});
});

describe('ticket.createAsAgent', () => {
	it('sends agent and group names from get_data_dict, read once for three items', async () => {
		const { items, error } = await bed.run(
			{
				resource: 'ticket',
				operation: 'createAsAgent',
				userid: '={{ $json.user }}',
				ticket_title: '={{ "报修 " + $json.user }}',
				ticket_content: '设备无法开机',
				ticketTypeId: 'a1000000000000000000000000000012',
				create_agentid: AGENT.id,
				additionalFields: {
					deal_agentid: OTHER_AGENT.id,
					deal_groupid: GROUP.id,
					ticket_status: '1',
					ticket_level: '3',
					copyAgents: { person: [{ agent_name: '王经理', agent_mail: 'wang@example.com' }] },
				},
			},
			{ items: [{ user: 'u1' }, { user: 'u2' }, { user: 'u3' }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(ticketCalls().filter((request) => request.path === tpath('/get_data_dict'))).toHaveLength(1);
		const creates = ticketCalls().filter((request) => request.path === tpath('/save_agent_ticket'));
		expect(creates).toHaveLength(3);
		expect(creates[2].body).toMatchObject({
			userid: 'u3',
			create_agentid: AGENT.id,
			create_agent_name: AGENT.name,
			deal_agentid: OTHER_AGENT.id,
			deal_agent_name: OTHER_AGENT.name,
			deal_groupid: GROUP.id,
			deal_group_name: GROUP.name,
			ticket_status: '1',
			ticket_level: '3',
			copy_agent: [{ agent_name: '王经理', agent_mail: 'wang@example.com' }],
		});
		const stored = bed.fake.tickets.get(String(items[2].json.ticketid));
		expect(stored).toMatchObject({ deal_agent_name: OTHER_AGENT.name, ticket_status: '1', ticket_level: '3' });
	});

	it('an agent id unknown to Sobot stops that item only (continue on fail), nothing sent for it', async () => {
		const { items } = await bed.run(
			{
				resource: 'ticket',
				operation: 'createAsAgent',
				userid: 'u1',
				ticket_title: 't',
				ticket_content: 'c',
				ticketTypeId: LEAF_TYPE,
				create_agentid: '={{ $json.agent }}',
			},
			{ items: [{ agent: 'nosuchagent' }, { agent: AGENT.id }], continueOnFail: true },
		);
		expect(items[0].json.error).toBe('Agent "nosuchagent" was not found in Sobot\'s ticket dictionary');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.ticketid).toBeDefined();
		expect(ticketCalls().filter((request) => request.path === tpath('/save_agent_ticket'))).toHaveLength(1);
	});
});

describe('ticket.get', () => {
	it('answers the ticket with replies, history, files and custom fields', async () => {
		const ticket = bed.fake.addTicket({ ticket_title: '查询', file_str: 'https://a.example/x.png' });
		ticket.deal_list.push({ reply_content: '已处理' });
		const { items, error } = await bed.run({ resource: 'ticket', operation: 'get', ticketId: ticket.ticketid });
		expect(error).toBeUndefined();
		expect(ticketCalls()[0].query).toEqual({ ticketid: ticket.ticketid });
		expect(items[0].json).toMatchObject({
			ticketid: ticket.ticketid,
			ticket_title: '查询',
			deal_list: [{ reply_content: '已处理' }],
			update_log_list: [],
			file_list: [{ file_url: 'https://a.example/x.png' }],
		});
	});

	it('an unknown ticket: the error names Sobot\'s code', async () => {
		const { error } = await bed.run({ resource: 'ticket', operation: 'get', ticketId: 'f00' });
		expect(error?.message).toMatch(/400005/);
	});
});

describe('ticket.getMany', () => {
	it('a 70-day range is asked in 28-day windows (each within Sobot\'s one-month limit), 50 a page, every ticket once', async () => {
		const end = Math.floor(Date.UTC(2024, 4, 31, 12) / 1000);
		// 140 tickets over 70 days: one every 12 hours.
		bed.fake.seedTickets(140, { lastCreated: end, stepSeconds: DAY / 2 });
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'getMany',
			returnAll: true,
			filters: {
				createdAfter: new Date((end - 70 * DAY + DAY / 2) * 1000).toISOString(),
				createdBefore: new Date(end * 1000).toISOString(),
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(140);
		expect(new Set(items.map((item) => item.json.ticketid)).size).toBe(140);
		const lists = ticketCalls();
		expect(lists.every((request) => request.path === tpath('/query_tickets'))).toBe(true);
		const windows = new Set(lists.map((request) => `${request.query.create_start_datetime}|${request.query.create_end_datetime}`));
		expect(windows.size).toBe(3);
		for (const request of lists) {
			expect(request.query.page_size).toBe('50');
			const span = Date.parse(request.query.create_end_datetime.replace(' ', 'T') + 'Z') - Date.parse(request.query.create_start_datetime.replace(' ', 'T') + 'Z');
			expect(span).toBeLessThanOrEqual(28 * DAY * 1000);
		}
		expect(lists.every((request) => request.query.create_start_datetime <= request.query.create_end_datetime)).toBe(true);
	});

	it('passes every filter; Limit stops after the first window with enough tickets', async () => {
		const now = Math.floor(Date.now() / 1000);
		bed.fake.seedTickets(5, { lastCreated: now - 60, overrides: { ticket_status: '1', deal_agentid: AGENT.id } });
		bed.fake.seedTickets(5, { lastCreated: now - 40 * DAY, overrides: { ticket_status: '1', deal_agentid: AGENT.id } });
		bed.fake.seedTickets(3, { lastCreated: now - 120, overrides: { ticket_status: '3' } });
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'getMany',
			returnAll: false,
			limit: 4,
			filters: {
				createdAfter: new Date((now - 60 * DAY) * 1000).toISOString(),
				ticket_status: '1',
				deal_agentid: AGENT.id,
				ticket_typeid: 'a1000000000000000000000000000002',
				ticket_from: 4,
				userid: 'someone',
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0); // no ticket of that customer
		const [first] = ticketCalls();
		expect(first.query).toMatchObject({
			ticket_status: '1',
			deal_agentid: AGENT.id,
			ticket_typeid: 'a1000000000000000000000000000002',
			ticket_from: '4',
			userid: 'someone',
		});
		bed.fake.clearRequests();
		const limited = await bed.run({
			resource: 'ticket',
			operation: 'getMany',
			returnAll: false,
			limit: 4,
			filters: { createdAfter: new Date((now - 60 * DAY) * 1000).toISOString(), ticket_status: '1' },
		});
		expect(limited.items).toHaveLength(4);
		expect(ticketCalls()).toHaveLength(1); // the newest window had enough
		expect(ticketCalls()[0].query.page_size).toBe('4');
	});

	it('"Created After" later than "Created Before" is refused before any request', async () => {
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'getMany',
			returnAll: true,
			filters: { createdAfter: '2024-05-02T00:00:00Z', createdBefore: '2024-05-01T00:00:00Z' },
		});
		expect(error?.message).toBe('"Created After" is later than "Created Before"');
		expect(ticketCalls()).toHaveLength(0);
	});
});

describe('ticket.reply and ticket.update (save_ticket_reply)', () => {
	it('a public reply reads the ticket first and sends its required fields unchanged', async () => {
		const ticket = bed.fake.addTicket({ ticket_title: '咨询', ticket_content: '怎么退货', ticket_status: '1', ticket_level: '2' });
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'reply',
			ticketId: ticket.ticketid,
			reply_content: '请寄回商品',
			reply_type: '0',
			reply_agentid: AGENT.id,
			additionalFields: { reply_file_str: 'https://a.example/label.pdf' },
		});
		expect(error).toBeUndefined();
		const paths = ticketCalls().map((request) => request.path);
		expect(paths).toEqual([tpath('/get_data_dict'), tpath('/get_ticket_by_id'), tpath('/save_ticket_reply')]);
		const body = ticketCalls()[2].body as IDataObject;
		expect(body).toMatchObject({
			ticketid: ticket.ticketid,
			ticket_title: '咨询',
			ticket_content: '怎么退货',
			reply_type: '0',
			reply_agentid: AGENT.id,
			reply_agent_name: AGENT.name,
			ticket_status: '1',
			ticket_level: '2',
			reply_content: '请寄回商品',
			reply_file_str: 'https://a.example/label.pdf',
		});
		expect(body.get_ticket_datetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(ticket.deal_list).toEqual([expect.objectContaining({ reply_type: '0', reply_content: '请寄回商品' })]);
		expect(items[0].json).toMatchObject({ ticketid: ticket.ticketid, reply_type: '0' });
	});

	it('an internal note with a new status', async () => {
		const ticket = bed.fake.addTicket();
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'reply',
			ticketId: ticket.ticketid,
			reply_content: '内部备注',
			reply_type: '1',
			reply_agentid: AGENT.id,
			additionalFields: { ticket_status: '3' },
		});
		expect(error).toBeUndefined();
		expect(ticket.ticket_status).toBe('3');
		expect(ticket.deal_list[0]).toMatchObject({ reply_type: '1', reply_content: '内部备注' });
	});

	it('update changes status, priority, assignee, group and custom fields in one internal reply', async () => {
		const ticket = bed.fake.addTicket({ ticket_typeid: LEAF_TYPE, ticket_title: '退货', ticket_content: '坏了' });
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'update',
			ticketId: ticket.ticketid,
			reply_agentid: AGENT.id,
			updateFields: {
				ticket_status: '5',
				ticket_level: '2',
				deal_agentid: OTHER_AGENT.id,
				deal_groupid: GROUP.id,
				customFieldsJson: JSON.stringify([{ fieldid: REASON_FIELD, field_value: '2' }]),
			},
		});
		expect(error).toBeUndefined();
		expect(ticket).toMatchObject({
			ticket_status: '5',
			ticket_level: '2',
			deal_agentid: OTHER_AGENT.id,
			deal_agent_name: OTHER_AGENT.name,
			deal_groupid: GROUP.id,
			deal_group_name: GROUP.name,
			extend_fields: [{ fieldid: REASON_FIELD, field_value: '2' }],
			ticket_title: '退货',
		});
		expect(ticket.update_log_list).toHaveLength(1);
		expect(items[0].json).toMatchObject({ reply_type: '1', ticket_status: '5' });
	});

	it('update with nothing to change is refused before any request', async () => {
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'update',
			ticketId: 'abc',
			reply_agentid: AGENT.id,
			updateFields: {},
		});
		expect(error?.message).toBe('Add at least one field under "Update Fields"');
		expect(ticketCalls()).toHaveLength(0);
	});

	it('a reply is never sent twice: a 500 after Sobot stored it fails the item and says it may have happened', async () => {
		const ticket = bed.fake.addTicket();
		// dictionary and ticket read pass; the reply is stored, then its answer is lost.
		bed.fake.delayNext(2, 0);
		bed.fake.failNext(1, { status: 500, afterHandling: true });
		const { error } = await bed.run({
			resource: 'ticket',
			operation: 'reply',
			ticketId: ticket.ticketid,
			reply_content: 'once',
			reply_agentid: AGENT.id,
		});
		expect(error).toBeDefined();
		expect(`${error?.message} ${(error as unknown as { description?: string }).description ?? ''}`).toMatch(/may have/i);
		expect(ticketCalls().filter((request) => request.path === tpath('/save_ticket_reply'))).toHaveLength(1);
		expect(ticket.deal_list).toHaveLength(1);
	});
});

describe('ticket.customerReply', () => {
	it('posts the customer reply to save_user_reply', async () => {
		const ticket = bed.fake.addTicket();
		const { items, error } = await bed.run({
			resource: 'ticket',
			operation: 'customerReply',
			ticketId: ticket.ticketid,
			reply_content: '还没收到',
			additionalFields: { file_str: 'https://a.example/photo.jpg' },
		});
		expect(error).toBeUndefined();
		const [request] = ticketCalls();
		expect([request.method, request.path]).toEqual(['POST', tpath('/save_user_reply')]);
		expect(request.body).toEqual({ ticketid: ticket.ticketid, reply_content: '还没收到', file_str: 'https://a.example/photo.jpg' });
		expect(ticket.deal_list[0]).toMatchObject({ reply_from: 'customer', reply_content: '还没收到' });
		expect(items[0].json.ticketid).toBe(ticket.ticketid);
	});
});

describe('ticket.uploadAttachment', () => {
	/** A start node giving one item with a binary file (base64 in the item, as n8n's default binary mode holds it). */
	const fileNode: INodeType = {
		description: {
			displayName: 'File',
			name: 'file',
			group: ['input'],
			version: 1,
			description: 'One item with a file',
			defaults: { name: 'File' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			const item: INodeExecutionData = {
				json: {},
				binary: {
					attachment: {
						data: Buffer.from('发票内容 invoice', 'utf8').toString('base64'),
						mimeType: 'text/plain',
						fileName: '发票.txt',
						fileExtension: 'txt',
					},
				},
			};
			return [[item]];
		},
	};

	it('sends the binary file as multipart field "file" and answers its URL', async () => {
		const store = new CredentialStore();
		const credential = addSobotCredential(store, bed.fake);
		const engine = new Engine({ nodeTypes: { [SOBOT_NODE]: new Sobot(), 'test.file': fileNode }, credentialTypes: [new SobotApi()], credentials: store });
		const result = await engine.run(
			{
				nodes: [
					{ id: 'f', name: 'File', type: 'test.file', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 's',
						name: 'Sobot',
						type: SOBOT_NODE,
						typeVersion: 1,
						position: [200, 0],
						parameters: { resource: 'ticket', operation: 'uploadAttachment', binaryPropertyName: 'attachment' },
						credentials: { sobotApi: credential } as never,
					},
				],
				connections: { File: { main: [[{ node: 'Sobot', type: 'main', index: 0 }]] } },
			},
			{ startNode: 'File' },
		);
		expect(result.error).toBeUndefined();
		const [upload] = bed.fake.uploads;
		expect(upload).toMatchObject({ fileName: '发票.txt', contentType: 'text/plain', content: '发票内容 invoice' });
		const [request] = ticketCalls();
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const [item] = result.output('Sobot', 0);
		expect(item.json).toMatchObject({ file_url: upload.url, file_name: '发票.txt', mime_type: 'text/plain' });
	});

	it('a missing binary field stops the item, naming it', async () => {
		const { error } = await bed.run({ resource: 'ticket', operation: 'uploadAttachment', binaryPropertyName: 'nothing' });
		expect(error?.message).toMatch(/nothing/);
		expect(ticketCalls()).toHaveLength(0);
	});
});

describe('ticket dropdowns', () => {
	it('types as tree paths (leaf types only), statuses with English names and custom ones, levels, groups, agents', async () => {
		const types = await bed.loadOptions('getTicketTypes');
		expect(types).toHaveLength(3);
		expect(types).toEqual(
			expect.arrayContaining([
				{ name: '售后 / 维修', value: 'a1000000000000000000000000000012' },
				{ name: '售后 / 退货', value: LEAF_TYPE },
				{ name: '咨询', value: 'a1000000000000000000000000000002' },
			]),
		);
		const statuses = await bed.loadOptions('getTicketStatuses');
		expect(statuses).toContainEqual({ name: 'New (尚未受理)', value: '0' });
		expect(statuses).toContainEqual({ name: '待配件', value: '5' });
		expect(await bed.loadOptions('getTicketLevels')).toContainEqual({ name: 'Urgent (紧急)', value: '3' });
		expect(await bed.loadOptions('getTicketGroups')).toContainEqual({ name: GROUP.name, value: GROUP.id });
		expect(await bed.loadOptions('getTicketAgents')).toContainEqual({ name: AGENT.name, value: AGENT.id });
	});

	it('custom fields of the picked type (query_fileds_by_typeid), or of the ticket being updated', async () => {
		// The fields of 售后 / 退货: the one every type has, and its own (required) one, by name.
		const leafFields = [
			{ name: '订单号', value: 'c3000000000000000000000000000001' },
			{ name: '退货原因 (required)', value: REASON_FIELD },
		];
		const byType = await bed.loadOptions('getTicketCustomFields', { ticketTypeId: LEAF_TYPE });
		expect(byType).toEqual(leafFields);
		expect(bed.fake.requestsTo('GET', tpath('/query_fileds_by_typeid'))[0].query).toEqual({ ticket_typeid: LEAF_TYPE });
		const ticket = bed.fake.addTicket({ ticket_typeid: LEAF_TYPE });
		bed.fake.clearRequests();
		const byTicket = await bed.loadOptions('getTicketCustomFields', { ticketId: ticket.ticketid });
		expect(byTicket).toEqual(leafFields);
		// Read from the ticket's own type (in this fake, every ticket field is also these two).
		expect(ticketCalls().map((request) => [request.path, request.query])).toEqual([
			[tpath('/get_ticket_by_id'), { ticketid: ticket.ticketid }],
			[tpath('/query_fileds_by_typeid'), { ticket_typeid: LEAF_TYPE }],
		]);
	});
});
