import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { checkId } from '../../helpers/validation';
import type { RunScope } from '../../../shared/router';
import { accountTimeZone } from '../../transport/timeZone';
import { nameIn, pickedId, ticketDictionary, ticketQueryTime, readTicketId } from './common';

export interface ReplyChanges {
	/** 0 public (the customer sees it), 1 internal note. */
	replyType: '0' | '1';
	replyContent?: string;
	replyFileStr?: string;
	status?: string;
	level?: string;
	assignee?: string;
	group?: string;
	extendFields?: IDataObject[];
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * save_ticket_reply, Sobot's only way to reply to a ticket or change its status, priority,
 * assignee or fields. It requires the ticket's title, description, status and priority, so the
 * ticket is read first (get_ticket_by_id) and what is not changed is sent as it is.
 * ASSUMPTION: get_ticket_datetime is the time the ticket was read ('YYYY-MM-DD HH:mm:ss' in the
 * account's zone, as the ticket lists' date filters).
 */
export async function saveTicketReply(
	context: IExecuteFunctions,
	itemIndex: number,
	run: RunScope,
	changes: ReplyChanges,
): Promise<IDataObject> {
	const ticketid = readTicketId(context, itemIndex);
	const agent = pickedId(context, context.getNodeParameter('reply_agentid', itemIndex, ''), 'Agent', itemIndex);
	const dictionary = await ticketDictionary(context, itemIndex, run);
	if (agent === '') checkId(context, agent, 'Agent', itemIndex);
	const agentName = nameIn(context, dictionary.agents, agent, 'Agent', itemIndex);
	const timeZone = await accountTimeZone(context, itemIndex);
	const readAt = Date.now();
	const [ticket] = sobotRecords(await sobotApiRequest.call(context, 'ticketGet', { qs: { ticketid }, itemIndex }));
	if (ticket === undefined) {
		throw new NodeApiError(context.getNode(), { ticketid } as JsonObject, { message: `Sobot has no ticket "${ticketid}"`, itemIndex });
	}
	const body: IDataObject = {
		ticketid,
		ticket_title: text(ticket.ticket_title),
		ticket_content: text(ticket.ticket_content),
		get_ticket_datetime: ticketQueryTime(readAt, timeZone),
		reply_type: changes.replyType,
		reply_agentid: agent,
		reply_agent_name: agentName,
		ticket_status: changes.status ?? text(ticket.ticket_status),
		ticket_level: changes.level ?? text(ticket.ticket_level),
	};
	if (changes.replyContent !== undefined) body.reply_content = changes.replyContent;
	if (changes.replyFileStr) body.reply_file_str = changes.replyFileStr;
	if (changes.assignee !== undefined) {
		body.deal_agentid = changes.assignee;
		body.deal_agent_name = nameIn(context, dictionary.agents, changes.assignee, 'Agent', itemIndex);
	}
	if (changes.group !== undefined) {
		body.deal_groupid = changes.group;
		body.deal_group_name = nameIn(context, dictionary.groups, changes.group, 'Group', itemIndex);
	}
	if (changes.extendFields) body.extend_fields = changes.extendFields;
	await sobotApiRequest.call(context, 'ticketReply', { body, itemIndex });
	const { get_ticket_datetime: _readAt, ...sent } = body;
	void _readAt;
	return sent;
}
