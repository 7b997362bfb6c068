import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import type { SobotEndpointName } from '../../transport/endpoints';
import { accountTimeZone } from '../../transport/timeZone';
import { fail } from '../../helpers/validation';
import { isCalendarDate } from '../../../shared/paths';
import type { OperationModule, OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { toUnixSeconds, vendorDay } from '../../../shared/time';
import { simplifyStatistics } from '../../simplify';

/**
 * Sobot's online statistics (`/api/wb/5/data/*`, BEYOND-TICKETS §1.3, §1.4): one POST with
 * `start_date` / `end_date` ('YYYY-MM-DD', whole days of the account) answering one object of
 * figures. Every statistics operation (sessions, messages, satisfaction) is this one shape.
 */

export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"First day of the report (inclusive), a day of your Sobot account's time zone. A date and time counts as the day it is there.",
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the report (inclusive)',
	},
];

/**
 * A day the user gave as Sobot's 'YYYY-MM-DD' in the account's zone: a bare day as it is, a
 * date-time (picked: the workflow's zone; or with an offset) as the account's day it falls in.
 */
async function readDay(context: IExecuteFunctions, name: string, label: string, itemIndex: number): Promise<string> {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
	if (text === '') fail(context, itemIndex, `"${label}" is empty`, 'Pick a day, or give one as YYYY-MM-DD.');
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
		if (!isCalendarDate(text)) fail(context, itemIndex, `"${label}" is not a valid date: ${text}`);
		return text;
	}
	// A picked date is a midnight wall clock without an offset: that day, whatever the zones.
	const wallClockDay = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?$/.exec(text)?.[1];
	if (wallClockDay !== undefined && isCalendarDate(wallClockDay)) return wallClockDay;
	const seconds = toUnixSeconds(context, text, label, itemIndex);
	return vendorDay(seconds * 1000, await accountTimeZone(context, itemIndex));
}

/** The report's days, checked: both given, real days, start not after end. */
export async function readDateRange(context: IExecuteFunctions, itemIndex: number): Promise<{ start_date: string; end_date: string }> {
	const start_date = await readDay(context, 'startDate', 'Start Date', itemIndex);
	const end_date = await readDay(context, 'endDate', 'End Date', itemIndex);
	if (start_date > end_date) fail(context, itemIndex, `"Start Date" (${start_date}) is later than "End Date" (${end_date})`);
	return { start_date, end_date };
}

/**
 * An operation reading one statistics endpoint for a range of days: one item, the range
 * (`start_date`, `end_date`) followed by Sobot's figures under their own keys.
 */
export function statisticsOperation({ option, endpoint }: { option: OperationOption; endpoint: SobotEndpointName }): OperationModule {
	return {
		option,
		simplify: simplifyStatistics,
		properties: dateRangeProperties,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const range = await readDateRange(this, itemIndex);
			const response = await sobotApiRequest.call(this, endpoint, { body: range, itemIndex });
			const figures = isPlainObject(response.item) ? response.item : {};
			return { ...range, ...figures } as IDataObject;
		},
	};
}
