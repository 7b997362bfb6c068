import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { checkText } from '../../helpers/validation';
import { customerIdProperty, readCustomerId } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Add Follow-Up Record', description: 'Add a follow-up record to a customer', action: 'Add a follow up record to a customer' };

export const properties: INodeProperties[] = [
	customerIdProperty,
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text of the follow-up record',
	},
];

/** 3.4.2 user_stage/record_save. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = {
		userid: readCustomerId(this, itemIndex),
		content: checkText(this, this.getNodeParameter('content', itemIndex, ''), 'Content', itemIndex),
	};
	await sobotApiRequest.call(this, 'customerFollowUpAdd', { body, itemIndex });
	return { success: true, ...body };
}
