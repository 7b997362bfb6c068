import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List customers matching filters',
				action: 'Get many customers',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
