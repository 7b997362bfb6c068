import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters } from '../common';
import { companyIdParameter, contactIdParameter, ticketIdParameter } from '../fields';
import { createRecord, getRecord, listRecords, recordOption, updateRecord } from '../operations';
import { describeResource, sortedByDisplayName } from '../../../shared/properties';
import { replyField, sourceField, subjectField, ticketEncoders, ticketFields, updateReplyField } from './fields';

const resource = 'ticket';

export const create = createRecord({
	resource,
	operation: 'create',
	endpoint: 'ticketCreate',
	wrapKey: 'ticket',
	fields: [subjectField, replyField],
	optional: sortedByDisplayName([...ticketFields, sourceField]),
	encoders: ticketEncoders,
});

export const update = updateRecord({
	resource,
	operation: 'update',
	endpoint: 'ticketUpdate',
	wrapKey: 'ticket',
	id: ticketIdParameter,
	optional: sortedByDisplayName([...ticketFields, { ...subjectField, required: false }, updateReplyField]),
	encoders: ticketEncoders,
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
		{
			name: 'Create',
			value: 'create',
			description: 'Create a ticket with a subject and a first message',
			action: 'Create a ticket',
		},
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
		{
			name: 'Update',
			value: 'update',
			description: 'Change a ticket (status, priority, assignee, fields) and/or add a reply to it',
			action: 'Update a ticket',
		},
	],
	Object.values(operations),
);
