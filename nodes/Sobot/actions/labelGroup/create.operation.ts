import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { collection } from '../../../shared/properties';
import { labelGroupFields, nameProperty, toApiFields } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Create', description: 'Create a label group', action: 'Create a label group' };

export const properties: INodeProperties[] = [
	nameProperty,
	collection('additionalFields', labelGroupFields(false)),
];

/** 2.2 label_group/save: answers the new group's id in `item`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiFields(this, { name: this.getNodeParameter('name', itemIndex, ''), ...additionalFields }, itemIndex);
	const response = await sobotApiRequest.call(this, 'labelGroupCreate', { body, itemIndex });
	return { id: response.item as string, ...body };
}
