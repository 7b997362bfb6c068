import { unpagedListOperation } from '../../helpers/operations';

/** 3.5.1 user_stage/query_list_by_type: the follow-up stages, in Sobot's order. Not paged. */
export const { option, properties, execute } = unpagedListOperation({
	option: { name: 'Get Many', description: 'List the follow-up stages', action: 'Get many follow up stages' },
	endpoint: 'stageList',
});
