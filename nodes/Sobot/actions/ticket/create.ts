import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { checkId, checkText } from '../../helpers/validation';
import { collection, sortedByDisplayName } from '../../../shared/properties';
import type { RunScope } from '../../../shared/router';
import {
	agentProperty,
	attachmentUrlsProperty,
	groupProperty,
	joinFileUrls,
	levelProperty,
	nameIn,
	pickedCode,
	pickedId,
	sourceProperty,
	statusProperty,
	takeExtendFields,
	ticketCustomFieldProperties,
	ticketCustomerLocator,
	ticketDictionary,
	ticketTypeProperty,
	withoutEmpty,
} from './common';

/** What both create operations ask for first. */
export const requiredCreateProperties: INodeProperties[] = [
	ticketCustomerLocator({
		required: true,
		description:
			'The customer the ticket is for (userid: a customer of the customer centre, as Contact lists them). From the list: type a name, a phone number or an email address; By ID: e.g. the userid of a Sobot Trigger push.',
	}),
	{
		displayName: 'Title',
		name: 'ticket_title',
		type: 'string',
		required: true,
		default: '',
		description: 'Subject of the ticket',
	},
	{
		displayName: 'Description',
		name: 'ticket_content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What the customer needs (HTML allowed)',
	},
	ticketTypeProperty,
];

/** Optional fields of a ticket created for a customer (save_user_ticket). */
export const customerCreateFields: INodeProperties[] = [
	attachmentUrlsProperty,
	{
		displayName: 'Customer Emails',
		name: 'user_emails',
		type: 'string',
		default: '',
		description: 'Email addresses of the customer, separated by commas',
	},
	{
		displayName: 'Customer Phones',
		name: 'user_tels',
		type: 'string',
		default: '',
		description: 'Phone numbers of the customer, separated by commas',
	},
	{
		displayName: 'Partner ID',
		name: 'partnerid',
		type: 'string',
		default: '',
		description: "The customer's ID in your own system (partnerid)",
	},
	sourceProperty,
	...ticketCustomFieldProperties,
];

/** Optional fields of a ticket created by an agent (save_agent_ticket): the above plus handling. */
export const agentCreateFields: INodeProperties[] = sortedByDisplayName([
	...customerCreateFields,
	agentProperty('deal_agentid', 'Assignee Name or ID', 'Agent who handles the ticket. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.'),
	groupProperty,
	{
		displayName: 'Copy To',
		name: 'copyAgents',
		type: 'fixedCollection',
		placeholder: 'Add Person',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'People copied on the ticket (copy_agent)',
		options: [
			{
				displayName: 'Person',
				name: 'person',
				values: [
					{ displayName: 'Name', name: 'agent_name', type: 'string', default: '' },
					{ displayName: 'Email', name: 'agent_mail', type: 'string', placeholder: 'name@email.com', default: '' },
				],
			},
		],
	},
	levelProperty,
	statusProperty,
]);

export const createAdditionalFields = (asAgent: boolean) =>
	collection('additionalFields', asAgent ? agentCreateFields : sortedByDisplayName(customerCreateFields));

/**
 * The body of save_user_ticket / save_agent_ticket. Names Sobot wants next to ids (agent and group
 * names) come from get_data_dict, read once per node run.
 */
export async function createTicket(
	context: IExecuteFunctions,
	itemIndex: number,
	run: RunScope,
	{ endpoint, asAgent }: { endpoint: 'ticketCreateAsAgent' | 'ticketCreateForCustomer'; asAgent: boolean },
): Promise<IDataObject> {
	const fields = { ...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
	const extendFields = takeExtendFields(context, fields, itemIndex);
	const body: IDataObject = {
		userid: checkId(context, context.getNodeParameter('userid', itemIndex, '', { extractValue: true }), 'Customer', itemIndex),
		ticket_title: checkText(context, context.getNodeParameter('ticket_title', itemIndex, ''), 'Title', itemIndex),
		ticket_content: checkText(context, context.getNodeParameter('ticket_content', itemIndex, ''), 'Description', itemIndex),
		ticket_typeid: pickedId(context, context.getNodeParameter('ticketTypeId', itemIndex, ''), 'Ticket Type', itemIndex),
	};
	if (body.ticket_typeid === '') checkId(context, '', 'Ticket Type', itemIndex);
	const copy = ((fields.copyAgents as IDataObject | undefined)?.person ?? []) as IDataObject[];
	delete fields.copyAgents;
	for (const [key, value] of Object.entries(withoutEmpty(fields))) {
		if (key === 'file_str') body.file_str = joinFileUrls(value);
		else if (key === 'ticket_from') body.ticket_from = String(value);
		else if (key === 'partnerid') body.partnerid = String(value).trim();
		else if (key === 'user_emails' || key === 'user_tels') body[key] = String(value).trim();
	}
	if (asAgent) {
		const dictionary = await ticketDictionary(context, itemIndex, run);
		const creator = pickedId(context, context.getNodeParameter('create_agentid', itemIndex, ''), 'Created By', itemIndex);
		body.create_agentid = creator === '' ? checkId(context, '', 'Created By', itemIndex) : creator;
		body.create_agent_name = nameIn(context, dictionary.agents, creator, 'Agent', itemIndex);
		const assignee = pickedId(context, fields.deal_agentid, 'Assignee', itemIndex);
		if (assignee !== '') {
			body.deal_agentid = assignee;
			body.deal_agent_name = nameIn(context, dictionary.agents, assignee, 'Agent', itemIndex);
		}
		const group = pickedId(context, fields.deal_groupid, 'Assignee Group', itemIndex);
		if (group !== '') {
			body.deal_groupid = group;
			body.deal_group_name = nameIn(context, dictionary.groups, group, 'Group', itemIndex);
		}
		const status = pickedCode(context, fields.ticket_status, 'Status', itemIndex);
		if (status !== '') body.ticket_status = status;
		const level = pickedCode(context, fields.ticket_level, 'Priority', itemIndex);
		if (level !== '') body.ticket_level = level;
		const people = copy.filter((person) => String(person.agent_name ?? '').trim() !== '' || String(person.agent_mail ?? '').trim() !== '');
		if (people.length > 0) {
			body.copy_agent = people.map((person) => ({
				agent_name: String(person.agent_name ?? '').trim(),
				agent_mail: String(person.agent_mail ?? '').trim(),
			}));
		}
	}
	if (extendFields) body.extend_fields = extendFields;
	const response = await sobotApiRequest.call(context, endpoint, { body, itemIndex });
	const item = response.item;
	const id = item && typeof item === 'object' && !Array.isArray(item) ? (item as IDataObject).ticketid : item;
	return { ticketid: id === undefined || id === null ? undefined : String(id), ...body };
}
