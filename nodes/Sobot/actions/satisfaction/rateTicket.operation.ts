import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { checkId } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { isBlank } from '../../../shared/values';
import { readTicketId, ticketIdProperty } from '../ticket/common';
import { readScore, scoreProperty } from './common';

export const option: OperationOption = {
	name: 'Rate Ticket',
	description: "Record the customer's satisfaction rating of a ticket (score 1–5 and a remark). Give the ticket ID and the score.",
	action: 'Rate a ticket',
};

export const properties: INodeProperties[] = [
	ticketIdProperty,
	scoreProperty,
	collection('additionalFields', [
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			description: "Your Sobot company ID. Empty: read from the ticket (its companyid), which costs one request.",
		},
		{
			displayName: 'Remark',
			name: 'remark',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: "The customer's comment",
		},
	]),
];

/**
 * add_ticket_evaluation (ASSUMPTION in the endpoint table: camelCase ticketId, companyId, score,
 * remark). Sobot wants the company ID, which the ticket carries: without one given, the ticket
 * is read first. Returns the rating as sent plus anything Sobot answers in `item`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ticketId = readTicketId(this, itemIndex);
	const score = readScore(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	let companyId = isBlank(fields.companyId) ? '' : checkId(this, fields.companyId, 'Company ID', itemIndex);
	if (companyId === '') {
		const [ticket] = sobotRecords(await sobotApiRequest.call(this, 'ticketGet', { qs: { ticketid: ticketId }, itemIndex }));
		if (ticket === undefined) {
			throw new NodeApiError(this.getNode(), { ticketid: ticketId } as JsonObject, { message: `Sobot has no ticket "${ticketId}"`, itemIndex });
		}
		companyId = String(ticket.companyid ?? ticket.companyId ?? '');
		if (companyId === '') {
			throw new NodeApiError(this.getNode(), { ticketid: ticketId } as JsonObject, {
				message: `Sobot's ticket "${ticketId}" carries no company ID`,
				description: 'Give your company ID under Additional Fields → Company ID.',
				itemIndex,
			});
		}
	}
	const body: IDataObject = { ticketId, companyId, score };
	if (!isBlank(fields.remark)) body.remark = String(fields.remark);
	const response = await sobotApiRequest.call(this, 'ticketEvaluationAdd', { body, itemIndex });
	return { ...body, ...(isPlainObject(response.item) ? response.item : {}) } as IDataObject;
}
