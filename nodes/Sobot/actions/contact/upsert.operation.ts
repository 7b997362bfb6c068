import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { collection } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { contactBody, contactFields, fetchContact, readNick } from './fields';

export const option: OperationOption = {
	name: 'Create or Update',
	description:
		'Create a customer-centre contact, or update the one Sobot finds by partner ID, else email, else phone number. Give the nickname and at least one of those to match on.',
	action: 'Create or update a contact',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Nickname',
		name: 'user_nick',
		type: 'string',
		required: true,
		default: '',
		description: "The contact's name as agents see it",
	},
	collection('additionalFields', contactFields),
];

/** save_user → userid; the contact is then read back (get_user_by_id) and returned as it now is. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const user_nick = readNick(this, itemIndex);
	const body: IDataObject = { user_nick, ...contactBody(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex) };
	const response = await sobotApiRequest.call(this, 'contactSave', { body, itemIndex });
	const item = isPlainObject(response.item) ? response.item : {};
	const userid = String(item.userid ?? response.userid ?? '');
	if (userid === '') {
		throw new NodeApiError(this.getNode(), { ret_code: String(response.ret_code) } as JsonObject, {
			message: 'Sobot saved the contact but did not say its ID',
			description: 'Find it with Contact → Search by the partner ID, email or phone number you gave.',
			itemIndex,
		});
	}
	return (await fetchContact(this, userid, itemIndex)) ?? { userid, ...body };
}
