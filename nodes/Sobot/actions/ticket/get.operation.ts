import { NodeApiError, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { readTicketId, ticketIdProperty } from './common';
import type { OperationOption } from '../../../shared/router';
import { simplifyTicket } from '../../simplify';

export const option: OperationOption = { name: 'Get', description: 'Get a ticket by ID, with its replies, history, files and custom fields', action: 'Get a ticket' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyTicket;

export const properties: INodeProperties[] = [ticketIdProperty];

/** get_ticket_by_id: the ticket with its custom fields, replies (deal_list), history (update_log_list) and files. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ticketid = readTicketId(this, itemIndex);
	const [ticket] = sobotRecords(await sobotApiRequest.call(this, 'ticketGet', { qs: { ticketid }, itemIndex }));
	if (ticket === undefined) {
		throw new NodeApiError(this.getNode(), { ticketid } as JsonObject, { message: `Sobot has no ticket "${ticketid}"`, itemIndex });
	}
	return ticket;
}
