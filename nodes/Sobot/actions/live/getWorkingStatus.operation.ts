import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { getPickedId } from '../../helpers/validation';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { simplifyWorkingStatus } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Working Status',
	description:
		'Check whether a skill group of online chat is within its working hours right now (is_work true or false), e.g. before promising a customer an agent. Give the skill group.',
	action: 'Check whether a skill group is in working hours',
};

/** Simplify (on by default from version 1.1): is_work as a boolean. */
export const simplify = simplifyWorkingStatus;

export const properties: INodeProperties[] = [
	{
		displayName: 'Skill Group Name or ID',
		name: 'groupId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getChatGroups' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

/** admin_is_work: `{ groupid, is_work }` (and anything else Sobot answers in `item`). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const groupid = getPickedId(this, 'groupId', 'Skill Group', itemIndex);
	const response = await sobotApiRequest.call(this, 'chatGroupIsWorking', { body: { groupid }, itemIndex });
	const item = isPlainObject(response.item) ? response.item : { is_work: response.item ?? response.is_work ?? null };
	return { groupid, ...item } as IDataObject;
}
