import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { customerIdsProperty, readCustomerIds } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Recycle', description: 'Move one or more customers back to the public pool', action: 'Recycle customers to the public pool' };

export const properties: INodeProperties[] = [
	customerIdsProperty,
	{
		displayName: 'Customer Type',
		name: 'confirm_type',
		type: 'options',
		required: true,
		default: 1,
		options: [
			{ name: 'Valid', value: 1 },
			{ name: 'Invalid', value: 2 },
		],
		description: 'Whether the customers are confirmed as valid or invalid as they go back to the public pool',
	},
];

/** 3.2.3 public_user/confirm: moves one or many customers back to the public pool (回收到公海). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ids = readCustomerIds(this, itemIndex);
	const body = {
		confirmids: ids.join(','),
		confirm_type: Number(this.getNodeParameter('confirm_type', itemIndex, 1)),
	};
	await sobotApiRequest.call(this, 'customerRecycle', { body, itemIndex });
	return { success: true, customer_ids: ids, ...body };
}
