import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { withParsedExtendedFields } from './common';
import { customerIdProperty, readCustomerId } from './fields';
import type { OperationOption } from '../../../shared/router';
import { simplifyCustomer } from '../../simplify';

export const option: OperationOption = { name: 'Get', description: 'Get a customer', action: 'Get a customer' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyCustomer;

export const properties: INodeProperties[] = [customerIdProperty];

/** 3.3.2 user/detail/{id}: the customer as Sobot gives it, plus `ex_fields` parsed from ex_field_str. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readCustomerId(this, itemIndex);
	const response = await sobotApiRequest.call(this, 'customerGet', { pathParams: { id }, itemIndex });
	return sobotRecords(response).map(withParsedExtendedFields);
}
