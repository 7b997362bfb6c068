import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { bangwo8ApiRequestAllItems } from '../transport';
import { describeFieldOptions } from '../actions/fields';
import { RETURN_ALL } from '../../shared/pagination';
import { byName } from '../../shared/properties';

const GROUP_TYPES: Record<string, string> = {
	'1': 'Company group',
	'2': 'Contact group',
};

/** Customer groups, by name; the description says whether a group holds companies or contacts. */
export async function getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await bangwo8ApiRequestAllItems.call(this, 'customerGroupList', 'customergroups', RETURN_ALL);
	return groups
		.map((group: IDataObject) => ({
			name: String(group.groupName ?? group.groupId),
			value: String(group.groupId),
			description: GROUP_TYPES[String(group.type)],
		}))
		.sort(byName);
}

/**
 * The custom contact fields (system fields have their own parameters), by name, valued by their
 * key (`field_2`); a dropdown field lists its options so the right value can be typed.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await bangwo8ApiRequestAllItems.call(this, 'contactFieldList', 'user_fields', RETURN_ALL);
	return fields
		.filter((field: IDataObject) => String(field.system) !== '1')
		.map((field: IDataObject) => ({
			name: `${String(field.name ?? field.key)} (${String(field.key)})`,
			value: String(field.key),
			description: describeFieldOptions(field.custom_field_options),
		}))
		.sort(byName);
}

/**
 * The custom ticket fields of `tickets/ticket_fields.json` (not the contact fields), by name,
 * valued by their key; the description lists a dropdown field's options and says when a field
 * is required (`isRequired` 0 = required, 1 = optional).
 */
export async function getTicketFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await bangwo8ApiRequestAllItems.call(this, 'ticketFieldList', 'ticket_fields', RETURN_ALL);
	return fields
		.filter((field: IDataObject) => String(field.system) !== '1')
		.map((field: IDataObject) => {
			const notes = [String(field.isRequired) === '0' ? 'Required' : undefined, describeFieldOptions(field.custom_field_options)];
			const description = notes.filter((note) => note !== undefined).join('. ');
			return {
				name: `${String(field.name ?? field.key)} (${String(field.key)})`,
				value: String(field.key),
				description: description === '' ? undefined : description,
			};
		})
		.sort(byName);
}

/** Ticket templates (`tickettemplates.json`), by name, valued by tId. */
export async function getTicketTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await bangwo8ApiRequestAllItems.call(this, 'ticketTemplateList', 'tickettemplates', RETURN_ALL);
	return templates
		.map((template: IDataObject) => ({
			name: String(template.ticketTemplateName || template.tId),
			value: String(template.tId),
			description:
				typeof template.ticketTemplateDescription === 'string' && template.ticketTemplateDescription.trim() !== ''
					? template.ticketTemplateDescription
					: undefined,
		}))
		.sort(byName);
}

/** Agents (`supports.json`), by name with their email, valued by sId. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = await bangwo8ApiRequestAllItems.call(this, 'agentList', 'supports', RETURN_ALL);
	return agents
		.map((agent: IDataObject) => {
			const email = typeof agent.email === 'string' && agent.email.trim() !== '' ? ` (${agent.email})` : '';
			const details = [String(agent.isAdmin) === '1' ? 'Admin' : undefined];
			if (agent.groupId !== undefined && String(agent.groupId) !== '0') details.push(`Group ID ${String(agent.groupId)}`);
			const description = details.filter((detail) => detail !== undefined).join(', ');
			return {
				name: `${String(agent.name || agent.sId)}${email}`,
				value: String(agent.sId),
				description: description === '' ? undefined : description,
			};
		})
		.sort(byName);
}
