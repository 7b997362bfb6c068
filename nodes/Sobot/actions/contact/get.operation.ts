import { NodeApiError, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { contactIdProperty, fetchContact, readContactId } from './fields';
import type { OperationOption } from '../../../shared/router';
import { simplifyContact } from '../../simplify';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a customer-centre contact (the customer tickets and chats belong to) by ID',
	action: 'Get a contact',
};

/** Simplify (on by default from version 1.1): status and level named, times ISO. */
export const simplify = simplifyContact;

export const properties: INodeProperties[] = [contactIdProperty];

/** get_user_by_id. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const userid = readContactId(this, itemIndex);
	const contact = await fetchContact(this, userid, itemIndex);
	if (contact === undefined) {
		throw new NodeApiError(this.getNode(), { userid } as JsonObject, { message: `Sobot has no contact "${userid}"`, itemIndex });
	}
	return contact;
}
