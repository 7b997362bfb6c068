import { unpagedListOperation } from '../../helpers/operations';
import { provinceProperty, regionId } from './fields';

/**
 * 3.8.2 user_dynamic/city/{provinceid}. The seed's sample answer lists districts; the answer is
 * passed through as Sobot gives it (VENDOR-NOTES).
 */
export const { description, execute } = unpagedListOperation({
	resource: 'region',
	operation: 'getCities',
	endpoint: 'cityList',
	properties: [provinceProperty],
	pathParams: regionId('province', 'Province'),
});
