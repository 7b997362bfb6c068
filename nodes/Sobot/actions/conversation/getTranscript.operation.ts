import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { conversationIdProperty, customerByProperty, customerProperties, readConversationId, readCustomer } from './common';
import type { OperationOption } from '../../../shared/router';
import { simplifyTranscript } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Transcript',
	description:
		"Get every message of a conversation (who sent it — customer, bot or agent —, when, the text or file). Give the conversation ID, or a customer's visitor or partner ID for their last conversation.",
	action: 'Get a conversation transcript',
};

/** Simplify (on by default from version 1.1): sender, receiver and message type named, times ISO. */
export const simplify = simplifyTranscript;

export const properties: INodeProperties[] = [
	{
		displayName: 'Transcript Of',
		name: 'transcriptOf',
		type: 'options',
		default: 'conversation',
		options: [
			{ name: 'A Conversation', value: 'conversation', description: 'The conversation with this ID (cid)' },
			{ name: "A Customer's Last Conversation", value: 'lastConversation', description: 'The most recent conversation of a customer' },
		],
	},
	{ ...conversationIdProperty, displayOptions: { show: { transcriptOf: ['conversation'] } } },
	customerByProperty({ transcriptOf: ['lastConversation'] }),
	...customerProperties('transcriptOf', ['lastConversation']),
	{
		displayName: 'Names Shown',
		name: 'name_flag',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Nickname', value: 0 },
			{ name: 'Real Name', value: 1 },
		],
		description: "Which of the customer's names the messages carry as sender and receiver name",
	},
];

/**
 * get_detail_by_cid: one item, `{ cid, messages }`, the messages as Sobot lists them (sender_name,
 * sender_type, receiver_*, ts, t, msg, msg_type, cid). Sobot picks the conversation by cid, else
 * by visitorid, else by partnerid + from (the customer's last conversation). `cid` is the one
 * asked for, or the one the messages carry.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const of = this.getNodeParameter('transcriptOf', itemIndex, 'conversation') as string;
	const body: IDataObject =
		of === 'lastConversation' ? readCustomer(this, itemIndex) : { cid: readConversationId(this, itemIndex) };
	body.name_flag = Number(this.getNodeParameter('name_flag', itemIndex, 0)) === 1 ? 1 : 0;
	const messages = sobotRecords(await sobotApiRequest.call(this, 'chatTranscript', { body, itemIndex }));
	const cid = (body.cid as string | undefined) ?? messages.find((message) => typeof message.cid === 'string' && message.cid !== '')?.cid ?? null;
	return { cid, messages } as IDataObject;
}
