import type { INodeProperties } from 'n8n-workflow';

import { companyLocator, customFieldProperties } from '../fields';

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: "The contact's name",
};

/** Every contact field of seed 000 except the name, sorted as the editor shows them. */
export const contactFields: INodeProperties[] = [
	{
		...companyLocator('companyId', 'Company', false),
		description: 'The company the contact belongs to (required in 2B mode)',
	},
	...customFieldProperties(true),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Fixed Phone',
		name: 'fixnumber',
		type: 'string',
		default: '',
		description: 'Landline number',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		description: 'Mobile phone number',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		description: 'Job title',
	},
	{
		displayName: 'QQ',
		name: 'QQ',
		type: 'string',
		default: '',
		description: 'QQ number',
	},
	{
		displayName: 'Service Group ID',
		name: 'service_groupid',
		type: 'string',
		default: '',
		description: 'ID of the service group (服务组)',
	},
];
