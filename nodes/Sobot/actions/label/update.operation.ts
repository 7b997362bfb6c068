import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/properties';
import { updateById, nameProperty } from '../labelGroup/fields';
import { labelIdProperty, paramNameProperty } from './fields';

const properties: INodeProperties[] = [
	labelIdProperty,
	collection('updateFields', [{ ...nameProperty, required: false }, paramNameProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['update'] } }, properties);

/** 2.7 label/update. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await updateById(this, itemIndex, { idParameter: 'labelId', label: 'Label', endpoint: 'labelUpdate' });
}
