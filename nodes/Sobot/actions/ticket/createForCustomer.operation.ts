import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { RunScope } from '../../../shared/router';
import { createAdditionalFields, createTicket, requiredCreateProperties } from './create';

const properties: INodeProperties[] = [...requiredCreateProperties, createAdditionalFields(false)];

export const description = updateDisplayOptions({ show: { resource: ['ticket'], operation: ['createForCustomer'] } }, properties);

/** save_user_ticket: a ticket filed in the customer's name; answers `item.ticketid`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	return await createTicket(this, itemIndex, run, false);
}
