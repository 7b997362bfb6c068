import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { customFieldInputs, customFieldRows, parseJsonInput } from '../../shared/customFields';
import { MAX_ID_LENGTH, splitIdText } from '../../shared/paths';
import { recordLocator } from '../../shared/properties';
import { readNamedOption } from '../../shared/options';

/** Bangwo8 accepts at most this many ids in one `ids=` list (show_many, destroy_many). */
export const MAX_IDS_PER_REQUEST = 100;

const NUMERIC_ID = /^\d+$/;

/** A record id parameter of one resource: how it is shown and how its errors name it. */
export interface IdParameter {
	name: string;
	displayName: string;
	property: INodeProperties;
}

/** What a record locator searches and how its ID mode hints at the ID. */
interface LocatorOptions {
	name: string;
	displayName: string;
	required: boolean;
	/** "company", "contact": names the record in the placeholder and the validation message. */
	thing: string;
	searchListMethod: 'searchCompanies' | 'searchContacts' | 'searchCustomerGroups' | 'searchTickets';
	description: string;
	placeholder: string;
}

/** A Bangwo8 record as a resource locator (see the shared `recordLocator`); Bangwo8 ids are numbers. */
export function bangwo8Locator(options: LocatorOptions): INodeProperties {
	return recordLocator({ ...options, idPattern: '^\\s*\\d+\\s*$' });
}

/** A company as a resource locator: picked from a searchable list (by name) or given by ID. */
export function companyLocator(name: string, displayName: string, required: boolean): INodeProperties {
	return bangwo8Locator({
		name,
		displayName,
		required,
		thing: 'company',
		searchListMethod: 'searchCompanies',
		description: 'The company, picked from the list (type to search by name) or given by ID',
		placeholder: 'e.g. 2606877',
	});
}

/** A contact as a resource locator: picked from a searchable list (name, mobile, email…) or given by ID. */
export function contactLocator(name: string, displayName: string, required: boolean): INodeProperties {
	return bangwo8Locator({
		name,
		displayName,
		required,
		thing: 'contact',
		searchListMethod: 'searchContacts',
		description: 'The contact, picked from the list (type to search by name, mobile or email) or given by ID (cId / userId)',
		placeholder: 'e.g. 6454743',
	});
}

export const contactIdParameter: IdParameter = {
	name: 'contactId',
	displayName: 'Contact',
	property: contactLocator('contactId', 'Contact', true),
};

export const ticketIdParameter: IdParameter = {
	name: 'ticketId',
	displayName: 'Ticket',
	property: bangwo8Locator({
		name: 'ticketId',
		displayName: 'Ticket',
		required: true,
		thing: 'ticket',
		searchListMethod: 'searchTickets',
		description: 'The ticket, picked from the list (newest first; type to filter by subject or ID) or given by ID',
		placeholder: 'e.g. 1200345',
	}),
};

export const companyIdParameter: IdParameter = {
	name: 'companyId',
	displayName: 'Company',
	property: companyLocator('companyId', 'Company', true),
};

export const customerGroupIdParameter: IdParameter = {
	name: 'customerGroupId',
	displayName: 'Customer Group',
	property: bangwo8Locator({
		name: 'customerGroupId',
		displayName: 'Customer Group',
		required: true,
		thing: 'customer group',
		searchListMethod: 'searchCustomerGroups',
		description: 'The customer group, picked from the list (type to filter by name) or given by ID',
		placeholder: 'e.g. 12',
	}),
};

/** The plain value of a parameter that may be a resource locator (`{ __rl, mode, value }`). */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && 'value' in value) return (value as IDataObject).value;
	return value;
}

/** A trimmed, numeric id, or a NodeOperationError naming the parameter. */
export function cleanId(context: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string {
	const raw = locatorValue(value);
	const id = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `"${displayName}" is empty: give the ID of a record`, {
			itemIndex,
		});
	}
	if (!NUMERIC_ID.test(id) || id.length > MAX_ID_LENGTH) {
		throw new NodeOperationError(context.getNode(), `"${displayName}" must be a numeric ID, got "${id.slice(0, MAX_ID_LENGTH)}"`, {
			itemIndex,
		});
	}
	return id;
}

