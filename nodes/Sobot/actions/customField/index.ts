import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

export { getMany };

export const description = describeResource(
	'customField',
	[
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the customer custom fields',
			action: 'Get many customer custom fields',
		},
	],
	[getMany],
);
