import { unpagedListOperation } from '../../helpers/operations';

/** 3.8.1 user_dynamic/provice (sic). */
export const { option, properties, execute } = unpagedListOperation({
	option: { name: 'Get Provinces', description: 'List the provinces', action: 'Get provinces' },
	endpoint: 'provinceList',
});