export function readId(context: IExecuteFunctions, parameter: IdParameter, itemIndex: number): string {
	const value = context.getNodeParameter(parameter.name, itemIndex, '', { extractValue: true });
	return cleanId(context, value, parameter.displayName, itemIndex);
}

/**
 * A list of record ids given as "1, 2, 3" (commas or spaces), an array, or one number: every entry numeric, at
 * least one, duplicates dropped (first occurrence kept).
 */
export function readIdList(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string[] {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const entries = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '').trim() === ''
				? []
				: splitIdText(String(value));
	const ids: string[] = [];
	for (const [position, entry] of entries.entries()) {
		const id = typeof entry === 'number' || typeof entry === 'string' ? String(entry).trim() : JSON.stringify(entry);
		if (id === '') {
			throw new NodeOperationError(context.getNode(), `"${displayName}" has an empty entry at position ${position + 1}`, {
				itemIndex,
				description: 'Separate IDs with single commas, e.g. 6454743, 6454744',
			});
		}
		if (!NUMERIC_ID.test(id) || id.length > MAX_ID_LENGTH) {
			throw new NodeOperationError(context.getNode(), `"${displayName}" holds "${id}", which is not a numeric ID`, {
				itemIndex,
				description: 'Give IDs separated by commas, e.g. 6454743, 6454744',
			});
		}
		if (!ids.includes(id)) ids.push(id);
	}
	if (ids.length === 0) {
		throw new NodeOperationError(context.getNode(), `"${displayName}" is empty: give at least one ID`, { itemIndex });
	}
	return ids;
}

/** Splits ids into the groups of at most 100 that one request may carry. */
export function chunkIds(ids: string[], size = MAX_IDS_PER_REQUEST): string[][] {
	const chunks: string[][] = [];
	for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
	return chunks;
}

export function idListProperty(name: string, displayName: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6454743, 6454744',
		description: `Comma-separated IDs of the ${what} (any number: they are sent 100 at a time)`,
	};
}

// ------------------------------------------------------------------------------ custom fields

export interface CustomField {
	key: string;
	value: string;
}

/**
 * The custom-field inputs of a create/update collection: a picker (field loaded from Bangwo8's
 * contact fields, or a free key where no field list exists) and a raw JSON alternative.
 */
export function customFieldProperties(
	withPicker: boolean,
	loadOptionsMethod: 'getCustomFields' | 'getTicketFields' = 'getCustomFields',
	description?: string,
): INodeProperties[] {
	const keyProperty: INodeProperties = withPicker
		? {
				displayName: 'Field Name or ID',
				name: 'key',
				type: 'options',
				typeOptions: { loadOptionsMethod },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			}
		: {
				displayName: 'Field Key',
				name: 'key',
				type: 'string',
				default: '',
				placeholder: 'e.g. field_2',
			};
	return customFieldInputs({
		description,
		values: [
			keyProperty,
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description:
					'For a dropdown field, the value of one of its options (the field list shows them as "name (value)")',
			},
		],
		jsonDefault: '',
		jsonDescription:
			'Custom fields as JSON, either [{"key": "field_2", "value": "1"}] or {"field_2": "1"}. Added after the picked ones.',
	});
}

function scalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function parseCustomFieldsJson(context: IExecuteFunctions, raw: unknown, itemIndex: number): CustomField[] {
	const invalid = (why: string) =>
		new NodeOperationError(context.getNode(), `"Custom Fields (JSON)" ${why}`, {
			itemIndex,
			description: 'Expected [{"key": "field_2", "value": "1"}] or {"field_2": "1"}',
		});
	const parsed = parseJsonInput(raw, (reason) => invalid(`is not valid JSON: ${reason}`));
	if (parsed === undefined) return [];
	if (Array.isArray(parsed)) {
		return parsed.map((entry, index) => {
			const field = entry as IDataObject;
			if (!field || typeof field !== 'object' || typeof field.key !== 'string' || field.key.trim() === '') {
				throw invalid(`entry ${index + 1} has no "key"`);
			}
			if (!scalar(field.value) && field.value !== null && field.value !== undefined) {
				throw invalid(`entry ${index + 1} ("${field.key}") has a value that is not text or a number`);
			}
			return {
				key: field.key.trim(),
				value: field.value === null || field.value === undefined ? '' : String(field.value),
			};
		});
	}
	if (parsed && typeof parsed === 'object') {
		const keys = Object.keys(parsed as IDataObject).sort().join(',');
		if (keys === 'key,value' || keys === 'key') {
			// One element of the array form without its brackets, not fields named "key" and "value".
			return parseCustomFieldsJson(context, [parsed], itemIndex);
		}
		return Object.entries(parsed as IDataObject).map(([key, value]) => {
			if (!scalar(value) && value !== null) throw invalid(`field "${key}" has a value that is not text or a number`);
			return { key, value: value === null ? '' : String(value) };
		});
	}
	throw invalid('must be an array or an object');
}

/** The `custom_fields` array from the picker and the JSON input of a collection; undefined when neither is set. */
export function readCustomFields(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): CustomField[] | undefined {
	const result: CustomField[] = [];
	for (const entry of customFieldRows(fields)) {
		const key = String(entry.key ?? '').trim();
		if (key === '') {
			throw new NodeOperationError(context.getNode(), '"Custom Fields" has an entry without a field', { itemIndex });
		}
		result.push({
			key,
			value: entry.value === undefined || entry.value === null ? '' : String(entry.value),
		});
	}
	if (fields.customFieldsJson !== undefined) {
		for (const field of parseCustomFieldsJson(context, fields.customFieldsJson, itemIndex)) result.push(field);
	}
	return result.length > 0 ? result : undefined;
}

// ------------------------------------------------------------------------------ named numbers

/** A value Bangwo8 stores as a number, shown as a named option (`ticketStatus` 2 = Open). */
export interface NamedNumber {
	name: string;
	value: number;
}

/**
 * The number to send for a named-number parameter: an option's number (as a number or digits,
 * e.g. from an expression) or its name in any case ("open", "Awaiting Reply"). Anything else is
 * refused, naming the parameter and its options (nodes/shared/options.ts).
 */
export function readNamedNumber(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	choices: NamedNumber[],
	itemIndex: number,
): string {
	return String(readNamedOption(context, value, displayName, choices, itemIndex));
}

/**
 * A list of ids Bangwo8 takes as one comma-separated string (`ccUserIdList`): from a multi-select
 * (an array), or text such as "1, 2". Empty gives ''.
 */
export function readIdText(context: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string {
	const entries = Array.isArray(value) ? value : String(value ?? '').trim() === '' ? [] : splitIdText(String(value));
	const ids: string[] = [];
	for (const entry of entries) {
		const id = cleanId(context, entry, displayName, itemIndex);
		if (!ids.includes(id)) ids.push(id);
	}
	return ids.join(',');
}

/** Tags as Bangwo8's `tagList`, one comma-separated string (ASSUMPTION on the format): from text or a list. */
export function readTagText(context: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,，]/);
	const tags: string[] = [];
	for (const entry of entries) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw new NodeOperationError(context.getNode(), `"${displayName}" must be text or a list of texts`, { itemIndex });
		}
		const tag = String(entry).trim();
		if (tag !== '' && !tags.includes(tag)) tags.push(tag);
	}
	return tags.join(',');
}

/** The text shown with a dropdown contact field: its options as "name (value)". */
export function describeFieldOptions(options: unknown): string | undefined {
	if (!Array.isArray(options) || options.length === 0) return undefined;
	const choices = (options as IDataObject[]).map(
		(option) => `${String(option.name)} (${String(option.value ?? option.id)})`,
	);
	return `Options: ${choices.join(', ')}`;
}
