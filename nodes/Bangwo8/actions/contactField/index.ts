import type { INodeProperties } from 'n8n-workflow';

import { listRecords } from '../operations';
import { describeResource } from '../../../shared/properties';

const resource = 'contactField';

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'contactFieldList',
	rootKey: 'user_fields',
});

export const operations = { getMany };

export const description: INodeProperties[] = describeResource(
	resource,
	[
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the contact fields, system and custom, with the options of dropdown fields',
			action: 'Get many contact fields',
		},
	],
	Object.values(operations),
);
