import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toChinaDay } from '../../shared/time';

export const ORDER_OPTIONS = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];

type Change = 'created' | 'updated';

/** The names Bangwo8 lists give the two date ranges: `<change>_start`, `<change>_end`, `<change>_order`. */
const DATE_RANGES: Record<Change, { from: string; to: string; order: string; what: string }> = {
	created: { from: 'Created From', to: 'Created To', order: 'Creation Order', what: 'creation' },
	updated: { from: 'Updated From', to: 'Updated To', order: 'Update Order', what: 'update' },
};

/**
 * The created/updated date filters of Bangwo8 lists. They are whole days, inclusive (含当天):
 * a date-time picked in the UI is sent as its day, YYYY-MM-DD.
 */
export function dateRangeFilters(changes: Record<Change, boolean>): INodeProperties[] {
	return (Object.keys(DATE_RANGES) as Change[])
		.filter((change) => changes[change])
		.flatMap((change): INodeProperties[] => {
			const { from, to, order, what } = DATE_RANGES[change];
			return [
				{
					displayName: from,
					name: `${change}_start`,
					type: 'dateTime',
					default: '',
					description: `First day of ${what} to include (whole day)`,
				},
				{
					displayName: to,
					name: `${change}_end`,
					type: 'dateTime',
					default: '',
					description: `Last day of ${what} to include (whole day)`,
				},
				{ displayName: order, name: `${change}_order`, type: 'options', options: ORDER_OPTIONS, default: 'asc' },
			];
		});
}

/** The query for the date filters set in `filters`; a date that cannot be read is an error naming its filter. */
export function dateRangeQuery(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const [change, { from, to }] of Object.entries(DATE_RANGES)) {
		for (const [key, label] of [
			[`${change}_start`, from],
			[`${change}_end`, to],
		]) {
			const value = filters[key];
			if (value === undefined || value === null || value === '') continue;
			qs[key] = toChinaDay(context, value, label, itemIndex);
		}
		const order = filters[`${change}_order`];
		if (order === 'asc' || order === 'desc') qs[`${change}_order`] = order;
	}
	return qs;
}
