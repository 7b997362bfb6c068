/**
 * The sandbox of `npm run dev` (scripts/dev.ts), also used by test/e2e/examples.e2e.ts so the
 * e2e suite runs the examples against exactly the data the sandbox shows:
 *  - the fake Sobot and Bangwo8 servers (test/fakes) with demo data,
 *  - credentials for them in a running n8n,
 *  - the example workflows of examples/ bound to those credentials.
 * Node built-ins and the fakes only; runs under the project's TypeScript hook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { FakeBangwo8 } from '../test/fakes/bangwo8';
import { FakeSobot } from '../test/fakes/sobot';
import type { Credential, N8n, WorkflowInput, WorkflowNode } from '../test/e2e/n8n';

export const EXAMPLES_DIR = resolve(__dirname, '..', 'examples');

/** The fixed ids the example workflows refer to (stage and agent are the fake's presets). */
export const SANDBOX = {
	sobot: { appId: 'sandbox-app', appKey: 'sandbox-app-key' },
	bangwo8: { account: 'sandbox', password: 'sandbox-password', clientId: 'sandbox-secret-id', clientSecret: 'sandbox-secret' },
	labelGroupId: 'a0c1d2e3f4a5b6c7d8e9f0a1b2c3d400',
	labels: {
		newCustomer: 'a0c1d2e3f4a5b6c7d8e9f0a1b2c3d401',
		vip: 'a0c1d2e3f4a5b6c7d8e9f0a1b2c3d402',
		followUp: 'a0c1d2e3f4a5b6c7d8e9f0a1b2c3d403',
	},
	/** 初步沟通, the first follow-up stage of the fake. */
	stageId: '15d6506f836c4340b7b36fb94bdedf31',
	/** SCRM测试, an agent of the fake. */
	agentId: 'f1b8dfc486bd42508edbc80e5c9fd8e9',
	/** The Secret of the Sobot Trigger in the examples (a placeholder users must replace). */
	triggerSecret: 'replace-with-a-long-random-secret',
} as const;

export interface SandboxFakes {
	sobot: FakeSobot;
	bangwo8: FakeBangwo8;
	stop(): Promise<void>;
}

/** Starts both fakes on free ports of 127.0.0.1 (or the given ones are ignored: the fakes pick). */
export async function startSandboxFakes(): Promise<SandboxFakes> {
	const sobot = new FakeSobot(SANDBOX.sobot);
	const bangwo8 = new FakeBangwo8(SANDBOX.bangwo8);
	await sobot.start();
	await bangwo8.start();
	return {
		sobot,
		bangwo8,
		async stop() {
			await sobot.stop();
			await bangwo8.stop();
		},
	};
}

/** What seedDemoData put in the fakes, for the summary. */
export interface DemoCounts {
	sobot: Record<string, number>;
	bangwo8: Record<string, number>;
}

/**
 * Demo data: Sobot label groups and labels (one group with the fixed ids above), 60 customers
 * over the last 2.5 days (stages, agents, regions, custom fields set on some); Bangwo8 agents,
 * 8 companies, 40 contacts and 15 tickets over the last 10 days (the newest changed today), 12
 * chats over the last 2 days (transcripts, ratings),
 * 3 customer groups with members. Stages, sources, agents, regions and custom fields of Sobot and
 * the contact fields and ticket templates of Bangwo8 are the fakes' presets.
 */
