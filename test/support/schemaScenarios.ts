/**
 * How each operation of the Sobot and Bangwo8 action nodes is run to learn the shape of its
 * output (scripts/schemas.ts turns the output into nodes/<Node>/__schema__/…/<op>.json, and
 * test/foundation/schemas.test.ts checks the committed files still match).
 *
 * Every run goes through n8n's real engine (test/harness/engine.ts) against the fake vendors
 * seeded with the sandbox's demo data (scripts/dev.sandbox.ts). The parameters are those a user
 * would set to see everything the operation returns: lists return all, writes fill their optional
 * fields, reads run on a few records of different kinds (the schema is the union of all output
 * items). Options that change the shape of the output (e.g. agent.getMany's Flatten) are left at
 * their defaults, since the editor asks for one schema per resource and operation.
 *
 * Parameters are written as plain values; resource locator parameters accept a plain ID too, so
 * these stay valid when a parameter becomes a locator or a dropdown. A new operation needs an
 * entry here (the schema test fails until it has one).
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { Bangwo8BasicAuthApi } from '../../credentials/Bangwo8BasicAuthApi.credentials';
import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { SANDBOX, seedDemoData } from '../../scripts/dev.sandbox';
import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addBangwo8BasicCredential, addSobotCredential, BANGWO8_NODE, SOBOT_NODE } from './package';

export type NodeKey = 'sobot' | 'bangwo8';

export interface ScenarioContext {
	sobot: FakeSobot;
	bangwo8: FakeBangwo8;
	/**
	 * Runs one operation (also to prepare what another operation reads) and returns the json of
	 * its output items; throws if the node failed.
	 */
	run(node: NodeKey, parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
	/** Sobot ticket.uploadAttachment: a binary item in, the node's output out. */
	upload(fileName: string, mimeType: string, content: string): Promise<IDataObject[]>;
}

/** Runs the operation as a user would and returns ALL output items the schema must cover. */
export type Scenario = (ctx: ScenarioContext) => Promise<IDataObject[]>;

// ---------------------------------------------------------------------------------------------
// Fixed ids of the fakes' presets

const SOBOT_AGENT = '52e5ed05ee984a4f8bb0b3f921ba2b05'; // 安康, also a ticket agent
const SOBOT_OTHER_AGENT = 'f1b8dfc486bd42508edbc80e5c9fd8e9'; // SCRM测试
const SOBOT_STAGE = 'cb31d0aff036411fb9bf598baf4dc2ea'; // 意向确定
const SOBOT_ID_FIELD = '5445245507ab48b68769093bd413a5c8'; // 身份证号
const TICKET_LEAF_TYPE = 'a1000000000000000000000000000011'; // 售后 / 退货
const TICKET_ORDER_FIELD = 'c3000000000000000000000000000001'; // 订单号, every type
const TICKET_REASON_FIELD = 'c3000000000000000000000000000002'; // 退货原因, options 1/2
const TICKET_GROUP = 'b2000000000000000000000000000002'; // 技术支持

const sobot = (resource: string, operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...parameters,
});
const bangwo8 = sobot;
const all = { returnAll: true };

/** A Sobot ticket as an agent creates it, then worked on: replies, an update, a customer's answer. */
async function workedSobotTicket(ctx: ScenarioContext, userid: string): Promise<string> {
	const [created] = await ctx.run('sobot', sobot('ticket', 'createAsAgent', {
		userid,
		ticket_title: 'Return request',
		ticket_content: 'The printer arrived broken',
		ticketTypeId: TICKET_LEAF_TYPE,
		create_agentid: SOBOT_AGENT,
		additionalFields: {
			deal_agentid: SOBOT_OTHER_AGENT,
			deal_groupid: TICKET_GROUP,
			ticket_status: '1',
			ticket_level: '2',
			user_tels: '13900000001',
			user_emails: 'li@example.com',
			file_str: 'https://files.example.com/photo.png',
			customFieldsJson: JSON.stringify([
				{ fieldid: TICKET_ORDER_FIELD, field_value: 'SO-1001' },
				{ fieldid: TICKET_REASON_FIELD, field_value: '1' },
			]),
			copyAgents: { person: [{ agent_name: 'Manager Wang', agent_mail: 'wang@example.com' }] },
		},
	}));
	const ticketId = String(created.ticketid);
	await ctx.run('sobot', sobot('ticket', 'reply', {
		ticketId,
		reply_content: 'Please send the printer back',
		reply_type: '0',
		reply_agentid: SOBOT_AGENT,
		additionalFields: { reply_file_str: 'https://files.example.com/label.pdf' },
	}));
	await ctx.run('sobot', sobot('ticket', 'update', {
		ticketId,
		reply_agentid: SOBOT_AGENT,
		updateFields: { ticket_status: '2', ticket_level: '3', reply_content: 'Waiting for the parcel' },
	}));
	await ctx.run('sobot', sobot('ticket', 'customerReply', { ticketId, reply_content: 'Sent today' }));
	return ticketId;
}

