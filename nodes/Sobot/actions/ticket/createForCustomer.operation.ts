import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationOption, RunScope } from '../../../shared/router';
import { createAdditionalFields, createTicket, requiredCreateProperties } from './create';

export const option: OperationOption = { name: 'Create for Customer', description: 'Create a ticket in the name of a customer (by customer ID)', action: 'Create a ticket for a customer' };

export const properties: INodeProperties[] = [...requiredCreateProperties, createAdditionalFields(false)];

/** save_user_ticket: a ticket filed in the customer's name; answers `item.ticketid`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	return await createTicket(this, itemIndex, run, { endpoint: 'ticketCreateForCustomer', asAgent: false });
}
