import type { INodeProperties } from 'n8n-workflow';

import { cleanId, contactLocator, customFieldProperties, readIdText, readNamedNumber, readTagText, type NamedNumber } from '../fields';
import type { FieldEncoder } from '../operations';

/**
 * The ticket fields of the vendor's ticket page (VENDOR-NOTES "Bangwo8 tickets, complete").
 * Named numbers keep their parameter names and take numbers too, so a workflow saved when
 * status and priority were plain numbers (ticketStatus 2) still sends the same number (Open).
 */

export const TICKET_STATUSES: NamedNumber[] = [
	{ name: 'New', value: 1 },
	{ name: 'Open', value: 2 },
	{ name: 'Awaiting Reply', value: 3 },
	{ name: 'Solved', value: 4 },
	{ name: 'Closed Automatically', value: 5 },
	{ name: 'Closed Manually', value: 6 },
];

export const TICKET_PRIORITIES: NamedNumber[] = [
	{ name: 'Low', value: 1 },
	{ name: 'Normal', value: 2 },
	{ name: 'High', value: 3 },
	{ name: 'Urgent', value: 4 },
];

export const TICKET_TYPES: NamedNumber[] = [
	{ name: 'Question', value: 1 },
	{ name: 'Task', value: 2 },
	{ name: 'Incident', value: 3 },
	{ name: 'Job', value: 4 },
];

export const TICKET_SOURCES: NamedNumber[] = [
	{ name: 'Remote', value: 1 },
	{ name: 'Chat', value: 2 },
	{ name: 'Call Centre', value: 3 },
	{ name: 'Message', value: 4 },
	{ name: 'System', value: 5 },
	{ name: 'API', value: 7 },
	{ name: 'Template', value: 8 },
	{ name: 'Email', value: 9 },
];

function hint(choices: NamedNumber[]): string {
	return choices.map((choice) => `${choice.value} ${choice.name}`).join(', ');
}

function namedNumberField(
	displayName: string,
	name: string,
	choices: NamedNumber[],
	defaultValue: number,
	what: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: [...choices].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
		description: `${what} (${name}). An expression may give the number or the name: ${hint(choices)}.`,
	};
}

function namedNumberEncoder(choices: NamedNumber[]): FieldEncoder {
	return (context, value, displayName, itemIndex) => readNamedNumber(context, value, displayName, choices, itemIndex);
}

export const subjectField: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Printer does not start',
	description: 'Title of the ticket',
};

export const replyField: INodeProperties = {
	displayName: 'First Reply',
	name: 'replyMsg',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'The first message of the ticket (ticketReply.replyMsg)',
};

export const updateReplyField: INodeProperties = {
	...replyField,
	displayName: 'Reply',
	required: false,
	description: 'A reply to add to the ticket (ticketReply.replyMsg); the other fields may be left unchanged',
};

/** The fields create and update share (create adds the source). */
export const ticketFields: INodeProperties[] = [
	{
		displayName: 'Assignee Name or ID',
		name: 'servicerUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Assignee Group ID',
		name: 'servicerGroupId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1203',
		description: 'ID of the agent group handling the ticket (servicerGroupId); the agent list shows each agent\'s group ID',
	},
	{
		displayName: 'CC Agent Names or IDs',
		name: 'ccUserIdList',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'CC Group IDs',
		name: 'ccGroupIdList',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1203, 1204',
		description: 'Comma-separated IDs of the agent groups copied on the ticket (ccGroupIdList)',
	},
	{
		...contactLocator('custUserId', 'Contact', false),
		description: 'The contact the ticket is for (custUserId): picked from the list (type to search) or given by ID',
	},
	...customFieldProperties(
		true,
		'getTicketFields',
		"Custom ticket fields. A ticket template's own fields are saved only when the same request also sets Ticket Template.",
	),
	{
		displayName: 'Description',
		name: 'descript',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Description of the problem',
	},
	namedNumberField('Priority Level', 'priorityLevel', TICKET_PRIORITIES, 1, 'Priority'),
	namedNumberField('Status', 'ticketStatus', TICKET_STATUSES, 1, 'Status'),
	{
		displayName: 'Tags',
		name: 'tagList',
		type: 'string',
		default: '',
		placeholder: 'e.g. vip, printer',
		description: 'Comma-separated tags (tagList)',
	},
	{
		displayName: 'Ticket Template Name or ID',
		name: 'ticketTemplateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTicketTemplates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	namedNumberField('Type', 'ticketType', TICKET_TYPES, 1, 'Kind of ticket'),
];

export const sourceField = namedNumberField('Source', 'ticketSource', TICKET_SOURCES, 7, 'Where the ticket came from');

export const ticketEncoders: Record<string, FieldEncoder> = {
	ccGroupIdList: readIdText,
	ccUserIdList: readIdText,
	custUserId: cleanId,
	priorityLevel: namedNumberEncoder(TICKET_PRIORITIES),
	servicerGroupId: cleanId,
	servicerUserId: cleanId,
	tagList: readTagText,
	ticketSource: namedNumberEncoder(TICKET_SOURCES),
	ticketStatus: namedNumberEncoder(TICKET_STATUSES),
	ticketTemplateId: cleanId,
	ticketType: namedNumberEncoder(TICKET_TYPES),
};
