import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { requireUpdateFields } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import { withParsedExtendedFields } from './common';
import { buildCustomerBody, customerIdProperty, readCustomerId, updateFields } from './fields';
import type { OperationOption, RunScope } from '../../../shared/router';

export const option: OperationOption = { name: 'Update', description: 'Update a customer', action: 'Update a customer' };

export const properties: INodeProperties[] = [
	customerIdProperty,
	collection('updateFields', updateFields),
];

/** 3.2.1 user/update/{id}: only the fields given are sent. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const id = readCustomerId(this, itemIndex);
	const body = await buildCustomerBody(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex, run);
	requireUpdateFields(this, body, itemIndex);
	await sobotApiRequest.call(this, 'customerUpdate', { pathParams: { id }, body, itemIndex });
	return withParsedExtendedFields({ id, ...body });
}
