import { unpagedListOperation } from '../../helpers/operations';

/** 3.8.1 user_dynamic/provice (sic). */
export const { description, execute } = unpagedListOperation({
	resource: 'region',
	operation: 'getProvinces',
	endpoint: 'provinceList',
});
