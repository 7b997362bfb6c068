import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { sobotApiRequest, sobotApiRequestAllItems, sobotRecords, type SobotContext } from '../../transport';
import type { SobotEndpointName } from '../../transport/endpoints';
import { accountTimeZone } from '../../transport/timeZone';
import { decodeChoiceValue } from '../../helpers/choices';
import { checkId, checkText, fail } from '../../helpers/validation';
import { CUSTOM_FIELD_INPUTS, customFieldInputs, customFieldRows, parseJsonInput } from '../../../shared/customFields';
import type { ListOptions } from '../../../shared/pagination';
import type { RunScope } from '../../../shared/router';
import { recordLocator } from '../../../shared/properties';
import { vendorWallClock } from '../../../shared/time';

export { withoutEmpty } from '../../../shared/values';

/**
 * Sobot ticket centre (工单中心), `/api/ws/5/ticket/`. Not in the seed documents: what is known
 * comes from VENDOR-NOTES ("Beyond the seeds"). Every guess about the wire is in this file or in
 * endpoints.ts, marked ASSUMPTION, so a real account can correct it in one line.
 */

/** ASSUMPTION: ticket records carry these two fields, as Unix seconds (text), like the CRM push. */
export const TICKET_CREATED_FIELD = 'create_datetime';
export const TICKET_UPDATED_FIELD = 'update_datetime';

/**
 * query_tickets accepts a range of at most one month (error 400xxx otherwise). A "month" is not
 * defined further, so ranges are split into windows of 28 days, which fit every reading of it.
 */
export const TICKET_WINDOW_MS = 28 * 24 * 3600_000;

/**
 * ASSUMPTION: the date filters of the ticket lists take 'YYYY-MM-DD HH:mm:ss' in the account's
 * zone (`accountTimeZone`: the credential's Account Time Zone, China time by default).
 */
export function ticketQueryTime(ms: number, timeZone: string): string {
	return vendorWallClock(ms, timeZone);
}


/** [from, to] split into consecutive windows of at most {@link TICKET_WINDOW_MS}, newest first. */
export function timeWindows(fromMs: number, toMs: number): Array<{ from: number; to: number }> {
	const windows: Array<{ from: number; to: number }> = [];
	for (let end = toMs; end >= fromMs; end -= TICKET_WINDOW_MS) {
		// Both ends are inclusive to the second: the next window ends one second before this one starts.
		const start = Math.max(fromMs, end - TICKET_WINDOW_MS + 1000);
		windows.push({ from: start, to: end });
		if (start === fromMs) break;
	}
	return windows;
}

/** The ticket's id field. */
export function ticketId(record: IDataObject): string {
	const id = record.ticketid ?? record.ticket_id ?? record.id;
	return id === undefined || id === null ? '' : String(id);
}

/**
 * Every ticket of a list endpoint with `create_*` or `update_*` datetime filters over a range of
 * any length: one request series per window (newest window first), each paged by the transport
 * (50 a page at most), each ticket once. Limit stops early.
 */
export async function listTicketsInRange(
	context: SobotContext,
	endpoint: Extract<SobotEndpointName, 'ticketList' | 'ticketListByUpdateTime'>,
	range: { from: number; to: number },
	qs: IDataObject,
	{ returnAll, limit }: ListOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const prefix = endpoint === 'ticketList' ? 'create' : 'update';
	const timeZone = await accountTimeZone(context, itemIndex);
	const tickets: IDataObject[] = [];
	const seen = new Set<string>();
	for (const window of timeWindows(range.from, range.to)) {
		const wanted = returnAll ? Number.POSITIVE_INFINITY : limit - tickets.length;
		if (wanted <= 0) break;
		const page = await sobotApiRequestAllItems.call(
			context,
			endpoint,
			{ returnAll, limit: wanted, parallel: 1 },
			{
				qs: {
					...qs,
					[`${prefix}_start_datetime`]: ticketQueryTime(window.from, timeZone),
					[`${prefix}_end_datetime`]: ticketQueryTime(window.to, timeZone),
				},
				itemIndex,
			},
		);
		for (const ticket of page) {
			const id = ticketId(ticket);
			if (id !== '' && seen.has(id)) continue;
			if (id !== '') seen.add(id);
			tickets.push(ticket);
		}
	}
	return returnAll ? tickets : tickets.slice(0, limit);
}

