import type { IHttpRequestMethods } from 'n8n-workflow';

export interface SobotEndpoint {
	method: IHttpRequestMethods;
	/** Path below the data centre's host; `{name}` marks a path parameter. */
	path: string;
}

const SCRM = '/api/scrm/5';

/**
 * Every Sobot endpoint the package calls, by seed section. The seed's own mistakes are corrected
 * here (see VENDOR-NOTES): `label` not `lable`; ids of remove calls in the path; assign/recycle on
 * `public_user`; `user/list_by_page` as GET.
 */
export const SOBOT_ENDPOINTS = {
	labelGroupCreate: { method: 'POST', path: `${SCRM}/label_group/save` }, // 2.2
	labelGroupUpdate: { method: 'POST', path: `${SCRM}/label_group/update` }, // 2.3
	labelGroupList: { method: 'GET', path: `${SCRM}/label_group/list` }, // 2.4
	labelGroupDelete: { method: 'GET', path: `${SCRM}/label_group/remove/{id}` }, // 2.5
	labelCreate: { method: 'POST', path: `${SCRM}/label/save` }, // 2.6
	labelUpdate: { method: 'POST', path: `${SCRM}/label/update` }, // 2.7
	labelList: { method: 'GET', path: `${SCRM}/label/list` }, // 2.8
	labelDelete: { method: 'GET', path: `${SCRM}/label/remove/{id}` }, // 2.9
	customerLabelsGet: { method: 'POST', path: `${SCRM}/label/userlabels` }, // 2.10
	customerLabelsSet: { method: 'POST', path: `${SCRM}/label/update_userlabel/{id}` }, // 2.11
	customerCreate: { method: 'POST', path: `${SCRM}/user/save` }, // 3.1
	customerUpdate: { method: 'POST', path: `${SCRM}/user/update/{id}` }, // 3.2.1
	customerAssign: { method: 'POST', path: `${SCRM}/public_user/assign` }, // 3.2.2
	customerRecycle: { method: 'POST', path: `${SCRM}/public_user/confirm` }, // 3.2.3
	customerList: { method: 'GET', path: `${SCRM}/user/list_by_page` }, // 3.3.1
	customerGet: { method: 'GET', path: `${SCRM}/user/detail/{id}` }, // 3.3.2
	customerActivities: { method: 'GET', path: `${SCRM}/user_dynamic/list_by_page` }, // 3.4.1
	customerFollowUpAdd: { method: 'POST', path: `${SCRM}/user_stage/record_save` }, // 3.4.2
	stageList: { method: 'GET', path: `${SCRM}/user_stage/query_list_by_type` }, // 3.5.1
	customerStageSet: { method: 'POST', path: `${SCRM}/user_stage/stage_save` }, // 3.5.2
	sourceList: { method: 'GET', path: `${SCRM}/user_dynamic/getsource` }, // 3.6
	agentList: { method: 'GET', path: `${SCRM}/user/user_list` }, // 3.7
	provinceList: { method: 'GET', path: `${SCRM}/user_dynamic/provice` }, // 3.8.1 (sic)
	cityList: { method: 'GET', path: `${SCRM}/user_dynamic/city/{provinceid}` }, // 3.8.2
	districtList: { method: 'GET', path: `${SCRM}/user_dynamic/area/{cityid}` }, // 3.8.3
	customFieldList: { method: 'GET', path: `${SCRM}/custom_field/custom_fieid_info_list` }, // 3.9 (sic)
} satisfies Record<string, SobotEndpoint>;

export type SobotEndpointName = keyof typeof SOBOT_ENDPOINTS;
