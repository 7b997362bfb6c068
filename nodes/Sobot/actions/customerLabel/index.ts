import * as get from './get.operation';
import * as set from './set.operation';
import { describeResource } from '../../../shared/properties';

export { get, set };

export const description = describeResource(
	'customerLabel',
	[
		{
			name: 'Get',
			value: 'get',
			description: 'Get the labels of one or more customers',
			action: 'Get the labels of customers',
		},
		{
			name: 'Set',
			value: 'set',
			description: 'Replace the labels of a customer',
			action: 'Set the labels of a customer',
		},
	],
	[get, set],
	'get',
);