// ------------------------------------------------------------------------------- dictionary

export interface TicketType {
	id: string;
	/** Names from the top of the type tree down, joined with " / ". */
	path: string;
	/** Whether the type has no sub-types (tickets are filed under leaf types). */
	leaf: boolean;
}

export interface TicketDictionary {
	types: TicketType[];
	statuses: Array<{ value: string; name: string }>;
	levels: Array<{ value: string; name: string }>;
	groups: Array<{ id: string; name: string }>;
	agents: Array<{ id: string; name: string }>;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function flattenTypes(list: unknown, parents: string[], out: TicketType[]): void {
	if (!Array.isArray(list)) return;
	for (const node of list as IDataObject[]) {
		if (!node || typeof node !== 'object') continue;
		const path = [...parents, text(node.type_name)];
		const children = Array.isArray(node.sub_type_list) ? node.sub_type_list : [];
		out.push({ id: text(node.typeid), path: path.join(' / '), leaf: children.length === 0 });
		flattenTypes(children, path, out);
	}
}

function dictPairs(list: unknown): Array<{ value: string; name: string }> {
	return Array.isArray(list)
		? (list as IDataObject[]).map((entry) => ({ value: text(entry.dict_value), name: text(entry.dict_name) }))
		: [];
}

/** get_data_dict: ticket types (tree), statuses, levels, groups and agents. */
export async function fetchTicketDictionary(context: SobotContext, itemIndex?: number): Promise<TicketDictionary> {
	const response = await sobotApiRequest.call(context, 'ticketDataDict', { itemIndex });
	const item = (sobotRecords(response)[0] ?? {}) as IDataObject;
	const types: TicketType[] = [];
	flattenTypes(item.ticket_type_list, [], types);
	return {
		types: types.filter((type) => type.id !== ''),
		statuses: dictPairs(item.ticket_status_list),
		levels: dictPairs(item.ticket_level_list),
		groups: Array.isArray(item.group_list)
			? (item.group_list as IDataObject[]).map((group) => ({ id: text(group.groupid), name: text(group.group_name) }))
			: [],
		agents: Array.isArray(item.agent_list)
			? (item.agent_list as IDataObject[]).map((agent) => ({ id: text(agent.agentid), name: text(agent.agent_name) }))
			: [],
	};
}

/** The dictionary, read once per node run. */
export async function ticketDictionary(context: IExecuteFunctions, itemIndex: number, run: RunScope): Promise<TicketDictionary> {
	return await run.once('ticketDictionary', async () => await fetchTicketDictionary(context, itemIndex));
}

/** English names of the standard statuses and levels; custom statuses keep Sobot's name. */
export const STANDARD_STATUSES: Readonly<Record<string, string>> = {
	'0': 'New',
	'1': 'In Progress',
	'2': 'Waiting for Reply',
	'3': 'Solved',
	'99': 'Closed',
	'98': 'Deleted',
};
export const STANDARD_LEVELS: Readonly<Record<string, string>> = { '0': 'Low', '1': 'Medium', '2': 'High', '3': 'Urgent' };

/** Dropdown options of statuses or levels: Sobot's list, or the standard values when it sends none. */
export function dictOptions(
	pairs: Array<{ value: string; name: string }>,
	standard: Readonly<Record<string, string>>,
): INodePropertyOptions[] {
	const list = pairs.length > 0 ? pairs : Object.keys(standard).map((value) => ({ value, name: '' }));
	return list.map(({ value, name }) => {
		const english = standard[value];
		const shown = english && name ? `${english} (${name})` : english || name || value;
		return { name: shown, value };
	});
}

// ------------------------------------------------------------------------------- parameters

export const ticketIdProperty: INodeProperties = {
	displayName: 'Ticket ID',
	name: 'ticketId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the ticket (ticketid)',
};

const agentBase: INodeProperties = {
	displayName: 'Agent Name or ID',
	name: 'agent',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketAgents' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** An agent dropdown (get_data_dict's agent_list); `description` ends with the usual expression hint. */
export function agentProperty(name: string, displayName: string, description: string, required = false): INodeProperties {
	return { ...agentBase, name, displayName, required, description };
}

export const groupProperty: INodeProperties = {
	displayName: 'Assignee Group Name or ID',
	name: 'deal_groupid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketGroups' },
	default: '',
	description: 'Service group that handles the ticket. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const statusProperty: INodeProperties = {
	displayName: 'Status Name or ID',
	name: 'ticket_status',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketStatuses' },
	default: '',
	description:
		'Ticket status (0 new, 1 in progress, 2 waiting for reply, 3 solved, 99 closed, or a custom status). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const levelProperty: INodeProperties = {
	displayName: 'Priority Name or ID',
	name: 'ticket_level',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketLevels' },
	default: '',
	description: 'Ticket priority (0 low, 1 medium, 2 high, 3 urgent). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const ticketTypeProperty: INodeProperties = {
	displayName: 'Ticket Type Name or ID',
	name: 'ticketTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketTypes' },
	required: true,
	default: '',
	description:
		'Category of the ticket, shown as its path in the type tree; Sobot files tickets under a type without sub-types. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const sourceProperty: INodeProperties = {
	displayName: 'Source Channel Code',
	name: 'ticket_from',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 17 },
	default: 0,
	description: "Sobot's code (0–17) of the channel the ticket came from",
};

