import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/properties';
import { labelGroupFields, labelGroupIdProperty, updateById } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Update', description: 'Update a label group', action: 'Update a label group' };

export const properties: INodeProperties[] = [
	labelGroupIdProperty,
	collection('updateFields', labelGroupFields(true)),
];

/** 2.3 label_group/update. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await updateById(this, itemIndex, { idParameter: 'labelGroupId', label: 'Label Group', endpoint: 'labelGroupUpdate' });
}
