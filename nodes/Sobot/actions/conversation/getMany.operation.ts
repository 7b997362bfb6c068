import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { accountTimeZone } from '../../transport/timeZone';
import { fail } from '../../helpers/validation';
import { customerByProperty, customerProperties, readCustomer } from './common';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import { collection } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { toUnixSeconds, vendorWallClock } from '../../../shared/time';
import { simplifyConversation } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Many',
	description:
		"List a customer's online conversations (ID and start time), found by Sobot's visitor ID or your partner ID; optionally only those started in a time range",
	action: "Get many of a customer's conversations",
};

/** Simplify (on by default from version 1.1): start_date_time as ISO. */
export const simplify = simplifyConversation;

export const properties: INodeProperties[] = [
	customerByProperty(),
	...customerProperties('customerBy', ['visitorId', 'partnerId']),
	...returnAllOrLimit(),
	collection('filters', [
		{
			displayName: 'Started After',
			name: 'start_time',
			type: 'dateTime',
			default: '',
			description: 'Only conversations started at or after this time',
		},
		{
			displayName: 'Started Before',
			name: 'end_time',
			type: 'dateTime',
			default: '',
			description: 'Only conversations started at or before this time',
		},
	]),
];

/**
 * query_cids: the customer's conversations (`cid`, `start_date_time`, `visitorid`), in Sobot's
 * order. Not paged: one request, then Limit. The time filters go out as the account's wall clock
 * (ASSUMPTION in the endpoint table).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body: IDataObject = readCustomer(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const bounds: Array<[key: 'start_time' | 'end_time', label: string]> = [
		['start_time', 'Started After'],
		['end_time', 'Started Before'],
	];
	const seconds: Partial<Record<'start_time' | 'end_time', number>> = {};
	for (const [key, label] of bounds) {
		if (filters[key] !== undefined && filters[key] !== '') seconds[key] = toUnixSeconds(this, filters[key], label, itemIndex);
	}
	if (seconds.start_time !== undefined && seconds.end_time !== undefined && seconds.start_time > seconds.end_time) {
		fail(this, itemIndex, '"Started After" is later than "Started Before"');
	}
	if (Object.keys(seconds).length > 0) {
		const timeZone = await accountTimeZone(this, itemIndex);
		for (const [key] of bounds) {
			const value = seconds[key];
			if (value !== undefined) body[key] = vendorWallClock(value * 1000, timeZone);
		}
	}
	const { returnAll, limit } = getListOptions(this, itemIndex);
	const records = sobotRecords(await sobotApiRequest.call(this, 'chatConversationList', { body, itemIndex }));
	return returnAll ? records : records.slice(0, limit);
}
