import * as deleteMany from './deleteMany.operation';
import { contactFields, nameField } from './fields';
import { dateRangeFilters } from '../common';
import { cleanId, contactIdParameter } from '../fields';
import {
	createRecord,
	deleteRecord,
	getRecord,
	getRecordsByIds,
	includeDeletedFilter,
	listRecords,
	recordOption,
	sortFilters,
	updateFieldsOf,
	updateRecord,
} from '../operations';
import { describeResource } from '../../../shared/properties';
import { simplifyContact } from '../../simplify';

/** Contacts (联系人): `users.json`, written as `{"user":{…}}`. */
const encoders = { companyId: cleanId };

export const operations = {
	create: createRecord({
		option: recordOption('Create', 'contact'),
		endpoint: 'contactCreate',
		wrapKey: 'user',
		fields: [nameField],
		optional: contactFields,
		encoders,
	}),
	delete: deleteRecord({ option: recordOption('Delete', 'contact'), endpoint: 'contactDelete', id: contactIdParameter }),
	deleteMany,
	get: getRecord({ option: recordOption('Get', 'contact'), endpoint: 'contactGet', simplify: simplifyContact, rootKeys: ['user'], id: contactIdParameter }),
	getByIds: getRecordsByIds({
		option: { name: 'Get by IDs', description: 'Get contacts by a list of IDs', action: 'Get contacts by ID' },
		endpoint: 'contactGetMany',
		simplify: simplifyContact,
		rootKey: 'users',
		idsLabel: 'Contact IDs',
		what: 'contacts',
	}),
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List contacts, optionally by creation or update date',
			action: 'Get many contacts',
		},
		endpoint: 'contactList',
		simplify: simplifyContact,
		rootKey: 'users',
		filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('contacts (state 3)')],
	}),
	search: listRecords({
		option: { name: 'Search', description: 'Search contacts by text', action: 'Search contacts' },
		endpoint: 'contactSearch',
		simplify: simplifyContact,
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
	}),
	update: updateRecord({
		option: recordOption('Update', 'contact'),
		endpoint: 'contactUpdate',
		wrapKey: 'user',
		id: contactIdParameter,
		optional: updateFieldsOf([nameField], contactFields),
		encoders,
	}),
};

export const description = describeResource('contact', operations);
