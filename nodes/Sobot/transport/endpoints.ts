import type { IHttpRequestMethods } from 'n8n-workflow';

import type { RetryPolicy } from '../../shared/http';

export interface SobotEndpoint {
	method: IHttpRequestMethods;
	/** Path below the data centre's host; `{name}` marks a path parameter. */
	path: string;
	/**
	 * What may be re-sent after a failure (see `RetryPolicy`). Sobot has no idempotency key, so
	 * every write is `never` — including the removes, which are GETs: a remove re-sent after a lost
	 * answer would come back as "label no longer exists". Reads are `safe`, the POST ones too.
	 */
	retry: RetryPolicy;
	/** The largest page a paged list accepts, when it is not the usual 100 (see `SOBOT_MAX_PAGE_SIZE`). */
	maxPageSize?: number;
	/**
	 * For a paged list: the field that identifies its records (seed: 主键 / id), by which a record
	 * repeated on a later page while the list shifted is kept once (`collectPages`). A list
	 * without it keeps every record.
	 */
	idField?: string;
}

const SCRM = '/api/scrm/5';
/**
 * Ticket centre (工单中心). Not in the seeds: paths from VENDOR-NOTES ("Beyond the seeds"),
 * confirmed by three public SDKs; `query_tickets_by_update_time` by one only (the trigger falls
 * back when it answers 404). Field names are listed in nodes/Sobot/actions/ticket/common.ts.
 */
const TICKET = '/api/ws/5/ticket';
/** Online chat (在线客服 API, BEYOND-TICKETS §1.1): S-PHP's paths; see the ASSUMPTION at its entries. */
const CHAT = '/api/chat/5/user';
/** Online data and statistics (在线统计, §1.4). */
const DATA = '/api/wb/5/data';
/** Customer centre (客户中心, §1.7). */
const CRM = '/api/crm/5/user';

/**
 * Every Sobot endpoint the package calls, by seed section. The seed's own mistakes are corrected
 * here (see VENDOR-NOTES): `label` not `lable`; ids of remove calls in the path; assign/recycle on
 * `public_user`; `user/list_by_page` as GET.
 */
