import { unpagedListOperation } from '../../helpers/operations';

/** 3.6 user_dynamic/getsource: the customer sources (`value`, `label`). Not paged. */
export const { description, execute } = unpagedListOperation({
	resource: 'source',
	operation: 'getMany',
	endpoint: 'sourceList',
});