export const attachmentUrlsProperty: INodeProperties = {
	displayName: 'Attachment URLs',
	name: 'file_str',
	type: 'string',
	default: '',
	description:
		'URLs of files already uploaded to Sobot (e.g. the file_url of Ticket → Upload Attachment), separated by commas or semicolons',
};

/** Custom field rows (field picked by ticket type, value typed or picked) and a JSON alternative. */
export const ticketCustomFieldProperties = customFieldInputs({
	description: 'Values of ticket custom fields, sent as extend_fields',
	values: [
		{
			displayName: 'Field Name or ID',
			name: 'fieldid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTicketCustomFields' },
			default: '',
			description: "Custom field of the ticket's type. Choose from the list, or specify an ID using an <a href=\"https://docs.n8n.io/code/expressions/\">expression</a>.",
		},
		{
			displayName: 'Option Names or IDs',
			name: 'options',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTicketCustomFieldOptions', loadOptionsDependsOn: ['&fieldid'] },
			default: [],
			description:
				'For choice fields: the options to set (used instead of Value when any is picked). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Value',
			name: 'field_value',
			type: 'string',
			default: '',
			description: 'For text, number and date fields: the value. For choice fields, option values separated by commas also work.',
		},
	],
	jsonDefault: '[]',
	jsonDescription: 'For power users: the extend_fields array as JSON, e.g. [{"fieldid":"…","field_value":"…"}]. Added to the Custom Fields above.',
});

// ------------------------------------------------------------------------------- reading inputs

/** A picked id (dropdown or expression), checked; '' when empty. */
export function pickedId(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const id = decodeChoiceValue(value);
	return id === '' ? '' : checkId(context, id, label, itemIndex);
}

/** A status or level code: digits only; '' when empty. */
export function pickedCode(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const code = decodeChoiceValue(value);
	if (code !== '' && !/^\d{1,4}$/.test(code)) {
		fail(context, itemIndex, `"${label}" is not a valid Sobot code: "${code}"`, 'Pick a value from the list, or give its number.');
	}
	return code;
}

