import type { INodeProperties } from 'n8n-workflow';

import { customerGroupIdParameter } from '../fields';
import {
	createRecord,
	deleteRecord,
	describeResource,
	getRecord,
	getRecordsByIds,
	listRecords,
	recordOption,
	updateRecord,
} from '../operations';

const resource = 'customerGroup';

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

export const create = createRecord({
	resource,
	operation: 'create',
	endpoint: 'customerGroupCreate',
	wrapKey: 'customergroup',
	answerKeys,
	fields: [groupNameField, typeField],
	optional: [],
});

export const update = updateRecord({
	resource,
	operation: 'update',
	endpoint: 'customerGroupUpdate',
	wrapKey: 'customergroup',
	answerKeys,
	id: customerGroupIdParameter,
	optional: [
		{ ...groupNameField, required: false },
		{ ...typeField, required: false },
	],
});

const deleteOperation = deleteRecord({
	resource,
	operation: 'delete',
	endpoint: 'customerGroupDelete',
	id: customerGroupIdParameter,
});

export const get = getRecord({
	resource,
	operation: 'get',
	endpoint: 'customerGroupGet',
	rootKeys: answerKeys,
	id: customerGroupIdParameter,
});

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'customerGroupList',
	rootKey: 'customergroups',
});

export const getByIds = getRecordsByIds({
	resource,
	operation: 'getByIds',
	endpoint: 'customerGroupGetMany',
	rootKey: 'customergroups',
	idsLabel: 'Customer Group IDs',
	what: 'customer groups',
});

export const getCustomers = listRecords({
	resource,
	operation: 'getCustomers',
	endpoint: 'customerGroupCustomers',
	rootKey: 'customers',
	parent: customerGroupIdParameter,
});

export const operations = {
	create,
	update,
	delete: deleteOperation,
	get,
	getMany,
	getByIds,
	getCustomers,
};

export const description: INodeProperties[] = describeResource(
	resource,
	[
		recordOption('create', 'customer group'),
		recordOption('delete', 'customer group'),
		recordOption('get', 'customer group'),
		{
			name: 'Get by IDs',
			value: 'getByIds',
			description: 'Get customer groups by a list of IDs',
			action: 'Get customer groups by ID',
		},
		{
			name: 'Get Customers',
			value: 'getCustomers',
			description: 'List the companies or contacts in a customer group',
			action: 'Get the customers of a customer group',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List customer groups',
			action: 'Get many customer groups',
		},
		recordOption('update', 'customer group'),
	],
	operations,
);
