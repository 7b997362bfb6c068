import { replyField, sourceField, subjectField, ticketEncoders, ticketFields, updateReplyField } from './fields';
import { dateRangeFilters } from '../common';
import { companyIdParameter, contactIdParameter, ticketIdParameter } from '../fields';
import { createRecord, getRecord, listRecords, recordOption, updateRecord } from '../operations';
import { describeResource, sortedByDisplayName } from '../../../shared/properties';
import { simplifyTicket } from '../../simplify';

/** Tickets (工单): `tickets.json`, written as `{"ticket":{…}}`; the reply goes inside `ticketReply`. */
const nested = { replyMsg: 'ticketReply' };

export const operations = {
	create: createRecord({
		option: {
			name: 'Create',
			description: 'Create a ticket with a subject and a first message',
			action: 'Create a ticket',
		},
		endpoint: 'ticketCreate',
		wrapKey: 'ticket',
		fields: [subjectField, replyField],
		optional: sortedByDisplayName([...ticketFields, sourceField]),
		encoders: ticketEncoders,
		nested,
	}),
	get: getRecord({ option: recordOption('Get', 'ticket'), endpoint: 'ticketGet', simplify: simplifyTicket, rootKeys: ['ticket'], id: ticketIdParameter }),
	getByCompany: listRecords({
		option: { name: 'Get by Company', description: 'List the tickets of a company', action: 'Get the tickets of a company' },
		endpoint: 'companyTickets',
		simplify: simplifyTicket,
		rootKey: 'tickets',
		parent: companyIdParameter,
	}),
	getByContact: listRecords({
		option: { name: 'Get by Contact', description: 'List the tickets of a contact', action: 'Get the tickets of a contact' },
		endpoint: 'contactTickets',
		simplify: simplifyTicket,
		rootKey: 'tickets',
		parent: contactIdParameter,
	}),
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List tickets, optionally by creation or update date',
			action: 'Get many tickets',
		},
		endpoint: 'ticketList',
		simplify: simplifyTicket,
		rootKey: 'tickets',
		filters: dateRangeFilters({ created: true, updated: true }),
	}),
	update: updateRecord({
		option: {
			name: 'Update',
			description: 'Change a ticket (status, priority, assignee, fields) and/or add a reply to it',
			action: 'Update a ticket',
		},
		endpoint: 'ticketUpdate',
		wrapKey: 'ticket',
		id: ticketIdParameter,
		optional: sortedByDisplayName([...ticketFields, { ...subjectField, required: false }, updateReplyField]),
		encoders: ticketEncoders,
		nested,
	}),
};

export const description = describeResource('ticket', operations);
