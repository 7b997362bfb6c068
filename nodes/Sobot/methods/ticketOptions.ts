import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../transport';
import { decodeChoiceValue } from '../helpers/choices';
import { dictOptions, fetchTicketDictionary, STANDARD_LEVELS, STANDARD_STATUSES } from '../actions/ticket/common';
import { byName } from '../../shared/properties';

/** Dropdowns of the ticket resource: get_data_dict and the custom fields of a ticket type. */

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Ticket types as their path in the type tree; only types without sub-types (tickets are filed under those). */
export async function getTicketTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { types } = await fetchTicketDictionary(this);
	return types.filter((type) => type.leaf).map((type) => ({ name: type.path, value: type.id })).sort(byName);
}

export async function getTicketStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return dictOptions((await fetchTicketDictionary(this)).statuses, STANDARD_STATUSES);
}

export async function getTicketLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return dictOptions((await fetchTicketDictionary(this)).levels, STANDARD_LEVELS);
}

export async function getTicketGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchTicketDictionary(this)).groups.map((group) => ({ name: group.name, value: group.id })).sort(byName);
}

export async function getTicketAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchTicketDictionary(this)).agents.map((agent) => ({ name: agent.name, value: agent.id })).sort(byName);
}

function parameter(context: ILoadOptionsFunctions, name: string): string {
	try {
		return decodeChoiceValue(context.getCurrentNodeParameter(name));
	} catch {
		return '';
	}
}

/**
 * The custom fields of the ticket's type: the type picked on the node, else (update) the type of
 * the ticket given by ID, else every ticket custom field.
 */
async function ticketFields(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	let typeId = parameter(context, 'ticketTypeId');
	const ticketid = parameter(context, 'ticketId');
	if (typeId === '' && /^[A-Za-z0-9_-]+$/.test(ticketid)) {
		const [ticket] = sobotRecords(await sobotApiRequest.call(context, 'ticketGet', { qs: { ticketid } }));
		typeId = text(ticket?.ticket_typeid);
	}
	const response =
		typeId === ''
			? await sobotApiRequest.call(context, 'ticketAllFields')
			: await sobotApiRequest.call(context, 'ticketFieldsByType', { qs: { ticket_typeid: typeId } });
	return sobotRecords(response);
}

export async function getTicketCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await ticketFields(this))
		.map((field) => ({
			name: `${text(field.field_name)}${String(field.fill_flag) === '1' ? ' (required)' : ''}`,
			value: text(field.fieldid),
		}))
		.sort(byName);
}

/** The options of the custom field chosen in the same row. */
export async function getTicketCustomFieldOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fieldid = parameter(this, '&fieldid');
	if (fieldid === '') return [];
	const field = (await ticketFields(this)).find((entry) => text(entry.fieldid) === fieldid);
	const options = Array.isArray(field?.field_data_list) ? (field.field_data_list as IDataObject[]) : [];
	return options.map((option) => ({ name: text(option.data_name), value: text(option.data_value) }));
}
