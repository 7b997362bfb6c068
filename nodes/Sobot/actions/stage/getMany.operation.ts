import { unpagedListOperation } from '../../helpers/operations';

/** 3.5.1 user_stage/query_list_by_type: the follow-up stages, in Sobot's order. Not paged. */
export const { description, execute } = unpagedListOperation({
	resource: 'stage',
	operation: 'getMany',
	endpoint: 'stageList',
});
