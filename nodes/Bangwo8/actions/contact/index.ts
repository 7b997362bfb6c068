import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List contacts, optionally by creation or update date',
				action: 'Get many contacts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
