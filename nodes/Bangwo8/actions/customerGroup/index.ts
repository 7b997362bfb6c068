import type { INodeProperties } from 'n8n-workflow';

import { customerGroupIdParameter } from '../fields';
import {
	createRecord,
	deleteRecord,
	getRecord,
	getRecordsByIds,
	listRecords,
	recordOption,
	updateFieldsOf,
	updateRecord,
} from '../operations';
import { describeResource } from '../../../shared/properties';
import { simplifyCustomerGroup, simplifyGroupMember } from '../../simplify';

/** Customer groups (客户组): `customergroups.json`, written as `{"customergroup":{…}}`. */

const TYPE_OPTIONS = [
	{
		name: 'Company Group',
		value: '1',
		description: 'Groups companies (2B mode)',
	},
	{
		name: 'Contact Group',
		value: '2',
		description: 'Groups contacts (2C mode)',
	},
];

const groupNameField: INodeProperties = {
	displayName: 'Group Name',
	name: 'groupName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. VIP客户',
};

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: TYPE_OPTIONS,
	required: true,
	default: '2',
	description: 'What the group holds',
};

/** Answers carry the group as `customergroup`, or as the plural `customergroups` after a create. */
const answerKeys = ['customergroups', 'customergroup'];

export const operations = {
	create: createRecord({
		option: recordOption('Create', 'customer group'),
		endpoint: 'customerGroupCreate',
		wrapKey: 'customergroup',
		answerKeys,
		fields: [groupNameField, typeField],
		optional: [],
	}),
	delete: deleteRecord({
		option: recordOption('Delete', 'customer group'),
		endpoint: 'customerGroupDelete',
		id: customerGroupIdParameter,
	}),
	get: getRecord({
		option: recordOption('Get', 'customer group'),
		endpoint: 'customerGroupGet',
		simplify: simplifyCustomerGroup,
		rootKeys: answerKeys,
		id: customerGroupIdParameter,
	}),
	getByIds: getRecordsByIds({
		option: { name: 'Get by IDs', description: 'Get customer groups by a list of IDs', action: 'Get customer groups by ID' },
		endpoint: 'customerGroupGetMany',
		simplify: simplifyCustomerGroup,
		rootKey: 'customergroups',
		idsLabel: 'Customer Group IDs',
		what: 'customer groups',
	}),
	getCustomers: listRecords({
		option: {
			name: 'Get Customers',
			description: 'List the companies or contacts in a customer group',
			action: 'Get the customers of a customer group',
		},
		endpoint: 'customerGroupCustomers',
		simplify: simplifyGroupMember,
		rootKey: 'customers',
		parent: customerGroupIdParameter,
	}),
	getMany: listRecords({
		option: { name: 'Get Many', description: 'List customer groups', action: 'Get many customer groups' },
		endpoint: 'customerGroupList',
		simplify: simplifyCustomerGroup,
		rootKey: 'customergroups',
	}),
	update: updateRecord({
		option: recordOption('Update', 'customer group'),
		endpoint: 'customerGroupUpdate',
		wrapKey: 'customergroup',
		answerKeys,
		id: customerGroupIdParameter,
		optional: updateFieldsOf([groupNameField, typeField], []),
	}),
};

export const description = describeResource('customerGroup', operations);