export function readTicketId(context: IExecuteFunctions, itemIndex: number): string {
	return checkId(context, context.getNodeParameter('ticketId', itemIndex, ''), 'Ticket ID', itemIndex);
}

/** The name of an agent or group known to Sobot's dictionary; an unknown id stops the item. */
export function nameIn(
	context: IExecuteFunctions,
	list: Array<{ id: string; name: string }>,
	id: string,
	label: string,
	itemIndex: number,
): string {
	const match = list.find((entry) => entry.id === id);
	if (!match) {
		throw new NodeOperationError(context.getNode(), `${label} "${id}" was not found in Sobot's ticket dictionary`, {
			itemIndex,
			description: `Pick the ${label.toLowerCase()} from the list or check the ID.`,
		});
	}
	return match.name;
}

/** Attachment URLs given with commas, semicolons or as a list, joined the way Sobot wants them (`;`). */
export function joinFileUrls(value: unknown): string {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[;,\n]/);
	return entries
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.join(';');
}

const JSON_EXAMPLE = 'Example: [{"fieldid":"…","field_value":"…"}]';

function fieldValue(value: unknown): string {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter((entry) => entry !== '').join(',');
	return value === undefined || value === null ? '' : String(value);
}

/**
 * Takes the custom-field inputs out of a collection and returns `extend_fields`
 * (`[{fieldid, field_value}]`), or undefined when none were given.
 */
export function takeExtendFields(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject[] | undefined {
	const entries: IDataObject[] = customFieldRows(fields).map((row, position) => {
		const fieldid = decodeChoiceValue(row.fieldid);
		if (fieldid === '') fail(context, itemIndex, `Custom field ${position + 1} has no field chosen`);
		const picked = fieldValue(row.options);
		return { fieldid, field_value: picked !== '' ? picked : fieldValue(row.field_value) };
	});
	const parsed = parseJsonInput(
		fields.customFieldsJson,
		(reason) => new NodeOperationError(context.getNode(), '"Custom Fields (JSON)" is not valid JSON', { itemIndex, description: reason }),
	);
	if (parsed !== undefined && parsed !== null) {
		if (!Array.isArray(parsed)) fail(context, itemIndex, '"Custom Fields (JSON)" must be an array', JSON_EXAMPLE);
		(parsed as unknown[]).forEach((entry, position) => {
			const field = entry as IDataObject;
			if (!field || typeof field !== 'object' || Array.isArray(field) || !field.fieldid) {
				fail(context, itemIndex, `"Custom Fields (JSON)" entry ${position + 1} needs a "fieldid"`, JSON_EXAMPLE);
			}
			entries.push({ ...field, field_value: fieldValue(field.field_value) });
		});
	}
	for (const name of CUSTOM_FIELD_INPUTS) delete fields[name];
	return entries.length > 0 ? entries : undefined;
}

/** The text of a reply (agent's or customer's), required. */
export function replyContentProperty(description: string): INodeProperties {
	return {
		displayName: 'Reply',
		name: 'reply_content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description,
	};
}

export function readReplyContent(context: IExecuteFunctions, itemIndex: number): string {
	return checkText(context, context.getNodeParameter('reply_content', itemIndex, ''), 'Reply', itemIndex);
}

/**
 * A ticket's customer (`userid`): a customer of the customer centre, picked from the list as the
 * Contact resource lists them (search by name, phone or email) or given by ID. A plain ID saved
 * before this was a locator is read as it is.
 */
export function ticketCustomerLocator({ required, description }: { required: boolean; description: string }): INodeProperties {
	return recordLocator({
		name: 'userid',
		displayName: 'Customer',
		thing: 'customer',
		searchListMethod: 'searchContacts',
		description,
		required,
		placeholder: 'e.g. 9f8e7d6c5b4a43219876fedcba012345',
		idPattern: '^\\s*[A-Za-z0-9_-]+\\s*$',
	});
}
