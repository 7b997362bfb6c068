import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId, checkText, fail } from '../../helpers/validation';

/**
 * How the online-chat API (BEYOND-TICKETS §1.1) names a customer: Sobot's visitor ID
 * (`visitorid`, in every chat record) or your own user ID (`partnerid`, for customers you docked
 * through the API or the SDK) with the channel it came from (`from`).
 */

/** `from` of query_cids / get_detail_by_cid (0 开放平台, 1 PC/H5/SDK; S-AE adds 2 WeChat). */
export const CHANNEL_OPTIONS = [
	{ name: 'Open Platform', value: '0' },
	{ name: 'Web, H5 or SDK', value: '1' },
	{ name: 'WeChat', value: '2' },
];

/** The customer parameters, shown when `identifyBy` has the given values. */
export function customerProperties(identifyByName: string, identifyByValues: string[]): INodeProperties[] {
	const show = { [identifyByName]: identifyByValues };
	return [
		{
			displayName: 'Visitor ID',
			name: 'visitorId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 7b2c4d6e8f0a4b1c9d3e5f7a9b1c3d5e',
			description: "Sobot's ID of the customer in online chat (visitorid), as chat records and pushes carry it",
			displayOptions: { show: { ...show, customerBy: ['visitorId'] } },
		},
		{
			displayName: 'Partner ID',
			name: 'partnerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. user-10086',
			description: 'Your own ID of the customer (partnerid), given to Sobot when the customer was connected through the API or SDK',
			displayOptions: { show: { ...show, customerBy: ['partnerId'] } },
		},
		{
			displayName: 'Channel',
			name: 'from',
			type: 'options',
			default: '1',
			options: CHANNEL_OPTIONS,
			description: 'Where the customer with this Partner ID chats from',
			displayOptions: { show: { ...show, customerBy: ['partnerId'] } },
		},
	];
}

/** The "Customer By" selector: Visitor ID or Partner ID. */
export function customerByProperty(extraShow: IDataObject = {}): INodeProperties {
	return {
		displayName: 'Customer By',
		name: 'customerBy',
		type: 'options',
		default: 'visitorId',
		options: [
			{ name: 'Visitor ID', value: 'visitorId', description: "Sobot's visitor ID (visitorid)" },
			{ name: 'Partner ID', value: 'partnerId', description: 'Your own user ID (partnerid) and the channel' },
		],
		...(Object.keys(extraShow).length > 0 ? { displayOptions: { show: extraShow as Record<string, string[]> } } : {}),
	};
}

/** The customer as the chat API's body wants it: `{ visitorid }` or `{ partnerid, from }`. */
export function readCustomer(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const by = context.getNodeParameter('customerBy', itemIndex, 'visitorId') as string;
	if (by === 'visitorId') return { visitorid: checkId(context, context.getNodeParameter('visitorId', itemIndex, ''), 'Visitor ID', itemIndex) };
	if (by === 'partnerId') {
		const partnerid = checkText(context, context.getNodeParameter('partnerId', itemIndex, ''), 'Partner ID', itemIndex);
		const from = String(context.getNodeParameter('from', itemIndex, '1'));
		if (!CHANNEL_OPTIONS.some((option) => option.value === from)) {
			fail(context, itemIndex, `"Channel" must be one of ${CHANNEL_OPTIONS.map((o) => `${o.value} (${o.name})`).join(', ')}; got "${from}"`);
		}
		return { partnerid, from: Number(from) };
	}
	return fail(context, itemIndex, `"Customer By" must be "visitorId" or "partnerId"; got "${by}"`);
}

/** A conversation ID (cid): required, checked like every Sobot ID. */
export const conversationIdProperty: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f2a1b4c5d6e4f708192a3b4c5d6e7f8',
	description: 'ID of the conversation (cid), as Conversation → Get Many, the Sobot Event Trigger and chat records give it',
};

export function readConversationId(context: IExecuteFunctions, itemIndex: number): string {
	return checkId(context, context.getNodeParameter('conversationId', itemIndex, ''), 'Conversation ID', itemIndex);
}
