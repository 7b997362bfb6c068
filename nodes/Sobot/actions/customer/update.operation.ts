import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { getIdParameter } from '../../helpers/validation';
import { withParsedExtendedFields } from './common';
import { buildCustomerBody, customerIdProperty, updateFields } from './fields';

const properties: INodeProperties[] = [
	customerIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: updateFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

/** 3.2.1 user/update/{id}: only the fields given are sent. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = getIdParameter(this, 'customerId', 'Customer ID', itemIndex);
	const body = await buildCustomerBody(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field under "Update Fields"', { itemIndex });
	}
	await sobotApiRequest.call(this, 'customerUpdate', { pathParams: { id }, body, itemIndex });
	return withParsedExtendedFields({ id, ...body });
}
