import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { collection } from '../../../shared/properties';
import { attachmentUrlsProperty, joinFileUrls, readReplyContent, readTicketId, replyContentProperty, ticketIdProperty } from './common';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Customer Reply', description: 'Add a reply in the name of the customer to a ticket', action: 'Add a customer reply to a ticket' };

export const properties: INodeProperties[] = [
	ticketIdProperty,
	replyContentProperty("The customer's reply"),
	collection('additionalFields', [attachmentUrlsProperty]),
];

/** save_user_reply: a reply in the customer's name (e.g. relayed from an email or a chat). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		ticketid: readTicketId(this, itemIndex),
		reply_content: readReplyContent(this, itemIndex),
	};
	const files = joinFileUrls(fields.file_str);
	if (files !== '') body.file_str = files;
	await sobotApiRequest.call(this, 'ticketCustomerReply', { body, itemIndex });
	return body;
}
