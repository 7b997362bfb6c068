import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { describeResource } from '../../../shared/properties';

export { create, del as delete, getMany, update };

export const description = describeResource(
	'labelGroup',
	[
		{ name: 'Create', value: 'create', description: 'Create a label group', action: 'Create a label group' },
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a label group and its labels',
			action: 'Delete a label group',
		},
		{ name: 'Get Many', value: 'getMany', description: 'List label groups', action: 'Get many label groups' },
		{ name: 'Update', value: 'update', description: 'Update a label group', action: 'Update a label group' },
	],
	[create, del, getMany, update],
	'getMany',
);
