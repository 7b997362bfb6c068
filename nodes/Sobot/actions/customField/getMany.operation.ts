import { unpagedListOperation } from '../../helpers/operations';

/** 3.9 custom_field/custom_fieid_info_list: the customer custom fields with their options. Not paged. */
export const { description, execute } = unpagedListOperation({
	resource: 'customField',
	operation: 'getMany',
	endpoint: 'customFieldList',
});
