import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters } from '../common';
import { companyIdParameter, customFieldProperties } from '../fields';
import { includeDeletedFilter, listRecords, recordOperations, sortFilters } from '../operations';
import { describeResource } from '../../../shared/properties';

const resource = 'company';

const companyNameField: INodeProperties = {
	displayName: 'Company Name',
	name: 'companyName',
	type: 'string',
	required: true,
	default: '',
};

/** Every company field of seed 000 except the name. */
const companyFields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
		placeholder: 'e.g. 深圳',
	},
	// Bangwo8 has no API that lists company fields, and the contact fields' keys are not the
	// company's: the key is typed, never picked from the contact fields.
	...customFieldProperties(
		false,
		undefined,
		"Values of the company's custom fields, by their key as Bangwo8 shows it (e.g. field_2)",
	),
	{
		displayName: 'Province',
		name: 'province',
		type: 'string',
		default: '',
		placeholder: 'e.g. 广东',
	},
	{
		displayName: 'Service Group ID',
		name: 'service_groupid',
		type: 'string',
		default: '',
		description: 'ID of the service group (服务组)',
	},
	{
		displayName: 'Service Note',
		name: 'serveNote',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Note about the service (serveNote)',
	},
];

const records = recordOperations({
	resource,
	thing: 'company',
	things: 'companies',
	wrapKey: 'company',
	listKey: 'companies',
	id: companyIdParameter,
	fields: [companyNameField],
	optional: companyFields,
});

const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'companyList',
	rootKey: 'companies',
	filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('companies')],
});

const search = listRecords({
	resource,
	operation: 'search',
	endpoint: 'companySearch',
	rootKey: 'companies',
	queryParameters: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			placeholder: 'e.g. 科技',
			description: 'Text to look for (name, address, …)',
		},
	],
	filters: [includeDeletedFilter('companies'), ...sortFilters],
});

const getContacts = listRecords({
	resource,
	operation: 'getContacts',
	endpoint: 'companyContacts',
	rootKey: 'users',
	parent: companyIdParameter,
	filters: dateRangeFilters({ created: true, updated: false }),
});

export const operations = { ...records.operations, getMany, search, getContacts };

export const description: INodeProperties[] = describeResource(
	resource,
	[
		...records.options,
		{
			name: 'Get Contacts',
			value: 'getContacts',
			description: 'List the contacts of a company',
			action: 'Get the contacts of a company',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List companies, optionally by creation or update date',
			action: 'Get many companies',
		},
		{
			name: 'Search',
			value: 'search',
			description: 'Search companies by text',
			action: 'Search companies',
		},
	],
	Object.values(operations),
);
