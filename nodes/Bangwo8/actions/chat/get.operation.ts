import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { chatIdParameter, chatRecord, readChatRecords } from './fields';
import { simplifyChat } from './simplify';
import { readId } from '../fields';
import { bangwo8ApiRequest, bangwo8ApiRequestAllItems } from '../../transport';
import { preview } from '../../../shared/http';
import { RETURN_ALL } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { toChinaDay } from '../../../shared/time';
import { isBlank } from '../../../shared/values';

export const option: OperationOption = {
	name: 'Get',
	description:
		"Get a chat's messages (who said what, when) by its ID; with the day it started, also its rating, remark, agent and response figures",
	action: 'Get a chat',
};

export const properties: INodeProperties[] = [
	chatIdParameter.property,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Started On',
				name: 'startedOn',
				type: 'dateTime',
				default: '',
				description:
					"Day the chat started (e.g. the start_time of a Get Many or trigger item). Bangwo8's messages answer carries no rating or agent: with this day they are read from that day's chats and returned with the messages.",
			},
		],
	},
];

export const simplify = simplifyChat;

/** A date-time without an offset: a chat's raw start_time (China time) or a date picked in the editor. */
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * The China day of "Started On". A date-time without an offset keeps its own day: it is either
 * the raw start_time of a chat, which Bangwo8 writes in China time, or a day picked in the
 * editor. A time with an offset (a simplified start_time, an expression) is converted.
 */
function startedOnDay(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const wall = typeof value === 'string' ? WALL_CLOCK.exec(value.trim()) : null;
	return toChinaDay(context, wall ? wall[1] : value, 'Started On', itemIndex);
}

/**
 * GET imchat/chatrecords/{r_id}.json: one item, the chat in the one shape with `messages`. With
 * Started On, the chat's fields come from that day's imchat/histories.json (no endpoint returns
 * one chat's details); a chat not found there is an error, never a silent half record.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, chatIdParameter, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const day = isBlank(options.startedOn) ? undefined : startedOnDay(this, options.startedOn, itemIndex);

	const answer = await bangwo8ApiRequest.call(this, 'chatMessages', { pathParams: { id }, itemIndex });
	const read = readChatRecords(answer);
	if (read === undefined) {
		throw new NodeOperationError(this.getNode(), `Bangwo8 answered chat ${id} without a list of messages`, {
			itemIndex,
			description: `Got: ${preview(answer)}`,
		});
	}
	let details: IDataObject = {};
	if (day !== undefined) {
		const chats = await bangwo8ApiRequestAllItems.call(this, 'chatList', 'histories', RETURN_ALL, {
			qs: { starttime: day, endtime: day },
			itemIndex,
		});
		const found = chats.find((chat) => chatRecord(chat).r_id === id);
		if (found === undefined) {
			throw new NodeOperationError(this.getNode(), `Chat ${id} is not among the chats Bangwo8 lists for ${day}`, {
				itemIndex,
				description: '"Started On" must be the day (China time) the chat started; leave it empty to get the messages alone',
			});
		}
		details = found;
	}
	return chatRecord({ ...read.chat, ...details, r_id: id }, read.messages);
}
