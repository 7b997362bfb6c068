import { unpagedListOperation } from '../../helpers/operations';
import { provinceProperty, regionId } from './fields';

/**
 * 3.8.2 user_dynamic/city/{provinceid}. The seed's sample answer lists districts; the answer is
 * passed through as Sobot gives it (VENDOR-NOTES).
 */
export const { option, properties, execute } = unpagedListOperation({
	option: { name: 'Get Cities', description: 'List the cities of a province', action: 'Get cities' },
	endpoint: 'cityList',
	properties: [provinceProperty],
	pathParams: regionId('province', 'Province'),
});
