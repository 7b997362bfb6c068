import * as getMany from './getMany.operation';
import { resourceDescription } from '../resourceIndex';

export { getMany };

export const description = resourceDescription(
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