/** Customers of the demo data: one being followed up with custom fields and a label, one plain. */
function sobotCustomers(ctx: ScenarioContext): { rich: string; plain: string; labelled: string } {
	const customers = [...ctx.sobot.customers.values()];
	const rich = customers.find((c) => c.ex_field_str !== '' && c.stageid !== '') ?? customers[0];
	const plain = customers.find((c) => c.ex_field_str === '' && c.stageid === '' && c.biz_label === '') ?? customers[1];
	const labelled = customers.find((c) => c.biz_label !== '') ?? customers[2];
	return { rich: rich.id, plain: plain.id, labelled: labelled.id };
}

// ---------------------------------------------------------------------------------------------
// Sobot

export const SOBOT_SCENARIOS: Record<string, Scenario> = {
	'agent.getMany': async (ctx) => await ctx.run('sobot', sobot('agent', 'getMany', all)),
	'customField.getMany': async (ctx) => await ctx.run('sobot', sobot('customField', 'getMany', all)),

	'customer.create': async (ctx) =>
		await ctx.run('sobot', sobot('customer', 'create', {
			nick: 'Ms Li',
			additionalFields: {
				uname: 'Li Na',
				email: 'li@example.com',
				tel: '13214599999',
				qq: '123456',
				wx: 'li_wx',
				sex: 2,
				crm_status: 3,
				agent: SOBOT_AGENT,
				province: '130000',
				city: '130300',
				district: '130302',
				remark: 'Asked for a quote',
				enterpriseid: 'e1',
				enterprise_name: 'Zhida Tech',
				is_vip: '1',
				wx_build_unionid: 'or-MA5xyz',
				customFieldsUi: { customFieldValues: [{ matchBy: 'fieldid', fieldid: SOBOT_ID_FIELD, field_value: '130434199909099898' }] },
			},
		})),
	'customer.update': async (ctx) =>
		await ctx.run('sobot', sobot('customer', 'update', {
			customerId: sobotCustomers(ctx).plain,
			updateFields: {
				nick: 'Mr Zhang',
				uname: 'Zhang Wei',
				email: 'zhang@example.com',
				tel: '13800000000',
				qq: '654321',
				wx: 'zhang_wx',
				sex: 1,
				remark: 'Prefers e-mail',
				enterpriseid: 'e2',
				enterprise_name: 'Qianhai Data',
				is_vip: '1',
				vip_level: 'gold',
				user_status: '0',
				visitorids: 'v1',
				partnerid: 'p1',
				agent: SOBOT_AGENT,
				wx_build_unionid: 'or-MA5abc',
				customFieldsUi: { customFieldValues: [{ matchBy: 'fieldid', fieldid: SOBOT_ID_FIELD, field_value: '130434199909099899' }] },
			},
		})),
	'customer.get': async (ctx) => {
		const { rich, plain, labelled } = sobotCustomers(ctx);
		return await ctx.run('sobot', sobot('customer', 'get', { customerId: '={{ $json.id }}' }), [{ id: rich }, { id: plain }, { id: labelled }]);
	},
	'customer.getMany': async (ctx) => await ctx.run('sobot', sobot('customer', 'getMany', { ...all, filters: {} })),
	'customer.assign': async (ctx) => {
		const { plain, labelled } = sobotCustomers(ctx);
		return await ctx.run('sobot', sobot('customer', 'assign', {
			customerIds: `${plain},${labelled}`,
			agents: [SOBOT_AGENT, SOBOT_OTHER_AGENT],
			assign_biz_type: '1',
		}));
	},
	'customer.recycle': async (ctx) => {
		const [a, b] = ctx.sobot.seedCustomers(2);
		return await ctx.run('sobot', sobot('customer', 'recycle', { customerIds: `${a.id},${b.id}`, confirm_type: 2 }));
	},
	'customer.setStage': async (ctx) =>
		await ctx.run('sobot', sobot('customer', 'setStage', {
			customerId: sobotCustomers(ctx).plain,
			stage: SOBOT_STAGE,
			stage_type: 1,
			additionalFields: { remark: 'Quote accepted' },
		})),
	'customer.addFollowUp': async (ctx) =>
		await ctx.run('sobot', sobot('customer', 'addFollowUp', { customerId: sobotCustomers(ctx).plain, content: 'Called back, sending a quote' })),
	'customer.getActivities': async (ctx) => {
		// What the operations above did to this customer: created, updated, assigned, staged, followed up, labelled.
		const [created] = await ctx.run('sobot', sobot('customer', 'create', { nick: 'Activity', additionalFields: { tel: '13900000009' } }));
		const customerId = String(created.id);
		await ctx.run('sobot', sobot('customer', 'update', { customerId, updateFields: { remark: 'VIP' } }));
		await ctx.run('sobot', sobot('customer', 'assign', { customerIds: customerId, agents: [SOBOT_AGENT], assign_biz_type: '1' }));
		await ctx.run('sobot', sobot('customer', 'setStage', { customerId, stage: SOBOT_STAGE, stage_type: 1, additionalFields: { remark: 'r' } }));
		await ctx.run('sobot', sobot('customer', 'addFollowUp', { customerId, content: 'Called' }));
		await ctx.run('sobot', sobot('customerLabel', 'set', { customerId, labels: [SANDBOX.labels.vip] }));
		return await ctx.run('sobot', sobot('customer', 'getActivities', { customerId, ...all, filters: {} }));
	},

	'customerLabel.get': async (ctx) => {
		const { rich, plain, labelled } = sobotCustomers(ctx);
		return await ctx.run('sobot', sobot('customerLabel', 'get', { customerIds: `${labelled},${rich},${plain}` }));
	},
	'customerLabel.set': async (ctx) =>
		await ctx.run('sobot', sobot('customerLabel', 'set', {
			customerId: sobotCustomers(ctx).plain,
			labels: [SANDBOX.labels.vip, SANDBOX.labels.followUp],
		})),

	'label.create': async (ctx) =>
		await ctx.run('sobot', sobot('label', 'create', { name: 'Gold', labelGroupId: SANDBOX.labelGroupId, additionalFields: { param_name: 'gold' } })),
	'label.update': async (ctx) =>
		await ctx.run('sobot', sobot('label', 'update', { labelId: SANDBOX.labels.newCustomer, updateFields: { name: 'New lead', param_name: 'new_lead' } })),
	'label.getMany': async (ctx) => await ctx.run('sobot', sobot('label', 'getMany', { ...all, filters: {} })),
	'label.delete': async (ctx) => {
		const label = ctx.sobot.addLabel({ groupid: SANDBOX.labelGroupId, name: 'Temporary' });
		return await ctx.run('sobot', sobot('label', 'delete', { labelId: label.id }));
	},

	'labelGroup.create': async (ctx) =>
		await ctx.run('sobot', sobot('labelGroup', 'create', { name: 'Priority', additionalFields: { color_value: '#345454', is_multiple_choice: true } })),
	'labelGroup.update': async (ctx) =>
		await ctx.run('sobot', sobot('labelGroup', 'update', {
			labelGroupId: SANDBOX.labelGroupId,
			updateFields: { name: 'n8n demo labels', color_value: '#FF6D5A', is_multiple_choice: false },
		})),
	'labelGroup.getMany': async (ctx) => await ctx.run('sobot', sobot('labelGroup', 'getMany', all)),
	'labelGroup.delete': async (ctx) => {
		const group = ctx.sobot.addLabelGroup({ name: 'Temporary group' });
		return await ctx.run('sobot', sobot('labelGroup', 'delete', { labelGroupId: group.id }));
	},

	'region.getProvinces': async (ctx) => await ctx.run('sobot', sobot('region', 'getProvinces', all)),
	'region.getCities': async (ctx) => await ctx.run('sobot', sobot('region', 'getCities', { province: '130000', ...all })),
	'region.getDistricts': async (ctx) => await ctx.run('sobot', sobot('region', 'getDistricts', { province: '130000', city: '130300', ...all })),
	'source.getMany': async (ctx) => await ctx.run('sobot', sobot('source', 'getMany', all)),
	'stage.getMany': async (ctx) => await ctx.run('sobot', sobot('stage', 'getMany', all)),
	// Customer centre (issue 23): the sandbox's demo contacts (test/fakes/sobotContacts.ts).
	'contact.upsert': async (ctx) =>
		await ctx.run('sobot', sobot('contact', 'upsert', {
			user_nick: 'Nana',
			additionalFields: {
				user_name: 'Li Na', user_tels: '13800138000', user_emails: 'li.na@example.cn', user_level: 1, vip_level: '1', user_status: 0,
				contactLabels: 'Returning', enterprise_name: 'Yunfan Tech', partnerid: 'shop-user-30001', remark: 'Prefers phone',
				customFieldsUi: { customFieldValues: [{ fieldid: 'f6000000000000000000000000000001', options: ['2'], field_value: '' }] },
			},
		})),
	'contact.update': async (ctx) => {
		const [first] = [...ctx.sobot.customerCentre.contacts.values()];
		return await ctx.run('sobot', sobot('contact', 'update', { contactId: first.userid, updateFields: { remark: 'Called back', user_status: 0 } }));
	},
	'contact.get': async (ctx) => {
		const [first, second] = [...ctx.sobot.customerCentre.contacts.values()];
		return await ctx.run('sobot', sobot('contact', 'get', { contactId: '={{ $json.id }}' }), [{ id: first.userid }, { id: second.userid }]);
	},
	'contact.search': async (ctx) => {
		const [first] = [...ctx.sobot.customerCentre.contacts.values()];
		return await ctx.run('sobot', sobot('contact', 'search', { findBy: 'phone', value: first.user_tels.split(';')[0] }));
	},
	'contact.getMany': async (ctx) => await ctx.run('sobot', sobot('contact', 'getMany', { ...all, filters: {} })),
	// Online chat (issue 23): the fake's preset conversations (test/fakes/sobotChat.ts).
	'conversation.getTranscript': async (ctx) =>
		await ctx.run('sobot', sobot('conversation', 'getTranscript', { conversationId: '={{ $json.cid }}' }), [
			{ cid: 'c0000000000000000000000000000001' },
			{ cid: 'c0000000000000000000000000000004' },
		]),
	'conversation.getMany': async (ctx) =>
		await ctx.run('sobot', sobot('conversation', 'getMany', { customerBy: 'visitorId', visitorId: ctx.sobot.chat.conversations[0].visitorid, ...all })),
	'conversation.getSummary': async (ctx) =>
		await ctx.run('sobot', sobot('conversation', 'getSummary', { conversationId: '={{ $json.cid }}' }), [
			{ cid: 'c0000000000000000000000000000001' },
			{ cid: 'c0000000000000000000000000000003' },
		]),
	'conversation.getOfflineMessages': async (ctx) =>
		await ctx.run('sobot', sobot('conversation', 'getOfflineMessages', { visitorId: ctx.sobot.chat.conversations[0].visitorid, ...all })),
	'live.getOverview': async (ctx) => await ctx.run('sobot', sobot('live', 'getOverview')),
	'live.getAgents': async (ctx) => await ctx.run('sobot', sobot('live', 'getAgents', all)),
	'live.getGroups': async (ctx) => await ctx.run('sobot', sobot('live', 'getGroups', all)),
	'live.getWorkingStatus': async (ctx) =>
		await ctx.run('sobot', sobot('live', 'getWorkingStatus', { groupId: ctx.sobot.chat.chatGroups[0].groupid })),
	'satisfaction.rateChat': async (ctx) =>
		await ctx.run('sobot', sobot('satisfaction', 'rateChat', {
			partnerId: ctx.sobot.chat.conversations.find((conversation) => conversation.partnerid !== '')?.partnerid ?? '',
			type: 1,
			score: 2,
			additionalFields: { solved: false, tag: 'Slow', remark: 'Waited too long', comment_type: 0 },
		})),
	'satisfaction.rateTicket': async (ctx) => {
		const [ticket] = ctx.sobot.seedTickets(1);
		return await ctx.run('sobot', sobot('satisfaction', 'rateTicket', { ticketId: ticket.ticketid, score: 4, additionalFields: { remark: 'Solved quickly' } }));
	},
	'satisfaction.getAgentStatistics': async (ctx) =>
		await ctx.run('sobot', sobot('satisfaction', 'getAgentStatistics', { startDate: '2024-07-15', endDate: '2024-07-17' })),
	'satisfaction.getBotStatistics': async (ctx) =>
		await ctx.run('sobot', sobot('satisfaction', 'getBotStatistics', { startDate: '2024-07-15', endDate: '2024-07-17' })),
	'statistics.getCustomerSessions': async (ctx) =>
		await ctx.run('sobot', sobot('statistics', 'getCustomerSessions', { startDate: '2024-07-15', endDate: '2024-07-17' })),
	'statistics.getAgentSessions': async (ctx) =>
		await ctx.run('sobot', sobot('statistics', 'getAgentSessions', { startDate: '2024-07-15', endDate: '2024-07-17' })),
	'statistics.getBotSessions': async (ctx) =>
		await ctx.run('sobot', sobot('statistics', 'getBotSessions', { startDate: '2024-07-15', endDate: '2024-07-17' })),
	'statistics.getMessages': async (ctx) =>
		await ctx.run('sobot', sobot('statistics', 'getMessages', { startDate: '2024-07-15', endDate: '2024-07-17' })),

	'ticket.createForCustomer': async (ctx) =>
		await ctx.run('sobot', sobot('ticket', 'createForCustomer', {
			userid: sobotCustomers(ctx).rich,
			ticket_title: 'Return request',
			ticket_content: 'The item does not work',
			ticketTypeId: TICKET_LEAF_TYPE,
			additionalFields: {
				user_tels: '13900000001',
				user_emails: 'li@example.com',
				partnerid: 'p-1001',
				ticket_from: 2,
				file_str: 'https://files.example.com/1.png, https://files.example.com/2.png',
				customFieldsJson: JSON.stringify([{ fieldid: TICKET_REASON_FIELD, field_value: '2' }]),
			},
		})),
	'ticket.createAsAgent': async (ctx) =>
		await ctx.run('sobot', sobot('ticket', 'createAsAgent', {
			userid: sobotCustomers(ctx).rich,
			ticket_title: 'Repair',
			ticket_content: 'The device does not start',
			ticketTypeId: TICKET_LEAF_TYPE,
			create_agentid: SOBOT_AGENT,
			additionalFields: {
				deal_agentid: SOBOT_OTHER_AGENT,
				deal_groupid: TICKET_GROUP,
				ticket_status: '1',
				ticket_level: '3',
				ticket_from: 2,
				user_tels: '13900000001',
				user_emails: 'li@example.com',
				partnerid: 'p-1001',
				file_str: 'https://files.example.com/1.png',
				customFieldsJson: JSON.stringify([{ fieldid: TICKET_REASON_FIELD, field_value: '1' }]),
				copyAgents: { person: [{ agent_name: 'Manager Wang', agent_mail: 'wang@example.com' }] },
			},
		})),
	'ticket.get': async (ctx) => {
		const worked = await workedSobotTicket(ctx, sobotCustomers(ctx).rich);
		const [fresh] = ctx.sobot.seedTickets(1);
		return await ctx.run('sobot', sobot('ticket', 'get', { ticketId: '={{ $json.id }}' }), [{ id: worked }, { id: fresh.ticketid }]);
	},
	'ticket.getMany': async (ctx) => {
		await workedSobotTicket(ctx, sobotCustomers(ctx).plain);
		ctx.sobot.seedTickets(5);
		return await ctx.run('sobot', sobot('ticket', 'getMany', { ...all, filters: {} }));
	},
	'ticket.getFailedPushes': async (ctx) => {
		const [plain, replied] = ctx.sobot.seedTickets(2, { lastCreated: Math.floor(Date.now() / 1000) - 600 });
		ctx.sobot.addTicketPushFailure(plain);
		ctx.sobot.addTicketPushFailure(replied, { reply_content: '已为您办理退货。', hope_complete_time: String(Math.floor(Date.now() / 1000) + 86_400), is_reminder: '1' });
		return await ctx.run('sobot', sobot('ticket', 'getFailedPushes', { ...all }));
	},
	'ticket.reply': async (ctx) => {
		const [ticket] = ctx.sobot.seedTickets(1, { overrides: { ticket_status: '1', ticket_level: '1' } });
		return await ctx.run('sobot', sobot('ticket', 'reply', {
			ticketId: ticket.ticketid,
			reply_content: 'Please send the item back',
			reply_type: '0',
			reply_agentid: SOBOT_AGENT,
			additionalFields: { reply_file_str: 'https://files.example.com/label.pdf', ticket_status: '2', ticket_level: '2' },
		}));
	},
	'ticket.update': async (ctx) => {
		const [ticket] = ctx.sobot.seedTickets(1, { overrides: { ticket_typeid: TICKET_LEAF_TYPE } });
		return await ctx.run('sobot', sobot('ticket', 'update', {
			ticketId: ticket.ticketid,
			reply_agentid: SOBOT_AGENT,
			updateFields: {
				ticket_status: '3',
				ticket_level: '2',
				deal_agentid: SOBOT_OTHER_AGENT,
				deal_groupid: TICKET_GROUP,
				reply_content: 'Solved by replacement',
				customFieldsJson: JSON.stringify([{ fieldid: TICKET_REASON_FIELD, field_value: '2' }]),
			},
		}));
	},
	'ticket.customerReply': async (ctx) => {
		const [ticket] = ctx.sobot.seedTickets(1);
		return await ctx.run('sobot', sobot('ticket', 'customerReply', {
			ticketId: ticket.ticketid,
			reply_content: 'Not received yet',
			additionalFields: { file_str: 'https://files.example.com/photo.jpg' },
		}));
	},
	'ticket.uploadAttachment': async (ctx) => await ctx.upload('invoice.pdf', 'application/pdf', '%PDF-1.4 invoice'),
};

