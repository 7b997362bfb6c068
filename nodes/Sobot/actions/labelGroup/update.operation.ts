import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/properties';
import { labelGroupFields, labelGroupIdProperty, updateById } from './fields';

const properties: INodeProperties[] = [
	labelGroupIdProperty,
	collection('updateFields', labelGroupFields(true)),
];

export const description = updateDisplayOptions({ show: { resource: ['labelGroup'], operation: ['update'] } }, properties);

/** 2.3 label_group/update. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await updateById(this, itemIndex, { idParameter: 'labelGroupId', label: 'Label Group', endpoint: 'labelGroupUpdate' });
}
