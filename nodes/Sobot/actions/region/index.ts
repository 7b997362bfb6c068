import * as getCities from './getCities.operation';
import * as getDistricts from './getDistricts.operation';
import * as getProvinces from './getProvinces.operation';
import { describeResource } from '../../../shared/properties';

export { getCities, getDistricts, getProvinces };

export const description = describeResource(
	'region',
	[
		{ name: 'Get Cities', value: 'getCities', description: 'List the cities of a province', action: 'Get cities' },
		{ name: 'Get Districts', value: 'getDistricts', description: 'List the districts of a city', action: 'Get districts' },
		{ name: 'Get Provinces', value: 'getProvinces', description: 'List the provinces', action: 'Get provinces' },
	],
	[getCities, getDistricts, getProvinces],
	'getProvinces',
);
