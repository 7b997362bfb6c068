import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters } from '../common';
import {
	companyIdParameter,
	contactIdParameter,
	customFieldProperties,
	ticketIdParameter,
} from '../fields';
import { createRecord, getRecord, listRecords, recordOption, updateRecord } from '../operations';
import { describeResource, sortedByDisplayName } from '../../../shared/properties';

const resource = 'ticket';

const subjectField: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 产品咨询',
};

const replyField: INodeProperties = {
	displayName: 'First Reply',
	name: 'replyMsg',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'The first message of the ticket (ticketReply.replyMsg)',
};

/** The ticket fields of the vendor notes besides the subject and the reply. */
const ticketFields: INodeProperties[] = [
	...customFieldProperties(false),
	{
		displayName: 'Description',
		name: 'descript',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	{
		displayName: 'Priority Level',
		name: 'priorityLevel',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'Priority as Bangwo8 numbers it (priorityLevel)',
	},
	{
		displayName: 'Status',
		name: 'ticketStatus',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'Status as Bangwo8 numbers it (ticketStatus)',
	},
	{
		displayName: 'Ticket Template ID',
		name: 'ticketTemplateId',
		type: 'string',
		default: '',
	},
];

export const create = createRecord({
	resource,
	operation: 'create',
	endpoint: 'ticketCreate',
	wrapKey: 'ticket',
	fields: [subjectField, replyField],
	optional: ticketFields,
});

export const update = updateRecord({
	resource,
	operation: 'update',
	endpoint: 'ticketUpdate',
	wrapKey: 'ticket',
	id: ticketIdParameter,
	optional: sortedByDisplayName([
		...ticketFields,
		{ ...subjectField, required: false },
		{
			...replyField,
			displayName: 'Reply',
			required: false,
			description: 'A reply to add to the ticket (ticketReply.replyMsg)',
		},
	]),
});

export const get = getRecord({
	resource,
	operation: 'get',
	endpoint: 'ticketGet',
	rootKeys: ['ticket'],
	id: ticketIdParameter,
});

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'ticketList',
	rootKey: 'tickets',
	filters: dateRangeFilters({ created: true, updated: true }),
});

export const getByContact = listRecords({
	resource,
	operation: 'getByContact',
	endpoint: 'contactTickets',
	rootKey: 'tickets',
	parent: contactIdParameter,
});

export const getByCompany = listRecords({
	resource,
	operation: 'getByCompany',
	endpoint: 'companyTickets',
	rootKey: 'tickets',
	parent: companyIdParameter,
});

export const operations = {
	create,
	update,
	get,
	getMany,
	getByContact,
	getByCompany,
};

export const description: INodeProperties[] = describeResource(
	resource,
	[
		recordOption('create', 'ticket'),
		recordOption('get', 'ticket'),
		{
			name: 'Get by Company',
			value: 'getByCompany',
			description: 'List the tickets of a company',
			action: 'Get the tickets of a company',
		},
		{
			name: 'Get by Contact',
			value: 'getByContact',
			description: 'List the tickets of a contact',
			action: 'Get the tickets of a contact',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List tickets, optionally by creation or update date',
			action: 'Get many tickets',
		},
		recordOption('update', 'ticket'),
	],
	Object.values(operations),
);