// ---------------------------------------------------------------------------------------------
// Bangwo8

/** Contacts of the demo data with and without e-mail, position, QQ and note. */
function bangwo8Contacts(ctx: ScenarioContext): string[] {
	const users = [...ctx.bangwo8.users.values()];
	const rich = users.find((u) => u.email !== '' && u.position !== '' && u.QQ !== '') ?? users[0];
	const plain = users.find((u) => u.email === '' && u.position === '') ?? users[1];
	return [rich.cId, plain.cId];
}

const bangwo8Companies = (ctx: ScenarioContext): string[] => [...ctx.bangwo8.companies.keys()].slice(0, 3);
const bangwo8Groups = (ctx: ScenarioContext) => [...ctx.bangwo8.customerGroups.values()];

export const BANGWO8_SCENARIOS: Record<string, Scenario> = {
	'contact.create': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('contact', 'create', {
			name: 'Zhang Wei',
			additionalFields: {
				mobile: '13900000001',
				email: 'zhang@example.com',
				fixnumber: '010-88886666',
				position: 'Purchasing manager',
				QQ: 123456,
				note: 'VIP',
				companyId: bangwo8Companies(ctx)[0],
				service_groupid: '7',
				customFieldsUi: { customFieldValues: [{ key: 'field_2', value: '1' }] },
			},
		})),
	'contact.update': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('contact', 'update', {
			contactId: bangwo8Contacts(ctx)[1],
			updateFields: {
				name: 'Wang Fang',
				mobile: '13900000002',
				email: 'wang@example.com',
				fixnumber: '010-88886667',
				position: 'Buyer',
				QQ: 654321,
				note: 'Call after 10',
				companyId: bangwo8Companies(ctx)[1],
				customFieldsUi: { customFieldValues: [{ key: 'field_2', value: '0' }] },
			},
		})),
	'contact.get': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('contact', 'get', { contactId: '={{ $json.id }}' }), bangwo8Contacts(ctx).map((id) => ({ id }))),
	'contact.getByIds': async (ctx) => await ctx.run('bangwo8', bangwo8('contact', 'getByIds', { ids: bangwo8Contacts(ctx).join(',') })),
	'contact.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('contact', 'getMany', { ...all, filters: {} })),
	'contact.search': async (ctx) => await ctx.run('bangwo8', bangwo8('contact', 'search', { query: '139', ...all, filters: {} })),
	'contact.delete': async (ctx) => {
		const user = ctx.bangwo8.addUser({ name: 'Temporary' });
		return await ctx.run('bangwo8', bangwo8('contact', 'delete', { contactId: user.cId }));
	},
	'contact.deleteMany': async (ctx) => {
		const ids = [ctx.bangwo8.addUser({ name: 'Temporary 1' }).cId, ctx.bangwo8.addUser({ name: 'Temporary 2' }).cId];
		return await ctx.run('bangwo8', bangwo8('contact', 'deleteMany', { ids: ids.join(',') }));
	},

	'company.create': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('company', 'create', {
			companyName: 'Qianhai Data Co., Ltd.',
			additionalFields: {
				province: '广东',
				city: '深圳',
				address: '1 Science Road, Shenzhen',
				serveNote: 'Annual service',
				service_groupid: 12,
				customFieldsUi: { customFieldValues: [{ key: 'field_1', value: 'A' }] },
			},
		})),
	'company.update': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('company', 'update', {
			companyId: bangwo8Companies(ctx)[0],
			updateFields: { companyName: 'Xixi Networks', province: '浙江', city: '杭州', address: '2 Lake Road', serveNote: 'Renewed', service_groupid: 12 },
		})),
	'company.get': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('company', 'get', { companyId: '={{ $json.id }}' }), bangwo8Companies(ctx).map((id) => ({ id }))),
	'company.getByIds': async (ctx) => await ctx.run('bangwo8', bangwo8('company', 'getByIds', { ids: bangwo8Companies(ctx).join(',') })),
	'company.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('company', 'getMany', { ...all, filters: {} })),
	'company.search': async (ctx) => await ctx.run('bangwo8', bangwo8('company', 'search', { query: '有限公司', ...all, filters: {} })),
	'company.getContacts': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('company', 'getContacts', { companyId: bangwo8Companies(ctx)[0], ...all, filters: {} })),
	'company.delete': async (ctx) => {
		const company = ctx.bangwo8.addCompany({ companyName: 'Temporary' });
		return await ctx.run('bangwo8', bangwo8('company', 'delete', { companyId: company.uId }));
	},

	'customerGroup.create': async (ctx) => await ctx.run('bangwo8', bangwo8('customerGroup', 'create', { groupName: 'VIP customers', type: '2' })),
	'customerGroup.update': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('customerGroup', 'update', {
			customerGroupId: bangwo8Groups(ctx)[0].groupId,
			updateFields: { groupName: 'Key accounts', type: bangwo8Groups(ctx)[0].type },
		})),
	'customerGroup.get': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('customerGroup', 'get', { customerGroupId: '={{ $json.id }}' }), bangwo8Groups(ctx).map((g) => ({ id: g.groupId }))),
	'customerGroup.getByIds': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('customerGroup', 'getByIds', { ids: bangwo8Groups(ctx).map((g) => g.groupId).join(',') })),
	'customerGroup.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('customerGroup', 'getMany', all)),
	// A group holds companies (type 1) or contacts (type 2): the schema covers both.
	'customerGroup.getCustomers': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('customerGroup', 'getCustomers', { customerGroupId: '={{ $json.id }}', ...all }), [
			{ id: bangwo8Groups(ctx).find((g) => g.type === '1')!.groupId },
			{ id: bangwo8Groups(ctx).find((g) => g.type === '2')!.groupId },
		]),
	'customerGroup.delete': async (ctx) => {
		const group = ctx.bangwo8.addCustomerGroup({ groupName: 'Temporary' });
		return await ctx.run('bangwo8', bangwo8('customerGroup', 'delete', { customerGroupId: group.groupId }));
	},

	'contactField.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('contactField', 'getMany', all)),

	'ticket.create': async (ctx) => {
		const agents = [...ctx.bangwo8.agents.values()];
		return await ctx.run('bangwo8', bangwo8('ticket', 'create', {
			subject: 'Product question',
			replyMsg: 'Hello, I have a question about the printer',
			additionalFields: {
				descript: 'Phone call',
				ticketStatus: 2,
				priorityLevel: 3,
				ticketType: 3,
				ticketSource: 2,
				ticketTemplateId: '4',
				custUserId: bangwo8Contacts(ctx)[0],
				servicerUserId: agents[0].sId,
				servicerGroupId: '12',
				ccUserIdList: [agents[0].sId, agents[1].sId],
				ccGroupIdList: '12,13',
				tagList: 'vip,printer',
				customFieldsUi: { customFieldValues: [{ key: 'field_3', value: 'X-100' }, { key: 'field_5', value: 'Beijing' }] },
			},
		}));
	},
	'ticket.update': async (ctx) => {
		const [ticket] = [...ctx.bangwo8.tickets.values()];
		const agents = [...ctx.bangwo8.agents.values()];
		return await ctx.run('bangwo8', bangwo8('ticket', 'update', {
			ticketId: ticket.ticketId,
			updateFields: { ticketStatus: 4, priorityLevel: 1, servicerUserId: agents[1].sId, descript: 'Solved', replyMsg: 'Fixed, thank you' },
		}));
	},
	'ticket.get': async (ctx) => {
		const [created] = await BANGWO8_SCENARIOS['ticket.create'](ctx);
		const [seeded] = [...ctx.bangwo8.tickets.values()];
		return await ctx.run('bangwo8', bangwo8('ticket', 'get', { ticketId: '={{ $json.id }}' }), [{ id: String(created.id) }, { id: seeded.ticketId }]);
	},
	'ticket.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('ticket', 'getMany', { ...all, filters: {} })),
	'ticket.getByContact': async (ctx) => {
		const [ticket] = [...ctx.bangwo8.tickets.values()];
		return await ctx.run('bangwo8', bangwo8('ticket', 'getByContact', { contactId: ticket.custUserId, ...all }));
	},
	'ticket.getByCompany': async (ctx) => {
		const ticket = [...ctx.bangwo8.tickets.values()].find((t) => t.companyId !== '0')!;
		return await ctx.run('bangwo8', bangwo8('ticket', 'getByCompany', { companyId: ticket.companyId, ...all }));
	},

	'agent.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('agent', 'getMany', all)),
	'agent.get': async (ctx) =>
		await ctx.run('bangwo8', bangwo8('agent', 'get', { agentId: '={{ $json.id }}' }), [...ctx.bangwo8.agents.keys()].map((id) => ({ id }))),

	'chat.getMany': async (ctx) => await ctx.run('bangwo8', bangwo8('chat', 'getMany', { ...all, filters: {} })),
	// Rated and unrated chats, with the day (rating, agent, figures) and without (messages alone).
	'chat.get': async (ctx) =>
		await ctx.run(
			'bangwo8',
			bangwo8('chat', 'get', { chatId: '={{ $json.id }}', options: { startedOn: '={{ $json.day }}' } }),
			[...ctx.bangwo8.chats.values()].slice(0, 4).map((chat, index) => ({ id: chat.r_id, day: index < 3 ? chat.start_time : '' })),
		),
};

