import { unpagedListOperation } from '../../helpers/operations';
import { cityProperty, provinceProperty, regionId } from './fields';

/**
 * 3.8.3 user_dynamic/area/{cityid}. The seed's sample answer lists cities; the answer is passed
 * through as Sobot gives it (VENDOR-NOTES). The province only narrows the city dropdown.
 */
export const { option, properties, execute } = unpagedListOperation({
	option: { name: 'Get Districts', description: 'List the districts of a city', action: 'Get districts' },
	endpoint: 'districtList',
	properties: [
		{ ...provinceProperty, required: false, description: `Province of the city, to choose the city from a list. ${provinceProperty.description}.` },
		cityProperty,
	],
	pathParams: regionId('city', 'City'),
});
