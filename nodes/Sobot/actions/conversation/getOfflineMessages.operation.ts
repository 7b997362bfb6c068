import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { checkId } from '../../helpers/validation';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { simplifyOfflineMessage } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Offline Messages',
	description:
		"List the messages agents sent a customer after the conversation ended (offline messages), one item per message with its sender. Give Sobot's visitor ID.",
	action: "Get a customer's offline messages",
};

/** Simplify (on by default from version 1.1): ts as ISO. */
export const simplify = simplifyOfflineMessage;

export const properties: INodeProperties[] = [
	{
		displayName: 'Visitor ID',
		name: 'visitorId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 7b2c4d6e8f0a4b1c9d3e5f7a9b1c3d5e',
		description:
			"Sobot's ID of the customer in online chat (visitorid). Customers docked through the open platform have no offline messages here: Sobot pushes those to your message URL.",
	},
	...returnAllOrLimit(),
];

/**
 * offline_msg_data answers `item: { size, msg_data: [{ sender, sender_name, send_face, msg_list:
 * [{ cid, msg, ts }] }] }`: one item per message, carrying its sender's fields and the visitor.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const visitorid = checkId(this, this.getNodeParameter('visitorId', itemIndex, ''), 'Visitor ID', itemIndex);
	const response = await sobotApiRequest.call(this, 'chatOfflineMessages', { body: { visitorid }, itemIndex });
	const item = isPlainObject(response.item) ? response.item : {};
	const messages: IDataObject[] = [];
	for (const sender of Array.isArray(item.msg_data) ? item.msg_data : []) {
		if (!isPlainObject(sender)) continue;
		const { msg_list: list, ...who } = sender;
		for (const message of Array.isArray(list) ? list : []) {
			if (isPlainObject(message)) messages.push({ visitorid, ...who, ...message });
		}
	}
	const { returnAll, limit } = getListOptions(this, itemIndex);
	return returnAll ? messages : messages.slice(0, limit);
}