export const SCENARIOS: Record<NodeKey, Record<string, Scenario>> = { sobot: SOBOT_SCENARIOS, bangwo8: BANGWO8_SCENARIOS };

// ---------------------------------------------------------------------------------------------
// Running them

const BINARY_NODE = 'test.binary';

/** Start node emitting one item with a binary property `data` (from its parameters). */
const binaryNodeType: INodeType = {
	description: {
		displayName: 'Test Binary',
		name: 'binary',
		group: ['input'],
		version: 1,
		description: 'Outputs one item with a file',
		defaults: { name: 'File' },
		inputs: [],
		outputs: ['main'],
		properties: [
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
			{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '' },
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
		],
	},
	async execute() {
		const fileName = this.getNodeParameter('fileName', 0) as string;
		const item: INodeExecutionData = {
			json: {},
			binary: {
				data: {
					data: Buffer.from(this.getNodeParameter('content', 0) as string, 'utf8').toString('base64'),
					mimeType: this.getNodeParameter('mimeType', 0) as string,
					fileName,
					fileExtension: fileName.split('.').pop(),
				},
			},
		};
		return [[item]];
	},
};

/**
 * Starts both fakes with the sandbox's demo data, runs every scenario of both nodes in table
 * order, stops the fakes, and returns the output items by `node:resource.operation`.
 */
