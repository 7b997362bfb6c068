import { unpagedListOperation } from '../../helpers/operations';
import { simplifyCustomField } from '../../simplify';

/** 3.9 custom_field/custom_fieid_info_list: the customer custom fields with their options. Not paged. */
export const { option, properties, execute, simplify } = unpagedListOperation({
	option: { name: 'Get Many', description: 'List the customer custom fields', action: 'Get many customer custom fields' },
	endpoint: 'customFieldList',
	simplify: simplifyCustomField,
});
