import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/properties';
import type { OperationOption, RunScope } from '../../../shared/router';
import { agentProperty, joinFileUrls, levelProperty, pickedCode, readReplyContent, replyContentProperty, statusProperty, ticketIdProperty } from './common';
import { saveTicketReply } from './reply';

export const option: OperationOption = { name: 'Reply', description: 'Add a public reply or an internal note to a ticket as an agent', action: 'Reply to a ticket' };

export const properties: INodeProperties[] = [
	ticketIdProperty,
	replyContentProperty('Text of the reply (HTML allowed)'),
	{
		displayName: 'Visibility',
		name: 'reply_type',
		type: 'options',
		default: '0',
		options: [
			{ name: 'Public Reply', value: '0', description: 'The customer sees the reply' },
			{ name: 'Internal Note', value: '1', description: 'Only agents see the note' },
		],
	},
	agentProperty('reply_agentid', 'Agent Name or ID', 'Agent in whose name the reply is written. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.', true),
	collection('additionalFields', [
		{
			displayName: 'Attachment URLs',
			name: 'reply_file_str',
			type: 'string',
			default: '',
			description: 'URLs of files uploaded to Sobot (Ticket → Upload Attachment), separated by commas or semicolons',
		},
		{ ...levelProperty, displayName: 'New Priority Name or ID' },
		{ ...statusProperty, displayName: 'New Status Name or ID' },
	]),
];

/** save_ticket_reply with reply_type 0 (public) or 1 (internal), optionally changing status or priority. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const status = pickedCode(this, fields.ticket_status, 'New Status', itemIndex);
	const level = pickedCode(this, fields.ticket_level, 'New Priority', itemIndex);
	return await saveTicketReply(this, itemIndex, run, {
		replyType: this.getNodeParameter('reply_type', itemIndex, '0') === '1' ? '1' : '0',
		replyContent: readReplyContent(this, itemIndex),
		replyFileStr: joinFileUrls(fields.reply_file_str),
		status: status === '' ? undefined : status,
		level: level === '' ? undefined : level,
	});
}
