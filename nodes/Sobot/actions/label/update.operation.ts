import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/properties';
import { updateById, nameProperty } from '../labelGroup/fields';
import { labelIdProperty, paramNameProperty } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Update', description: 'Update a label', action: 'Update a label' };

export const properties: INodeProperties[] = [
	labelIdProperty,
	collection('updateFields', [{ ...nameProperty, required: false }, paramNameProperty]),
];

/** 2.7 label/update. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await updateById(this, itemIndex, { idParameter: 'labelId', label: 'Label', endpoint: 'labelUpdate' });
}
