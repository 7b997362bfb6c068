import type { INodeProperties } from 'n8n-workflow';

import { customerGroupIdParameter } from '../fields';
import { listRecords, recordOperations } from '../operations';
import { describeResource } from '../../../shared/properties';

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

const records = recordOperations({
	resource,
	thing: 'customer group',
	things: 'customer groups',
	wrapKey: 'customergroup',
	listKey: 'customergroups',
	answerKeys,
	id: customerGroupIdParameter,
	fields: [groupNameField, typeField],
	optional: [],
});

const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'customerGroupList',
	rootKey: 'customergroups',
});

const getCustomers = listRecords({
	resource,
	operation: 'getCustomers',
	endpoint: 'customerGroupCustomers',
	rootKey: 'customers',
	parent: customerGroupIdParameter,
});

export const operations = { ...records.operations, getMany, getCustomers };

export const description: INodeProperties[] = describeResource(
	resource,
	[
		...records.options,
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
	],
	Object.values(operations),
);
