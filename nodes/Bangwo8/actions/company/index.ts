import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters } from '../common';
import { companyIdParameter, customFieldProperties, sortedByDisplayName } from '../fields';
import {
	createRecord,
	deleteRecord,
	describeResource,
	getRecord,
	getRecordsByIds,
	includeDeletedFilter,
	listRecords,
	recordOption,
	sortFilters,
	updateRecord,
} from '../operations';

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
	...customFieldProperties(true),
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

export const create = createRecord({
	resource,
	operation: 'create',
	endpoint: 'companyCreate',
	wrapKey: 'company',
	fields: [companyNameField],
	optional: companyFields,
});

export const update = updateRecord({
	resource,
	operation: 'update',
	endpoint: 'companyUpdate',
	wrapKey: 'company',
	id: companyIdParameter,
	optional: sortedByDisplayName([...companyFields, { ...companyNameField, required: false }]),
});

const deleteOperation = deleteRecord({
	resource,
	operation: 'delete',
	endpoint: 'companyDelete',
	id: companyIdParameter,
});

export const get = getRecord({
	resource,
	operation: 'get',
	endpoint: 'companyGet',
	rootKeys: ['company'],
	id: companyIdParameter,
});

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'companyList',
	rootKey: 'companies',
	filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('companies')],
});

export const getByIds = getRecordsByIds({
	resource,
	operation: 'getByIds',
	endpoint: 'companyGetMany',
	rootKey: 'companies',
	idsLabel: 'Company IDs',
	what: 'companies',
});

export const search = listRecords({
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

export const getContacts = listRecords({
	resource,
	operation: 'getContacts',
	endpoint: 'companyContacts',
	rootKey: 'users',
	parent: companyIdParameter,
	filters: dateRangeFilters({ created: true, updated: false }),
});

export const operations = {
	create,
	update,
	delete: deleteOperation,
	get,
	getMany,
	getByIds,
	search,
	getContacts,
};

export const description: INodeProperties[] = describeResource(
	resource,
	[
		recordOption('create', 'company'),
		recordOption('delete', 'company'),
		recordOption('get', 'company'),
		{
			name: 'Get by IDs',
			value: 'getByIds',
			description: 'Get companies by a list of IDs',
			action: 'Get companies by ID',
		},
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
		recordOption('update', 'company'),
	],
	operations,
);
