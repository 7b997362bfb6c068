import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems, type SobotContext } from '../../transport';
import { accountTimeZone } from '../../transport/timeZone';
import { fail } from '../../helpers/validation';
import { getListOptions, returnAllOrLimit, type ListOptions } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { applyRules, flagRule, safely, timeRule, type Simplifier } from '../../../shared/simplify';
import { toUnixSeconds } from '../../../shared/time';
import { ticketQueryTime, timeWindows } from './common';
import { simplifyTicket } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Failed Pushes',
	description:
		'List the ticket pushes Sobot could not deliver to your push URL in a time range (each with the ticket as it was pushed), to catch up on what a webhook missed',
	action: 'Get failed ticket pushes',
};

/**
 * A ticket as Sobot pushes it (and lists it among the failed pushes): the ticket's own fields
 * (simplifyTicket: times, status, priority, custom fields) plus the push's SLA and reminder
 * fields (BEYOND-TICKETS §1.2 c). ASSUMPTION: their times are written like the ticket's.
 */
export const simplifyPushedTicket: Simplifier = safely((record, options) =>
	applyRules(
		simplifyTicket(record, options),
		{
			create_time: timeRule,
			update_time: timeRule,
			hope_accept_time: timeRule,
			hope_complete_time: timeRule,
			reminder_time: timeRule,
			is_reminder: flagRule,
		},
		options,
	),
);

/** Simplify (on by default from version 1.1). */
export const simplify = simplifyPushedTicket;

/** When Start Time is empty: this long before End Time. */
export const DEFAULT_SPAN_MS = 24 * 3600_000;

export const properties: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description:
			'Failures at or after this time. Empty: 24 hours before End Time. Any range works; Sobot is asked one 4-week window at a time.',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Failures at or before this time. Empty: now.',
	},
	...returnAllOrLimit(),
];

/**
 * query_ticket_push_fail_infos over [from, to] (ms), newest window first, paged by the transport.
 * Every failure is a record: a ticket that failed twice (two versions) is listed twice.
 */
export async function listFailedPushes(
	context: SobotContext,
	range: { from: number; to: number },
	{ returnAll, limit }: ListOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const timeZone = await accountTimeZone(context, itemIndex);
	const records: IDataObject[] = [];
	for (const window of timeWindows(range.from, range.to)) {
		const wanted = returnAll ? Number.POSITIVE_INFINITY : limit - records.length;
		if (wanted <= 0) break;
		records.push(
			...(await sobotApiRequestAllItems.call(
				context,
				'ticketPushFailList',
				{ returnAll, limit: wanted, parallel: 1 },
				{
					qs: { start_datetime: ticketQueryTime(window.from, timeZone), end_datetime: ticketQueryTime(window.to, timeZone) },
					itemIndex,
				},
			)),
		);
	}
	return returnAll ? records : records.slice(0, limit);
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const end = this.getNodeParameter('endTime', itemIndex, '') as string;
	const start = this.getNodeParameter('startTime', itemIndex, '') as string;
	const to = end ? toUnixSeconds(this, end, 'End Time', itemIndex) * 1000 : Math.floor(Date.now() / 1000) * 1000;
	const from = start ? toUnixSeconds(this, start, 'Start Time', itemIndex) * 1000 : to - DEFAULT_SPAN_MS;
	if (from > to) fail(this, itemIndex, '"Start Time" is later than "End Time"', 'Swap them, or leave Start Time empty for the 24 hours before End Time.');
	return await listFailedPushes(this, { from, to }, getListOptions(this, itemIndex), itemIndex);
}
