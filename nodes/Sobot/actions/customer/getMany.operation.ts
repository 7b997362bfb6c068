import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import { withParsedExtendedFields } from './common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Blacklisted',
				name: 'isblack',
				type: 'options',
				default: '0',
				options: [
					{ name: 'Not Blacklisted', value: '0' },
					{ name: 'Blacklisted', value: '1' },
				],
			},
			{
				displayName: 'Created After',
				name: 'create_start_time',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'create_end_time',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or before this time',
			},
			{
				displayName: 'Label IDs',
				name: 'user_label',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				description: 'Only customers carrying these business label IDs',
			},
			{
				displayName: 'List',
				name: 'module_type',
				type: 'options',
				default: '1',
				options: [
					{ name: 'All Customers', value: '1' },
					{ name: 'First-Contact Customers', value: '2' },
					{ name: 'To Be Assigned', value: '3' },
					{ name: 'Being Followed Up', value: '4' },
					{ name: 'Public Pool', value: '5' },
					{ name: 'My Customers', value: '6' },
				],
			},
			{
				displayName: 'Search By',
				name: 'search_type',
				type: 'options',
				default: '4',
				options: [
					{ name: 'Nickname', value: '1' },
					{ name: 'Real Name', value: '2' },
					{ name: 'Company', value: '3' },
					{ name: 'Phone', value: '4' },
					{ name: 'Email', value: '5' },
				],
				description: 'Which field Search Value is matched against',
			},
			{
				displayName: 'Search Value',
				name: 'search_value',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Stage ID',
				name: 'stageid',
				type: 'string',
				default: '',
				description: 'Only customers at this follow-up stage',
			},
			{
				displayName: 'WeChat UnionID (Self-Built App)',
				name: 'wx_build_unionId',
				type: 'string',
				default: '',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

function toUnixSeconds(context: IExecuteFunctions, value: unknown, parameter: string, itemIndex: number): string {
	const milliseconds = Date.parse(String(value));
	if (Number.isNaN(milliseconds)) {
		throw new NodeOperationError(context.getNode(), `"${parameter}" is not a valid date: ${String(value)}`, { itemIndex });
	}
	return String(Math.floor(milliseconds / 1000));
}

/** 3.3.1: customers matching every filter given; times sent as Unix seconds, labels comma-separated. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'create_start_time' || key === 'create_end_time') {
			qs[key] = toUnixSeconds(this, value, key === 'create_start_time' ? 'Created After' : 'Created Before', itemIndex);
		} else if (key === 'user_label') {
			const labels = (Array.isArray(value) ? value : String(value).split(','))
				.map((label) => String(label).trim())
				.filter((label) => label !== '');
			if (labels.length > 0) qs.user_label = labels.join(',');
		} else {
			qs[key] = value;
		}
	}
	if (qs.search_value !== undefined && qs.search_type === undefined) {
		throw new NodeOperationError(this.getNode(), 'Choose "Search By" to go with "Search Value"', { itemIndex });
	}
	const customers = await sobotApiRequestAllItems.call(this, 'customerList', getListOptions(this, itemIndex), {
		qs,
		itemIndex,
	});
	return customers.map(withParsedExtendedFields);
}
