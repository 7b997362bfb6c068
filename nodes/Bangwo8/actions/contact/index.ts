import type { INodeProperties } from 'n8n-workflow';

import * as deleteMany from './deleteMany.operation';
import { contactFields, nameField } from './fields';
import { dateRangeFilters } from '../common';
import { contactIdParameter, sortedByDisplayName } from '../fields';
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

const resource = 'contact';

export const create = createRecord({
	resource,
	operation: 'create',
	endpoint: 'contactCreate',
	wrapKey: 'user',
	fields: [nameField],
	optional: contactFields,
});

export const update = updateRecord({
	resource,
	operation: 'update',
	endpoint: 'contactUpdate',
	wrapKey: 'user',
	id: contactIdParameter,
	optional: sortedByDisplayName([...contactFields, nameField]),
});

const deleteOperation = deleteRecord({
	resource,
	operation: 'delete',
	endpoint: 'contactDelete',
	id: contactIdParameter,
});

export const get = getRecord({
	resource,
	operation: 'get',
	endpoint: 'contactGet',
	rootKeys: ['user'],
	id: contactIdParameter,
});

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'contactList',
	rootKey: 'users',
	filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('contacts (state 3)')],
});

export const getByIds = getRecordsByIds({
	resource,
	operation: 'getByIds',
	endpoint: 'contactGetMany',
	rootKey: 'users',
	idsLabel: 'Contact IDs',
	what: 'contacts',
});

export const search = listRecords({
	resource,
	operation: 'search',
	endpoint: 'contactSearch',
	rootKey: 'users',
	queryParameters: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			placeholder: 'e.g. 13900000001',
			description: 'Text to look for (name, mobile, email, …)',
		},
	],
	filters: [includeDeletedFilter('contacts (state 3)'), ...sortFilters],
});

export const operations = {
	create,
	update,
	delete: deleteOperation,
	deleteMany,
	get,
	getMany,
	getByIds,
	search,
};

export const description: INodeProperties[] = describeResource(
	resource,
	[
		recordOption('create', 'contact'),
		recordOption('delete', 'contact'),
		{
			name: 'Delete Many',
			value: 'deleteMany',
			description: 'Delete contacts by a list of IDs',
			action: 'Delete many contacts',
		},
		recordOption('get', 'contact'),
		{
			name: 'Get by IDs',
			value: 'getByIds',
			description: 'Get contacts by a list of IDs',
			action: 'Get contacts by ID',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List contacts, optionally by creation or update date',
			action: 'Get many contacts',
		},
		{
			name: 'Search',
			value: 'search',
			description: 'Search contacts by text',
			action: 'Search contacts',
		},
		recordOption('update', 'contact'),
	],
	operations,
);
