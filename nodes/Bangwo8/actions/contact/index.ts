import type { INodeProperties } from 'n8n-workflow';

import * as deleteMany from './deleteMany.operation';
import { contactFields, nameField } from './fields';
import { dateRangeFilters } from '../common';
import { contactIdParameter } from '../fields';
import { includeDeletedFilter, listRecords, recordOperations, sortFilters } from '../operations';
import { describeResource } from '../../../shared/properties';

const resource = 'contact';

const records = recordOperations({
	resource,
	thing: 'contact',
	things: 'contacts',
	wrapKey: 'user',
	listKey: 'users',
	id: contactIdParameter,
	fields: [nameField],
	optional: contactFields,
});

const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'contactList',
	rootKey: 'users',
	filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('contacts (state 3)')],
});

const search = listRecords({
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

export const operations = { ...records.operations, deleteMany, getMany, search };

export const description: INodeProperties[] = describeResource(
	resource,
	[
		...records.options,
		{
			name: 'Delete Many',
			value: 'deleteMany',
			description: 'Delete contacts by a list of IDs',
			action: 'Delete many contacts',
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
	],
	Object.values(operations),
);
