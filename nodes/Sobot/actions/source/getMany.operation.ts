import { unpagedListOperation } from '../../helpers/operations';

/** 3.6 user_dynamic/getsource: the customer sources (`value`, `label`). Not paged. */
export const { option, properties, execute } = unpagedListOperation({
	option: { name: 'Get Many', description: 'List the customer sources', action: 'Get many customer sources' },
	endpoint: 'sourceList',
});
