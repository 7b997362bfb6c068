import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { deleteById } from '../labelGroup/fields';
import { labelIdProperty } from './fields';

const properties: INodeProperties[] = [labelIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['label'], operation: ['delete'] } }, properties);

/** 2.9 label/remove. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await deleteById(this, itemIndex, { idParameter: 'labelId', label: 'Label', endpoint: 'labelDelete' });
}
