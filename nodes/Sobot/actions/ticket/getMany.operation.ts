import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { toUnixSeconds } from '../../../shared/time';
import { checkId, fail } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import {
	agentProperty,
	listTicketsInRange,
	pickedCode,
	pickedId,
	sourceProperty,
	statusProperty,
	TICKET_WINDOW_MS,
	ticketCustomerLocator,
} from './common';
import { isLocatorValue } from '../../helpers/choices';
import type { OperationOption } from '../../../shared/router';
import { simplifyTicket } from '../../simplify';

export const option: OperationOption = { name: 'Get Many', description: 'List tickets created in a date range (any length), filtered by status, type, customer or assignee', action: 'Get many tickets' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyTicket;

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	collection('filters', [
		agentProperty('deal_agentid', 'Assignee Name or ID', 'Only tickets handled by this agent. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.'),
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only tickets created at or after this time. Without it: the 4 weeks before Created Before. Any range works; Sobot is asked one 4-week window at a time.',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only tickets created at or before this time (default: now)',
		},
		ticketCustomerLocator({ required: false, description: 'Only tickets of this customer (userid): pick from the list or give the ID' }),
		sourceProperty,
		statusProperty,
		{
			displayName: 'Ticket Type Name or ID',
			name: 'ticket_typeid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTicketTypes' },
			default: '',
			description:
				'Only tickets of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

/** query_tickets over any creation range: split into windows Sobot accepts, newest first, 50 a page. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const to =
		filters.createdBefore ? toUnixSeconds(this, filters.createdBefore, 'Created Before', itemIndex) * 1000 : Math.floor(Date.now() / 1000) * 1000;
	const from = filters.createdAfter
		? toUnixSeconds(this, filters.createdAfter, 'Created After', itemIndex) * 1000
		: to - TICKET_WINDOW_MS + 1000;
	if (from > to) fail(this, itemIndex, '"Created After" is later than "Created Before"');
	const qs: IDataObject = {};
	const status = pickedCode(this, filters.ticket_status, 'Status', itemIndex);
	if (status !== '') qs.ticket_status = status;
	if (filters.ticket_from !== undefined && filters.ticket_from !== '') qs.ticket_from = String(filters.ticket_from);
	const type = pickedId(this, filters.ticket_typeid, 'Ticket Type', itemIndex);
	if (type !== '') qs.ticket_typeid = type;
	const customer = isLocatorValue(filters.userid) ? filters.userid.value : filters.userid;
	if (customer !== undefined && customer !== null && String(customer).trim() !== '') {
		qs.userid = checkId(this, customer, 'Customer', itemIndex);
	}
	const agent = pickedId(this, filters.deal_agentid, 'Assignee', itemIndex);
	if (agent !== '') qs.deal_agentid = agent;
	return await listTicketsInRange(this, 'ticketList', { from, to }, qs, getListOptions(this, itemIndex), itemIndex);
}
