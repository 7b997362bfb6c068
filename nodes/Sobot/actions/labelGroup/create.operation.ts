import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { collection } from '../../../shared/properties';
import { labelGroupFields, nameProperty, toApiFields } from './fields';

const properties: INodeProperties[] = [
	nameProperty,
	collection('additionalFields', labelGroupFields(false)),
];

export const description = updateDisplayOptions({ show: { resource: ['labelGroup'], operation: ['create'] } }, properties);

/** 2.2 label_group/save: answers the new group's id in `item`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiFields(this, { name: this.getNodeParameter('name', itemIndex, ''), ...additionalFields }, itemIndex);
	const response = await sobotApiRequest.call(this, 'labelGroupCreate', { body, itemIndex });
	return { id: response.item as string, ...body };
}
