import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { describeResource } from '../../../shared/properties';

export { create, del as delete, getMany, update };

export const description = describeResource(
	'label',
	[
		{ name: 'Create', value: 'create', description: 'Create a label in a group', action: 'Create a label' },
		{ name: 'Delete', value: 'delete', description: 'Delete a label', action: 'Delete a label' },
		{ name: 'Get Many', value: 'getMany', description: 'List labels', action: 'Get many labels' },
		{ name: 'Update', value: 'update', description: 'Update a label', action: 'Update a label' },
	],
	[create, del, getMany, update],
	'getMany',
);