/** Runs every scenario with the action nodes at `typeVersion` (each version's defaults shape the output). */
export async function runScenarios(typeVersion: number): Promise<Map<string, IDataObject[]>> {
	const fakes = { sobot: new FakeSobot(), bangwo8: new FakeBangwo8() };
	await fakes.sobot.start();
	await fakes.bangwo8.start();
	try {
		seedDemoData(fakes);
		const store = new CredentialStore();
		const credentials: Record<NodeKey, Record<string, CredentialRef>> = {
			sobot: { sobotApi: addSobotCredential(store, fakes.sobot) },
			bangwo8: { bangwo8BasicAuthApi: addBangwo8BasicCredential(store, fakes.bangwo8) },
		};
		const engine = new Engine({
			nodeTypes: { [SOBOT_NODE]: new Sobot(), [BANGWO8_NODE]: new Bangwo8(), [BINARY_NODE]: binaryNodeType },
			credentialTypes: [new SobotApi(), new Bangwo8BasicAuthApi()],
			credentials: store,
		});
		const describe = (parameters: INodeParameters) => `${String(parameters.resource)}.${String(parameters.operation)}`;
		const ctx: ScenarioContext = {
			...fakes,
			async run(node, parameters, items) {
				const full = node === 'bangwo8' ? { authentication: 'basicAuth', ...parameters } : parameters;
				const result = await engine.runNode({
					type: node === 'sobot' ? SOBOT_NODE : BANGWO8_NODE,
					parameters: full,
					credentials: credentials[node],
					items,
					typeVersion,
				});
				if (result.error) throw new Error(`${node} ${describe(parameters)} failed: ${result.error.message}`);
				return result.items.map((item) => item.json);
			},
			async upload(fileName, mimeType, content) {
				const result = await engine.run(
					{
						nodes: [
							{ id: 'f', name: 'File', type: BINARY_NODE, typeVersion: 1, position: [0, 0], parameters: { fileName, mimeType, content } },
							{
								id: 's',
								name: 'Sobot',
								type: SOBOT_NODE,
								typeVersion,
								position: [200, 0],
								parameters: { resource: 'ticket', operation: 'uploadAttachment', binaryPropertyName: 'data' },
								credentials: credentials.sobot as never,
							},
						],
						connections: { File: { main: [[{ node: 'Sobot', type: 'main', index: 0 }]] } },
					},
					{ startNode: 'File' },
				);
				if (result.error) throw new Error(`sobot ticket.uploadAttachment failed: ${result.error.message}`);
				return result.output('Sobot', 0).map((item) => item.json);
			},
		};
		const outputs = new Map<string, IDataObject[]>();
		for (const node of ['sobot', 'bangwo8'] as const) {
			for (const [operation, scenario] of Object.entries(SCENARIOS[node])) {
				const items = await scenario(ctx);
				if (items.length === 0) throw new Error(`${node} ${operation}: the scenario produced no output items`);
				outputs.set(`${node}:${operation}`, items);
			}
		}
		return outputs;
	} finally {
		await fakes.sobot.stop();
		await fakes.bangwo8.stop();
	}
}