export function seedDemoData({ sobot, bangwo8 }: { sobot: FakeSobot; bangwo8: FakeBangwo8 }): DemoCounts {
	sobot.addLabelGroup({ id: SANDBOX.labelGroupId, name: 'n8n demo', color_value: '#FF6D5A' });
	sobot.addLabel({ id: SANDBOX.labels.newCustomer, groupid: SANDBOX.labelGroupId, name: 'New customer' });
	sobot.addLabel({ id: SANDBOX.labels.vip, groupid: SANDBOX.labelGroupId, name: 'VIP' });
	sobot.addLabel({ id: SANDBOX.labels.followUp, groupid: SANDBOX.labelGroupId, name: 'Call back' });
	sobot.seedLabelGroups(2, 3);
	const nowSec = Math.floor(Date.now() / 1000);
	sobot.seedCustomers(60, { startTime: nowSec - 60 * 3600, stepSeconds: 3600 });

	for (const name of ['王小明', '李晓红', 'Support Bot']) bangwo8.addAgent({ name });
	const hour = 3600 * 1000;
	bangwo8.seedCompanies(8, { createdAt: Date.now() - 240 * hour, stepSeconds: 12 * 3600 });
	bangwo8.seedUsers(40, { createdAt: Date.now() - 240 * hour, stepSeconds: 6 * 3600 });
	const groups = bangwo8.seedCustomerGroups(3);
	const users = [...bangwo8.users.keys()];
	const companies = [...bangwo8.companies.keys()];
	for (const [i, g] of groups.entries()) {
		const members = g.type === '1' ? companies : users;
		bangwo8.addCustomerGroupMembers(g.groupId, members.filter((_, k) => k % groups.length === i));
	}
	bangwo8.seedTickets(15, { createdAt: Date.now() - 200 * hour, stepSeconds: 12 * 3600 });
	// Online chats of the last two days with transcripts and ratings (Bangwo8 → Chat, the Bangwo8 Trigger's chat events).
	bangwo8.seedChats(12, { createdAt: Date.now() - 48 * hour, stepSeconds: 4 * 3600 });
	// Sobot tickets whose push failed (Sobot → Ticket → Get Failed Pushes, the Sobot Ticket Trigger's Ticket Push Failed).
	const failed = sobot.seedTickets(3, { lastCreated: nowSec - 2 * 3600, stepSeconds: 1800 });
	sobot.addTicketPushFailure(failed[0]);
	sobot.addTicketPushFailure(failed[1], { reply_content: '您好，退货已受理，快递员明天上门取件。' });
	sobot.touchTicket(failed[2], nowSec - 600, { ticket_status: '3' });
	sobot.addTicketPushFailure(failed[2]);
	// Customer centre (issue 23): contacts that tickets and chats belong to, one with custom fields.
	sobot.customerCentre.seedContacts(25);
	sobot.customerCentre.addContact({
		user_nick: '娜娜', user_name: '李娜', user_tels: '13800138000', user_emails: 'li.na@example.cn', user_level: 1, partnerid: 'shop-user-10086',
		enterpriseid: 'e7000000000000000000000000000001', enterprise_name: '上海云帆科技有限公司',
		extend_fields: [{ fieldid: 'f6000000000000000000000000000001', field_value: '2' }],
	});
	// Online chat (issue 23): the fake's presets (王小明's three conversations and 李娜's, July 2024,
	// with summaries and offline messages) plus two of today for Conversation, Satisfaction and Statistic.
	sobot.chat.addConversation({
		nick: '阿强', realName: '张强', start: (nowSec - 5400) * 1000, agentName: '安康',
		lines: [[0, '会员积分怎么兑换？'], [1, '您可以在“我的-积分商城”兑换'], [0, '找不到入口'], [2, '您好，我是安康，已把兑换链接发给您'], [0, '收到，谢谢']],
	});
	sobot.chat.addConversation({
		visitorid: 'c9e3a2b7d4f05e6ab18c3d4e5f6a7b82', partnerid: 'shop-user-20077', nick: '小芳', realName: '陈芳', start: (nowSec - 1800) * 1000, agentName: 'SCRM测试',
		lines: [[0, '订单一直没发货'], [2, '抱歉，仓库延误，今天发出'], [0, '已经第三次了，很失望']],
	});
	return {
		sobot: {
			customers: sobot.customers.size,
			conversations: sobot.chat.conversations.length,
			contacts: sobot.customerCentre.contacts.size,
			labelGroups: sobot.labelGroups.size,
			labels: sobot.labels.size,
			stages: sobot.stages.length,
			agents: sobot.agents.length,
			customFields: sobot.customFields.length,
			provinces: sobot.provinces.length,
		},
		bangwo8: {
			contacts: bangwo8.users.size,
			companies: bangwo8.companies.size,
			customerGroups: bangwo8.customerGroups.size,
			tickets: bangwo8.tickets.size,
			chats: bangwo8.chats.size,
			agents: bangwo8.agents.size,
			contactFields: bangwo8.userFields.length,
		},
	};
}

export type SandboxCredentials = Record<'sobotApi' | 'bangwo8OAuth2Api' | 'bangwo8BasicAuthApi', Credential>;

/** Creates the three credentials against the fakes (named "… (sandbox)"). */
export async function createSandboxCredentials(n8n: N8n, { sobot, bangwo8 }: { sobot: FakeSobot; bangwo8: FakeBangwo8 }): Promise<SandboxCredentials> {
	const baseUrl = `${bangwo8.origin}/api/v1`;
	return {
		sobotApi: await n8n.createCredential({
			name: 'Sobot (sandbox)',
			type: 'sobotApi',
			data: { dataCenter: 'custom', customUrl: sobot.origin, appId: sobot.appId, appSecretKey: sobot.appKey },
		}),
		bangwo8OAuth2Api: await n8n.createCredential({
			name: 'Bangwo8 OAuth2 (sandbox)',
			type: 'bangwo8OAuth2Api',
			data: { baseUrl, clientId: bangwo8.clientId, clientSecret: bangwo8.clientSecret },
		}),
		bangwo8BasicAuthApi: await n8n.createCredential({
			name: 'Bangwo8 Basic Auth (sandbox)',
			type: 'bangwo8BasicAuthApi',
			data: { baseUrl, account: bangwo8.account, password: bangwo8.password },
		}),
	};
}

export interface Example {
	file: string;
	workflow: WorkflowInput;
}

/** The example workflows, as their files hold them (sorted by file name). */
export function loadExamples(dir = EXAMPLES_DIR): Example[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowInput }));
}

/** A copy of the workflow whose nodes use the given credentials (matched by credential type). */
export function bindCredentials(workflow: WorkflowInput, credentials: Partial<Record<string, Credential>>): WorkflowInput {
	const nodes = workflow.nodes.map((node): WorkflowNode => {
		if (!node.credentials) return node;
		const bound = Object.fromEntries(
			Object.entries(node.credentials).map(([type, ref]) => {
				const c = credentials[type];
				return [type, c ? { id: c.id, name: c.name } : ref];
			}),
		);
		return { ...node, credentials: bound };
	});
	return { ...workflow, nodes };
}

/** The production path of a Sobot Trigger in a workflow: `<webhookId>/webhook`. */
export function sobotTriggerPath(workflow: WorkflowInput): string {
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.sobotTrigger'));
	if (!trigger?.webhookId) throw new Error(`${workflow.name} has no Sobot Trigger with a webhookId`);
	return `${trigger.webhookId}/webhook`;
}

/** A CRM push (seed section 4 shape, values as strings) of one saved customer. */
export function crmPushOf(customer: { id: string; uname: string; nick: string; tel: string; email: string }) {
	return {
		sys_code: '50',
		type: 'crm',
		content: [
			{
				msg_type: '0',
				userid: customer.id,
				user_name: customer.uname,
				user_nick: customer.nick,
				user_tels: customer.tel,
				user_emails: customer.email,
				crm_status: '1',
				status: '8',
				create_datetime: String(Math.floor(Date.now() / 1000)),
				update_datetime: String(Math.floor(Date.now() / 1000)),
			},
		],
	};
}
