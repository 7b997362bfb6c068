import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { deleteById } from '../labelGroup/fields';
import { labelIdProperty } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Delete', description: 'Delete a label', action: 'Delete a label' };

export const properties: INodeProperties[] = [labelIdProperty];

/** 2.9 label/remove. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await deleteById(this, itemIndex, { idParameter: 'labelId', label: 'Label', endpoint: 'labelDelete' });
}
