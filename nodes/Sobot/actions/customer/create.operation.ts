import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { checkText } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import { withParsedExtendedFields } from './common';
import { buildCustomerBody, createFields } from './fields';
import type { OperationOption, RunScope } from '../../../shared/router';

export const option: OperationOption = { name: 'Create', description: 'Create a customer', action: 'Create a customer' };

export const properties: INodeProperties[] = [
	{
		displayName: 'Nickname',
		name: 'nick',
		type: 'string',
		required: true,
		default: '',
		description: 'Nickname of the customer, at most 50 characters',
	},
	collection('additionalFields', createFields),
];

/** 3.1 user/save: answers the new customer's id in `item`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const nick = checkText(this, this.getNodeParameter('nick', itemIndex, ''), 'Nickname', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = await buildCustomerBody(this, { ...additionalFields, nick }, itemIndex, run);
	const response = await sobotApiRequest.call(this, 'customerCreate', { body, itemIndex });
	return withParsedExtendedFields({ id: response.item as string, ...body });
}
