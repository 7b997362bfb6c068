import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { chatRecord } from './fields';
import { simplifyChat } from './simplify';
import { cleanId, contactLocator, locatorValue } from '../fields';
import { bangwo8ApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import { collection } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { toChinaDay } from '../../../shared/time';
import { isBlank } from '../../../shared/values';

export const option: OperationOption = {
	name: 'Get Many',
	description:
		'List online chats with their rating (satisfied, neutral, dissatisfied), remark, agent and response figures, optionally of one customer and between two days',
	action: 'Get many chats',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit({ paged: true }),
	collection('filters', [
		contactLocator('client_id', 'Customer', false),
		{
			displayName: 'Started From',
			name: 'starttime',
			type: 'dateTime',
			default: '',
			description: 'First day of chats to include (whole day, China time)',
		},
		{
			displayName: 'Started To',
			name: 'endtime',
			type: 'dateTime',
			default: '',
			description: 'Last day of chats to include (whole day, China time)',
		},
	]),
];

export const simplify = simplifyChat;

/**
 * The query of the chat list's filters: the days as Bangwo8 counts them (China time), the
 * customer's id. A day range that ends before it starts is refused before any request.
 */
export function chatListQuery(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const [key, label] of [
		['starttime', 'Started From'],
		['endtime', 'Started To'],
	]) {
		if (!isBlank(filters[key])) qs[key] = toChinaDay(context, filters[key], label, itemIndex);
	}
	if (typeof qs.starttime === 'string' && typeof qs.endtime === 'string' && qs.endtime < qs.starttime) {
		throw new NodeOperationError(
			context.getNode(),
			`"Started To" (${qs.endtime}) is before "Started From" (${qs.starttime})`,
			{ itemIndex, description: 'Both are whole days in China time; set the last day on or after the first' },
		);
	}
	if (!isBlank(locatorValue(filters.client_id))) qs.client_id = cleanId(context, filters.client_id, 'Customer', itemIndex);
	return qs;
}

/** GET imchat/histories.json, paged by the transport; each chat in the one shape (both shapes read). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = chatListQuery(this, filters, itemIndex);
	const chats = await bangwo8ApiRequestAllItems.call(this, 'chatList', 'histories', getListOptions(this, itemIndex), {
		qs,
		itemIndex,
	});
	return chats.map((chat) => chatRecord(chat));
}
