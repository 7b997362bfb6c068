/**
 * Shared set-up for the Sobot Trigger tests: the node in n8n-core's real WebhookContext (via the
 * engine harness), its two protection credential types, and CRM pushes copied from seed 002 §4.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SobotTriggerBasicAuthApi } from '../../credentials/SobotTriggerBasicAuthApi.credentials';
import { SobotTriggerHeaderAuthApi } from '../../credentials/SobotTriggerHeaderAuthApi.credentials';
import { SobotTrigger } from '../../nodes/SobotTrigger/SobotTrigger.node';
import { CredentialStore, Engine, type CredentialRef, type WebhookRequest, type WebhookResult } from '../harness/engine';

export const TRIGGER_TYPE = 'n8n-nodes-bangwo8-sobot.sobotTrigger';

export const ACK = { ret_code: '000000', ret_msg: 'success' };

export function makeEngine(store = new CredentialStore()): Engine {
	return new Engine({
		nodeTypes: { [TRIGGER_TYPE]: new SobotTrigger() },
		credentialTypes: [new SobotTriggerHeaderAuthApi(), new SobotTriggerBasicAuthApi()],
		credentials: store,
	});
}

export interface PushOptions {
	parameters?: INodeParameters;
	credentials?: Record<string, CredentialRef>;
	/** Overrides of the request; by default a JSON POST of `body`. */
	request?: Partial<WebhookRequest>;
	mode?: 'webhook' | 'manual';
}

/** POSTs `body` to the trigger as Sobot would (JSON) and returns what the node answered and emitted. */
export async function push(engine: Engine, body: unknown, options: PushOptions = {}): Promise<WebhookResult> {
	return await engine.webhook({
		type: TRIGGER_TYPE,
		parameters: { authentication: 'none', events: ['customerMerged', 'customerSaved'], ...options.parameters },
		credentials: options.credentials,
		mode: options.mode,
		request: {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			...options.request,
		},
	});
}

/** The items a push started the workflow with ([] when it started nothing). */
export function emitted(result: WebhookResult): IDataObject[] {
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

/** Seed 002 §4.1 "新增客户" example entry (msg_type "0", extend_field_values "", wx_build_unionId). */
export const NEW_CUSTOMER: IDataObject = {
	area_name: '',
	liable_agentid: 'aa9e36822c6e447596fb4c231a5f6a32',
	update_id: 'aa9e36822c6e447596fb4c231a5f6a32',
	biz_operatorid: '',
	update_datetime: '1631821183',
	create_type: '1',
	user_emails: '',
	crm_status: '3',
	userid: 'c9187ee3eb184ea7b297002e1066641d',
	update_name: '刘丹',
	user_tels: '',
	delete_reason: '',
	companyid: 'e93d39fe311b4cf2a6ccd69cafaf256f',
	datetime: '1631821183',
	create_id: 'aa9e36822c6e447596fb4c231a5f6a32',
	stage_name: '',
	black_reason: '',
	qq: '',
	update_type: '',
	black_type: '',
	liable_agent_name: '刘丹',
	province_name: '',
	msg_type: '0',
	group_chat_name: '',
	biz_operator_type: '',
	status: '8',
	unionid: 'wmexjPBgAACq0AVd5XHNCNyDfT5ZGRVw',
	user_name: '',
	remark: '',
	is_black: '',
	city_name: '',
	liable_department_name: '总公司',
	create_datetime: '1631821183',
	wx_build_unionId: '',
	helper_agentid: '',
	user_status: '',
	wx: '',
	helper_agent_name: '',
	stage_type: '',
	user_label: '',
	sex: '0',
	bizid_type: '',
	biz_operator_name: '',
	user_nick: 'sobot',
	extend_field_values: '',
	qywx_friends_name: '刘丹',
	bizid: '',
	user_level: '',
	black_endtime: '',
	stageid: '',
	create_name: '刘丹',
};

/** Seed 002 §4.2 "更新客户" example entry (extend_field_values as a list). */
export const UPDATED_CUSTOMER: IDataObject = {
	area_name: '',
	liable_agentid: '',
	update_id: '382e70947e274f7ab0380de27e104c29',
	biz_operatorid: '',
	update_datetime: '1614222756',
	create_type: '1',
	user_emails: '17789890000@qq.com',
	crm_status: '2',
	userid: 'e5708e9626514ddb9b4f02f7e5fe659b',
	update_name: '刘丹测试',
	user_tels: '17789890000',
	delete_reason: '',
	companyid: '36551b8f301c43c3b2ac271ecc8ac9d9',
	datetime: '1614222756',
	create_id: '382e70947e274f7ab0380de27e104c29',
	stage_name: '',
	black_reason: '',
	qq: '13344445555',
	update_type: '1',
	black_type: '',
	liable_agent_name: '',
	province_name: '',
	msg_type: '0',
	group_chat_name: '',
	biz_operator_type: '',
	status: '8',
	unionid: '',
	wx_build_unionId: '',
	user_name: '李四',
	remark: '客户咨询',
	is_black: '',
	city_name: '秦皇岛市',
	liable_department_name: '',
	create_datetime: '1614222756',
	helper_agentid: '',
	user_status: '',
	wx: 'test_sobot',
	helper_agent_name: '',
	stage_type: '',
	user_label: '',
	sex: '2',
	bizid_type: '',
	biz_operator_name: '',
	user_nick: '李小姐',
	extend_field_values: [
		{ field_value: '钓鱼', field_type: '1', fieldid: '62deb0e13ddc4d67ad3ecfd505e42964' },
		{ field_value: '1980-11-27', field_type: '3', fieldid: 'ecc35bf9e94e482b9ffe839be6d221a5' },
	],
	qywx_friends_name: '',
	bizid: '',
	user_level: '8f3ccf868e3e425abe364686a7dd6803',
	black_endtime: '',
	stageid: '',
	create_name: '刘丹测试',
};

/** Seed 002 §4.3 "合并客户" example entry (numbers, not strings). */
export const MERGED_CUSTOMER: IDataObject = {
	companyid: '36551b8f301c43c3b2ac271ecc8ac9d9',
	datetime: 1614222177,
	biz_operatorid: '382e70947e274f7ab0380de27e104c29',
	msg_type: 1,
	biz_operator_name: '刘丹测试',
	userid: '6c8e6562d1e448b397e6b7a046673423',
	merged_userid: '6c8e6562d1e448b397e6b7a046673423',
};

export function crmPush(content: unknown): IDataObject {
	return { sys_code: '50', type: 'crm', content: content as IDataObject[] };
}
