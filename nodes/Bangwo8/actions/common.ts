import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export const ORDER_OPTIONS = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];

/**
 * The created/updated date filters of Bangwo8 lists. They are whole days, inclusive (含当天):
 * a date-time picked in the UI is sent as its day, YYYY-MM-DD.
 */
export function dateRangeFilters({ created, updated }: { created: boolean; updated: boolean }): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (created) {
		properties.push(
			{
				displayName: 'Created From',
				name: 'created_start',
				type: 'dateTime',
				default: '',
				description: 'First day of creation to include (whole day)',
			},
			{
				displayName: 'Created To',
				name: 'created_end',
				type: 'dateTime',
				default: '',
				description: 'Last day of creation to include (whole day)',
			},
			{
				displayName: 'Creation Order',
				name: 'created_order',
				type: 'options',
				options: ORDER_OPTIONS,
				default: 'asc',
			},
		);
	}
	if (updated) {
		properties.push(
			{
				displayName: 'Updated From',
				name: 'updated_start',
				type: 'dateTime',
				default: '',
				description: 'First day of update to include (whole day)',
			},
			{
				displayName: 'Updated To',
				name: 'updated_end',
				type: 'dateTime',
				default: '',
				description: 'Last day of update to include (whole day)',
			},
			{
				displayName: 'Update Order',
				name: 'updated_order',
				type: 'options',
				options: ORDER_OPTIONS,
				default: 'asc',
			},
		);
	}
	return properties;
}

const DATE_KEYS = ['created_start', 'created_end', 'updated_start', 'updated_end'];
const ORDER_KEYS = ['created_order', 'updated_order'];

/** The query for the date filters set in `filters`; a date that cannot be read is an error. */
export function dateRangeQuery(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const key of DATE_KEYS) {
		const value = filters[key];
		if (value === undefined || value === null || value === '') continue;
		const day = /^\d{4}-\d{2}-\d{2}/.exec(String(value));
		if (!day || Number.isNaN(Date.parse(day[0]))) {
			throw new NodeOperationError(context.getNode(), `Filter "${key}" is not a valid date: ${String(value)}`, {
				itemIndex,
			});
		}
		qs[key] = day[0];
	}
	for (const key of ORDER_KEYS) {
		if (filters[key] === 'asc' || filters[key] === 'desc') qs[key] = filters[key];
	}
	return qs;
}
