import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { requireUpdateFields } from '../../helpers/validation';
import { collection, sortedByDisplayName } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { contactBody, contactFields, contactIdProperty, fetchContact, readContactId } from './fields';

export const option: OperationOption = {
	name: 'Update',
	description: 'Update a customer-centre contact by ID: nickname, real name, phones, emails, level, status, enterprise, labels, custom fields',
	action: 'Update a contact',
};

export const properties: INodeProperties[] = [
	contactIdProperty,
	collection('updateFields', sortedByDisplayName([...contactFields, { displayName: 'Nickname', name: 'user_nick', type: 'string', default: '' }])),
];

/** update_user (userid + the fields to change); the contact is then read back and returned as it now is. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const userid = readContactId(this, itemIndex);
	const changes = contactBody(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	requireUpdateFields(this, changes, itemIndex);
	await sobotApiRequest.call(this, 'contactUpdate', { body: { userid, ...changes }, itemIndex });
	const contact = await fetchContact(this, userid, itemIndex);
	return contact ?? { userid, ...changes };
}