export const SOBOT_ENDPOINTS = {
	labelGroupCreate: { method: 'POST', path: `${SCRM}/label_group/save`, retry: 'never' }, // 2.2
	labelGroupUpdate: { method: 'POST', path: `${SCRM}/label_group/update`, retry: 'never' }, // 2.3
	labelGroupList: { method: 'GET', path: `${SCRM}/label_group/list`, retry: 'safe', idField: 'id' }, // 2.4
	labelGroupDelete: { method: 'GET', path: `${SCRM}/label_group/remove/{id}`, retry: 'never' }, // 2.5
	labelCreate: { method: 'POST', path: `${SCRM}/label/save`, retry: 'never' }, // 2.6
	labelUpdate: { method: 'POST', path: `${SCRM}/label/update`, retry: 'never' }, // 2.7
	labelList: { method: 'GET', path: `${SCRM}/label/list`, retry: 'safe', idField: 'id' }, // 2.8
	labelDelete: { method: 'GET', path: `${SCRM}/label/remove/{id}`, retry: 'never' }, // 2.9
	customerLabelsGet: { method: 'POST', path: `${SCRM}/label/userlabels`, retry: 'safe' }, // 2.10
	customerLabelsSet: { method: 'POST', path: `${SCRM}/label/update_userlabel/{id}`, retry: 'never' }, // 2.11
	customerCreate: { method: 'POST', path: `${SCRM}/user/save`, retry: 'never' }, // 3.1
	customerUpdate: { method: 'POST', path: `${SCRM}/user/update/{id}`, retry: 'never' }, // 3.2.1
	customerAssign: { method: 'POST', path: `${SCRM}/public_user/assign`, retry: 'never' }, // 3.2.2
	customerRecycle: { method: 'POST', path: `${SCRM}/public_user/confirm`, retry: 'never' }, // 3.2.3
	customerList: { method: 'GET', path: `${SCRM}/user/list_by_page`, retry: 'safe', idField: 'id' }, // 3.3.1
	customerGet: { method: 'GET', path: `${SCRM}/user/detail/{id}`, retry: 'safe' }, // 3.3.2
	customerActivities: { method: 'GET', path: `${SCRM}/user_dynamic/list_by_page`, retry: 'safe', idField: 'id' }, // 3.4.1
	customerFollowUpAdd: { method: 'POST', path: `${SCRM}/user_stage/record_save`, retry: 'never' }, // 3.4.2
	stageList: { method: 'GET', path: `${SCRM}/user_stage/query_list_by_type`, retry: 'safe' }, // 3.5.1
	customerStageSet: { method: 'POST', path: `${SCRM}/user_stage/stage_save`, retry: 'never' }, // 3.5.2
	sourceList: { method: 'GET', path: `${SCRM}/user_dynamic/getsource`, retry: 'safe' }, // 3.6
	agentList: { method: 'GET', path: `${SCRM}/user/user_list`, retry: 'safe' }, // 3.7
	provinceList: { method: 'GET', path: `${SCRM}/user_dynamic/provice`, retry: 'safe' }, // 3.8.1 (sic)
	cityList: { method: 'GET', path: `${SCRM}/user_dynamic/city/{provinceid}`, retry: 'safe' }, // 3.8.2
	districtList: { method: 'GET', path: `${SCRM}/user_dynamic/area/{cityid}`, retry: 'safe' }, // 3.8.3
	customFieldList: { method: 'GET', path: `${SCRM}/custom_field/custom_fieid_info_list`, retry: 'safe' }, // 3.9 (sic)
	ticketDataDict: { method: 'GET', path: `${TICKET}/get_data_dict`, retry: 'safe' },
	ticketAllFields: { method: 'GET', path: `${TICKET}/query_ticket_extend_fields`, retry: 'safe' },
	ticketFieldsByType: { method: 'GET', path: `${TICKET}/query_fileds_by_typeid`, retry: 'safe' }, // (sic)
	ticketCreateForCustomer: { method: 'POST', path: `${TICKET}/save_user_ticket`, retry: 'never' },
	ticketCreateAsAgent: { method: 'POST', path: `${TICKET}/save_agent_ticket`, retry: 'never' },
	ticketGet: { method: 'GET', path: `${TICKET}/get_ticket_by_id`, retry: 'safe' },
	ticketList: { method: 'GET', path: `${TICKET}/query_tickets`, retry: 'safe', maxPageSize: 50, idField: 'ticketid' },
	ticketListByUpdateTime: { method: 'GET', path: `${TICKET}/query_tickets_by_update_time`, retry: 'safe', maxPageSize: 50, idField: 'ticketid' },
	ticketReply: { method: 'POST', path: `${TICKET}/save_ticket_reply`, retry: 'never' },
	ticketCustomerReply: { method: 'POST', path: `${TICKET}/save_user_reply`, retry: 'never' },
	ticketUploadFile: { method: 'POST', path: `${TICKET}/upload_file`, retry: 'never' },
	// ASSUMPTION (S-PHP, S-GO; not in the seeds): start_datetime / end_datetime as 'YYYY-MM-DD HH:mm:ss'
	// in the account's zone filter the failures by the ticket's update_datetime, at most one month
	// apart like query_tickets; page_size 15 by default, 50 at most; items hold the pushed ticket
	// (ticketid, update_datetime, reply_content, extend_fields_list, …). No idField: the same ticket
	// fails once per version, and every version is a record.
	ticketPushFailList: { method: 'GET', path: `${TICKET}/query_ticket_push_fail_infos`, retry: 'safe', maxPageSize: 50 },
	// Online chat (在线客服, BEYOND-TICKETS §1.1), statistics (§1.3, §1.4). All POST with a JSON body.
	// ASSUMPTION (S-PHP, not in the seeds): the Chinese edition's prefix /api/chat/5/user on every
	// data centre; the international docs (S-AE) list the same operations under /api/5/user, which
	// may be the one sg.sobot.io / us.sobot.com answer. No chat list is paged: each answers `item`.
	// ASSUMPTION: query_cids takes start_time / end_time as 'YYYY-MM-DD HH:mm:ss' in the account's
	// zone (S-AE names them, no format); items carry cid, start_date_time (ms), visitorid.
	chatConversationList: { method: 'POST', path: `${CHAT}/query_cids`, retry: 'safe' },
	chatTranscript: { method: 'POST', path: `${CHAT}/get_detail_by_cid`, retry: 'safe' },
	// ASSUMPTION: update_time like the other statistics times; question_status 0 = not solved.
	chatSummary: { method: 'POST', path: `${DATA}/query_summary`, retry: 'safe' },
	// ASSUMPTION: offline messages' ts is 'YYYY-MM-DD HH:mm:ss' in the account's zone, like a transcript's.
	chatOfflineMessages: { method: 'POST', path: `${CHAT}/offline_msg_data`, retry: 'safe' },
	// ASSUMPTION: status_time of admin_list in ms or seconds (read by size); status_code names only 3 and 7 known.
	chatLiveFigures: { method: 'POST', path: `${CHAT}/get_once_data`, retry: 'safe' },
	chatAgentList: { method: 'POST', path: `${CHAT}/query_agent`, retry: 'safe' },
	chatGroupList: { method: 'POST', path: `${CHAT}/query_group`, retry: 'safe' },
	// ASSUMPTION: answers item { is_work: true|false }.
	chatGroupIsWorking: { method: 'POST', path: `${CHAT}/admin_is_work`, retry: 'safe' },
	// Rating as the customer: sent once (a repeat answers status 2, already rated). ASSUMPTION: status
	// and cid come in `item`, like the other chat answers.
	chatRate: { method: 'POST', path: `${CHAT}/comment`, retry: 'never' },
	// ASSUMPTION (S-GO only, medium): camelCase body ticketId, companyId, score (1–5), remark.
	ticketEvaluationAdd: { method: 'POST', path: `${TICKET}/add_ticket_evaluation`, retry: 'never' },
	// start_date / end_date 'YYYY-MM-DD' (S-PHP, high). ASSUMPTION: days of the account's zone,
	// answered as one `item` object of figures.
	statsHumanSatisfaction: { method: 'POST', path: `${DATA}/human_satisfaction`, retry: 'safe' },
	statsRobotSatisfaction: { method: 'POST', path: `${DATA}/robot_satisfaction`, retry: 'safe' },
	statsCustomerSessions: { method: 'POST', path: `${DATA}/customer_session`, retry: 'safe' },
	statsHumanSessions: { method: 'POST', path: `${DATA}/human_session`, retry: 'safe' },
	statsRobotSessions: { method: 'POST', path: `${DATA}/robot_session`, retry: 'safe' },
	statsMessages: { method: 'POST', path: `${DATA}/message_stats`, retry: 'safe' },
	// Customer centre (客户中心, BEYOND-TICKETS §1.7; S-PHP, high): the customers tickets and chats
	// belong to, not SCRM customers. Reads are GET with a query string, writes POST JSON.
	// ASSUMPTION: the finders answer the customer(s) in `item` (an object or a list), nothing when
	// none matches; create_datetime / update_datetime like the query filters ('YYYY-MM-DD HH:mm:ss',
	// account zone) or Unix seconds.
	contactGetById: { method: 'GET', path: `${CRM}/get_user_by_id`, retry: 'safe' },
	contactFindByPhone: { method: 'GET', path: `${CRM}/get_user_by_tel`, retry: 'safe' },
	contactFindByEmail: { method: 'GET', path: `${CRM}/get_user_by_email`, retry: 'safe' },
	contactFindByPartnerId: { method: 'GET', path: `${CRM}/get_user_by_partnerid`, retry: 'safe' },
	// page_size 15 by default. ASSUMPTION: at most 50 a page, like the ticket lists.
	contactList: { method: 'GET', path: `${CRM}/query_users`, retry: 'safe', maxPageSize: 50, idField: 'userid' },
	// save_user finds the customer by partnerid, else email, else phone, and updates it, or creates one.
	contactSave: { method: 'POST', path: `${CRM}/save_user`, retry: 'never' },
	contactUpdate: { method: 'POST', path: `${CRM}/update_user`, retry: 'never' },
	// ASSUMPTION: items [{fieldid, field_name, field_type, fill_flag, open_flag, field_data_list[{data_name, data_value}]}],
	// the ticket fields' shape.
	contactFieldList: { method: 'GET', path: `${CRM}/query_user_extend_fields`, retry: 'safe' },
	contactVipLevels: { method: 'GET', path: `${CRM}/query_user_fixed_extend_fields`, retry: 'safe' },
	contactEnterpriseList: { method: 'GET', path: `${CRM}/query_enterprises`, retry: 'safe', maxPageSize: 50, idField: 'enterpriseid' },
} satisfies Record<string, SobotEndpoint>;

export type SobotEndpointName = keyof typeof SOBOT_ENDPOINTS;
