/**
 * Shared set-up for the Sobot Event Trigger tests: the node in n8n-core's real WebhookContext
 * (engine harness), its credentials, and pushes in the shapes BEYOND-TICKETS §1.2 documents or
 * guesses, with Chinese names and several-message chats.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SobotPushSignatureApi } from '../../credentials/SobotPushSignatureApi.credentials';
import { SobotTriggerBasicAuthApi } from '../../credentials/SobotTriggerBasicAuthApi.credentials';
import { SobotTriggerHeaderAuthApi } from '../../credentials/SobotTriggerHeaderAuthApi.credentials';
import { PushMemories } from '../../nodes/SobotEventTrigger/memory';
import { SobotEventTrigger } from '../../nodes/SobotEventTrigger/SobotEventTrigger.node';
import { CredentialStore, Engine, type CredentialRef, type WebhookRequest, type WebhookResult } from '../harness/engine';

export const EVENT_TRIGGER = 'n8n-nodes-bangwo8-sobot.sobotEventTrigger';
export const ACK = { ret_code: '000000', ret_msg: 'success' };
export const COMPANY_ID = 'e93d39fe311b4cf2a6ccd69cafaf256f';
export const FORWARDING_KEY = 'k3y-from-the-account-manager';

export function makeEnv() {
	const store = new CredentialStore();
	const signature = store.add('sobotPushSignatureApi', { companyId: COMPANY_ID, forwardingSecret: FORWARDING_KEY });
	const memories = new PushMemories();
	const engine = new Engine({
		nodeTypes: { [EVENT_TRIGGER]: new SobotEventTrigger(memories) },
		credentialTypes: [new SobotPushSignatureApi(), new SobotTriggerHeaderAuthApi(), new SobotTriggerBasicAuthApi()],
		credentials: store,
	});
	return { engine, store, signature, memories };
}

/** The headers Sobot signs a push with, computed here independently of the node. */
export function signedHeaders(
	{ timestamp = Date.now(), randomCode = String(100 + Math.floor(Math.random() * 900)), companyId = COMPANY_ID, key = FORWARDING_KEY } = {},
): Record<string, string> {
	const sign = createHash('md5').update(`${companyId}${timestamp}${randomCode}${key}`).digest('hex');
	return { 'X-Log-TimeStamp': String(timestamp), 'X-Log-RandomCode': randomCode, 'X-Log-Sign': sign };
}

export interface PushOptions {
	parameters?: INodeParameters;
	credentials?: Record<string, CredentialRef>;
	headers?: Record<string, string>;
	request?: Partial<WebhookRequest>;
	mode?: 'webhook' | 'manual';
}

export async function push(engine: Engine, signature: CredentialRef, body: unknown, options: PushOptions = {}): Promise<WebhookResult> {
	return await engine.webhook({
		type: EVENT_TRIGGER,
		parameters: { authentication: 'signature', simplify: false, ...options.parameters },
		credentials: options.credentials ?? { sobotPushSignatureApi: signature },
		mode: options.mode,
		request: {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(options.headers ?? signedHeaders()) },
			body,
			...options.request,
		},
	});
}

export function emitted(result: WebhookResult): IDataObject[] {
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

// ------------------------------------------------------------------------------- records

/** A pushed ticket with the fields of query_ticket_push_fail_infos (§1.2 c). */
export function pushedTicket(overrides: IDataObject = {}): IDataObject {
	return {
		ticketid: '7c1f3e1d2a8b4c9e9f0a1b2c3d4e5f60',
		companyid: COMPANY_ID,
		ticket_title: '退货申请：订单 20240715001',
		ticket_content: '客户收到的商品有破损，要求退货。',
		ticket_code: '20240715000123',
		ticket_from: '4',
		ticket_level: '2',
		ticket_status: '1',
		ticket_type_name: '售后/退换货/退货',
		deal_agentid: 'aa9e36822c6e447596fb4c231a5f6a32',
		deal_agent_name: '刘丹',
		deal_groupid: 'g100',
		deal_group_name: '售后组',
		reply_content: '',
		update_datetime: '1721030400',
		update_agent_name: '刘丹',
		userid: 'c9187ee3eb184ea7b297002e1066641d',
		user_nick: '王小明',
		user_name: '王明',
		user_tels: '13800138000',
		user_emails: 'wangming@example.cn',
		recordid: '',
		file_str: '',
		voice_url: '',
		hope_accept_time: '',
		hope_complete_time: '1721116800',
		is_reminder: '0',
		reminder_agentid: '',
		reminder_agent_name: '',
		reminder_remark: '',
		reminder_time: '',
		partnerid: '',
		extend_fields_list: [{ fieldid: 'f1', field_name: '订单号', field_type: 1, field_text: '20240715001', field_value: '20240715001' }],
		...overrides,
	};
}

/** S-PY's consumer reads create_time / update_time and enterprise_name. */
export const createdTicket = pushedTicket({ create_time: '1721030400', update_time: '1721030400', enterprise_name: '智齿科技' });

/** A forwarded online chat message (§1.2 a: content {companyid, cid, source, …}; the rest guessed from the transcript, §1.1). */
export function chatMessage(index: number, overrides: IDataObject = {}): IDataObject {
	const lines = ['您好，我的快递三天了还没到。', '您好，请提供一下订单号，我帮您查询。', '订单号是 20240715001。', '已为您催促快递，预计明天送达。'];
	const fromCustomer = index % 2 === 0;
	return {
		companyid: COMPANY_ID,
		cid: 'cid-5f2a9c',
		source: 1,
		sender_name: fromCustomer ? '王小明' : '刘丹',
		sender_type: fromCustomer ? 0 : 2,
		receiver_name: fromCustomer ? '刘丹' : '王小明',
		msg: lines[index % lines.length],
		msg_type: 0,
		t: 1721030400000 + index * 15_000,
		...overrides,
	};
}

/** Message Push, offline message (§1.2 b). */
export const offlineMessage: IDataObject = {
	type: 202,
	partnerId: 'shop-user-889',
	msgId: 'm-20240715-0001',
	content: '您的退货已受理，请留意短信通知。',
	msgType: 'text',
	aname: '刘丹',
	aface: 'https://img.sobot.com/face/liudan.png',
	params: '',
};

/** Message Push, customer unread message (§1.2 b). */
export const unreadMessage: IDataObject = {
	sysNum: COMPANY_ID,
	createChatTime: 1721030400000,
	channelFlag: 'h5',
	appName: '商城H5',
	aid: 'aa9e36822c6e447596fb4c231a5f6a32',
	ts: 1721030460000,
	cid: 'cid-5f2a9c',
	uid: 'u-7788',
	msgType: 'text',
	content: '请问有人在吗？',
};

/** Message Push, merchant chat-list message (§1.2 b). */
export const chatListMessage: IDataObject = {
	sysNum: COMPANY_ID,
	visitorId: 'v-3344',
	partnerId: 'shop-user-889',
	lastCid: 'cid-5f2a9c',
	lastMsgContent: '谢谢，问题解决了！',
	lastMsgTime: 1721030520000,
	lastMsgType: 0,
};
