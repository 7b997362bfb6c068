import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { bangwo8ApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import { dateRangeFilters, dateRangeQuery } from '../common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...dateRangeFilters({ created: true, updated: true }),
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to include deleted contacts (state 3)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMany'] } }, properties);

/** GET users.json with the date filters, orders and deStat. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = dateRangeQuery(this, filters, itemIndex);
	if (filters.includeDeleted === true) qs.deStat = '1';
	return await bangwo8ApiRequestAllItems.call(this, 'contactList', 'users', getListOptions(this, itemIndex), {
		qs,
		itemIndex,
	});
}
