import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/validation';
import { collection, sortedByDisplayName } from '../../../shared/properties';
import type { OperationOption, RunScope } from '../../../shared/router';
import {
	agentProperty,
	groupProperty,
	levelProperty,
	pickedCode,
	pickedId,
	statusProperty,
	takeExtendFields,
	ticketCustomFieldProperties,
	ticketIdProperty,
} from './common';
import { saveTicketReply } from './reply';

export const option: OperationOption = { name: 'Update', description: 'Change the status, priority, assignee, group or custom fields of a ticket', action: 'Update a ticket' };

export const properties: INodeProperties[] = [
	ticketIdProperty,
	agentProperty('reply_agentid', 'Updated By Name or ID', 'Agent in whose name the change is recorded. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.', true),
	collection(
		'updateFields',
		sortedByDisplayName([
			agentProperty('deal_agentid', 'Assignee Name or ID', 'Agent who handles the ticket from now on. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.'),
			groupProperty,
			{
				displayName: 'Internal Note',
				name: 'reply_content',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'A note only agents see, recorded with the change',
			},
			levelProperty,
			statusProperty,
			...ticketCustomFieldProperties,
		]),
	),
];

/**
 * Status, priority, assignee, group and custom fields through save_ticket_reply (an internal
 * reply), the only endpoint that changes them; the ticket is read first for its required fields.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const fields = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	const extendFields = takeExtendFields(this, fields, itemIndex);
	const status = pickedCode(this, fields.ticket_status, 'Status', itemIndex);
	const level = pickedCode(this, fields.ticket_level, 'Priority', itemIndex);
	const assignee = pickedId(this, fields.deal_agentid, 'Assignee', itemIndex);
	const group = pickedId(this, fields.deal_groupid, 'Assignee Group', itemIndex);
	const note = typeof fields.reply_content === 'string' ? fields.reply_content.trim() : '';
	if (!status && !level && !assignee && !group && !extendFields && !note) {
		fail(this, itemIndex, 'Add at least one field under "Update Fields"');
	}
	return await saveTicketReply(this, itemIndex, run, {
		replyType: '1',
		replyContent: note,
		status: status || undefined,
		level: level || undefined,
		assignee: assignee || undefined,
		group: group || undefined,
		extendFields,
	});
}
