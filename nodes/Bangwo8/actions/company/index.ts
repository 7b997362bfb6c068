import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters } from '../common';
import { cleanId, companyIdParameter, customFieldProperties } from '../fields';
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
import { simplifyCompany, simplifyContact } from '../../simplify';

/** Companies (公司): `companies.json`, written as `{"company":{…}}`. */

const companyNameField: INodeProperties = {
	displayName: 'Company Name',
	name: 'companyName',
	type: 'string',
	required: true,
	default: '',
};

/** Every company field of seed 000 except the name; alphabetical, but City after Province. */
const companyFields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
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
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
		placeholder: 'e.g. 深圳',
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

const encoders = { service_groupid: cleanId };

export const operations = {
	create: createRecord({
		option: recordOption('Create', 'company'),
		endpoint: 'companyCreate',
		wrapKey: 'company',
		fields: [companyNameField],
		optional: companyFields,
		encoders,
	}),
	delete: deleteRecord({ option: recordOption('Delete', 'company'), endpoint: 'companyDelete', id: companyIdParameter }),
	get: getRecord({ option: recordOption('Get', 'company'), endpoint: 'companyGet', simplify: simplifyCompany, rootKeys: ['company'], id: companyIdParameter }),
	getByIds: getRecordsByIds({
		option: { name: 'Get by IDs', description: 'Get companies by a list of IDs', action: 'Get companies by ID' },
		endpoint: 'companyGetMany',
		simplify: simplifyCompany,
		rootKey: 'companies',
		idsLabel: 'Company IDs',
		what: 'companies',
	}),
	getContacts: listRecords({
		option: { name: 'Get Contacts', description: 'List the contacts of a company', action: 'Get the contacts of a company' },
		endpoint: 'companyContacts',
		simplify: simplifyContact,
		rootKey: 'users',
		parent: companyIdParameter,
		filters: dateRangeFilters({ created: true, updated: false }),
	}),
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List companies, optionally by creation or update date',
			action: 'Get many companies',
		},
		endpoint: 'companyList',
		simplify: simplifyCompany,
		rootKey: 'companies',
		filters: [...dateRangeFilters({ created: true, updated: true }), includeDeletedFilter('companies')],
	}),
	search: listRecords({
		option: { name: 'Search', description: 'Search companies by text', action: 'Search companies' },
		endpoint: 'companySearch',
		simplify: simplifyCompany,
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
	}),
	update: updateRecord({
		option: recordOption('Update', 'company'),
		endpoint: 'companyUpdate',
		wrapKey: 'company',
		id: companyIdParameter,
		optional: updateFieldsOf([companyNameField], companyFields),
		encoders,
	}),
};

export const description = describeResource('company', operations);
