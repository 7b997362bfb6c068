import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { listWithFilters } from '../../helpers/operations';
import { getListOptions } from '../../../shared/pagination';
import { decodeChoice, decodeChoices } from '../../helpers/choices';
import { checkId, checkIdList } from '../../helpers/validation';
import { toUnixSeconds } from '../../../shared/time';
import { sobotLocator } from '../../helpers/locators';
import { withParsedExtendedFields } from './common';
import type { OperationOption } from '../../../shared/router';
import { simplifyCustomer } from '../../simplify';

export const option: OperationOption = { name: 'Get Many', description: 'List customers matching filters', action: 'Get many customers' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyCustomer;

export const properties: INodeProperties[] = [
	...listWithFilters([
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
			displayName: 'Label Names or IDs',
			name: 'user_label',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLabels' },
			default: [],
			description:
				'Only customers carrying these business labels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'List',
			name: 'module_type',
			type: 'options',
			default: '1',
			description: "Which of Sobot's customer lists to read, as the SCRM menu shows them",
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
		sobotLocator({
			name: 'stageid',
			displayName: 'Stage',
			thing: 'stage',
			searchListMethod: 'searchStages',
			description: 'Only customers at this follow-up stage, picked from the list or given by ID',
		}),
		// One spelling, as create and update and Sobot's answers have it, from version 1.1; version 1
		// keeps the name it was saved with (n8n drops collection options it does not know). Both
		// are sent as list_by_page documents the filter: wx_build_unionId.
		{
			displayName: 'WeChat UnionID (Self-Built App)',
			name: 'wx_build_unionId',
			type: 'string',
			default: '',
			description: "The customer's WeChat UnionID from your own WeChat app (official account or mini program)",
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName: 'WeChat UnionID (Self-Built App)',
			name: 'wx_build_unionid',
			type: 'string',
			default: '',
			description: "The customer's WeChat UnionID from your own WeChat app (official account or mini program)",
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
	]),
];

/** 3.3.1: customers matching every filter given; times sent as Unix seconds, labels comma-separated. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'create_start_time' || key === 'create_end_time') {
			qs[key] = String(toUnixSeconds(this, value, key === 'create_start_time' ? 'Created After' : 'Created Before', itemIndex));
		} else if (key === 'user_label') {
			const labels = decodeChoices(this, value, 'Labels', itemIndex).map((label) => label.id);
			if (labels.length > 0) qs.user_label = checkIdList(this, labels, 'Labels', itemIndex).join(',');
		} else if (key === 'wx_build_unionid' || key === 'wx_build_unionId') {
			qs.wx_build_unionId = value;
		} else if (key === 'stageid') {
			const stage = decodeChoice(this, value, 'Stage', itemIndex);
			if (stage) qs.stageid = checkId(this, stage.id, 'Stage', itemIndex);
		} else {
			qs[key] = value;
		}
	}
	if (Number(qs.create_start_time) > Number(qs.create_end_time)) {
		throw new NodeOperationError(this.getNode(), '"Created After" is later than "Created Before"', { itemIndex });
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
