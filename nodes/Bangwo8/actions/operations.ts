import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	bangwo8ApiRequest,
	bangwo8ApiRequestAllItems,
	bangwo8ApiRequestWithHeaders,
	type Bangwo8FullResponse,
} from '../transport';
import type { Bangwo8EndpointName } from '../transport/endpoints';
import { CUSTOM_FIELD_INPUTS } from '../../shared/customFields';
import { getListOptions, RETURN_ALL, returnAllOrLimit } from '../../shared/pagination';
import { collection, sortedByDisplayName } from '../../shared/properties';
import type { OperationModule, OperationOption } from '../../shared/router';
import type { Simplifier } from '../../shared/simplify';
import { isBlank } from '../../shared/values';
import { dateRangeQuery, ORDER_OPTIONS } from './common';
import {
	chunkIds,
	idListProperty,
	locatorValue,
	readCustomFields,
	readId,
	readIdList,
	type IdParameter,
} from './fields';

/**
 * The shapes most Bangwo8 operations share — "read parameters → one request (or one list) →
 * records" — written once as typed factories. Each resource's index.ts lists its operations, each
 * one call naming its endpoint literally (`endpoint: 'contactCreate'`); quirks of a resource
 * (encoders, nested fields) are passed in from its folder. Only the operations that really differ
 * have a file of their own.
 */

/** The record(s) inside a single-record answer: `{ user: {…} }`, or `{ ticket: [{…}] }` unwrapped. */
export function unwrapRecords(response: IDataObject, keys: string[]): IDataObject[] | undefined {
	for (const key of keys) {
		const value = response[key];
		if (Array.isArray(value)) return value as IDataObject[];
		if (value && typeof value === 'object') return [value as IDataObject];
	}
	return undefined;
}

/** The id of a new record: from `data` when the body carries it, else from the `Location` header. */
function createdId(full: Bangwo8FullResponse): string | undefined {
	const data = full.body.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		const id = (data as IDataObject).id;
		if (typeof id === 'string' || typeof id === 'number') return String(id);
	}
	if (typeof data === 'string' || typeof data === 'number') {
		if (/^\d+$/.test(String(data))) return String(data);
	}
	const location = full.headers.location ?? full.headers.Location;
	const match = typeof location === 'string' ? /\/(\d+)(?:\.json)?(?:[?#].*)?$/.exec(location) : null;
	return match ? match[1] : undefined;
}

/** A write answer (`{"status":"0","message":"Insert ok","data":…}`) with the record's id first. */
function writeResult(id: string | undefined, body: IDataObject): IDataObject {
	return id === undefined ? { ...body } : { id, ...body };
}

// -------------------------------------------------------------------------------- list query

/** The query of a list's `filters`: date ranges and orders, include-deleted, sort. */
export function listQuery(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs = dateRangeQuery(context, filters, itemIndex);
	if (filters.includeDeleted === true) qs.deStat = '1';
	if (typeof filters.sort_by === 'string' && filters.sort_by.trim() !== '') qs.sort_by = filters.sort_by.trim();
	if (filters.sort_order === 'asc' || filters.sort_order === 'desc') qs.sort_order = filters.sort_order;
	return qs;
}

export function includeDeletedFilter(what: string): INodeProperties {
	return {
		displayName: 'Include Deleted',
		name: 'includeDeleted',
		type: 'boolean',
		default: false,
		description: `Whether to include deleted ${what}`,
	};
}

export const sortFilters: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sort_by',
		type: 'string',
		default: '',
		placeholder: 'e.g. updateDT',
		description: 'Name of the field to sort the results by',
	},
	{
		displayName: 'Sort Order',
		name: 'sort_order',
		type: 'options',
		options: ORDER_OPTIONS,
		default: 'asc',
	},
];

// -------------------------------------------------------------------------------- resources

/** "Create a contact", "Get a company", …: the option of an operation on one record. */
export function recordOption(verb: 'Create' | 'Delete' | 'Get' | 'Update', thing: string): OperationOption {
	return { name: verb, description: `${verb} a ${thing}`, action: `${verb} a ${thing}` };
}

/**
 * The fields of an update: every field of create, none of them required. Create's top-level
 * fields are put in alphabetical place among the optional ones, which keep their own order
 * (City after Province).
 */
export function updateFieldsOf(fields: INodeProperties[], optional: INodeProperties[]): INodeProperties[] {
	const result = [...optional];
	for (const field of fields) {
		const at = result.findIndex((other) => other.displayName.localeCompare(field.displayName) > 0);
		result.splice(at === -1 ? result.length : at, 0, field.required ? { ...field, required: false } : field);
	}
	return result;
}

// -------------------------------------------------------------------------------- factories

/** The one request of an operation on the record its id parameter names. */
async function requestById(
	context: IExecuteFunctions,
	target: { endpoint: Bangwo8EndpointName; id: IdParameter },
	itemIndex: number,
): Promise<{ id: string; response: IDataObject }> {
	const id = readId(context, target.id, itemIndex);
	const response = await bangwo8ApiRequest.call(context, target.endpoint, { pathParams: { id }, itemIndex });
	return { id, response };
}

/** GET one record by id; the answer's wrapper (or one-element array) removed. */
export function getRecord(target: {
	option: OperationOption;
	/** The read's Simplify (nodes/Bangwo8/simplify.ts). */
	simplify?: Simplifier;
	endpoint: Bangwo8EndpointName;
	rootKeys: string[];
	id: IdParameter;
}): OperationModule {
	return {
		option: target.option,
		simplify: target.simplify,
		properties: [target.id.property],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { id, response } = await requestById(this, target, itemIndex);
			const records = unwrapRecords(response, target.rootKeys);
			if (records === undefined) return response;
			if (records.length === 0) {
				throw new NodeOperationError(this.getNode(), `Bangwo8 answered without a record for ID ${id}`, { itemIndex });
			}
			return records;
		},
	};
}

/** DELETE one record by id. */
export function deleteRecord(target: {
	option: OperationOption;
	endpoint: Bangwo8EndpointName;
	id: IdParameter;
}): OperationModule {
	return {
		option: target.option,
		properties: [target.id.property],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { id, response } = await requestById(this, target, itemIndex);
			return writeResult(id, response);
		},
	};
}

/**
 * A paged list (`{ <rootKey>: […], next_page }`), optionally below a parent record, with
 * top-level query parameters and a `filters` collection read by {@link listQuery}.
 */
export function listRecords(target: {
	option: OperationOption;
	/** The read's Simplify (nodes/Bangwo8/simplify.ts). */
	simplify?: Simplifier;
	endpoint: Bangwo8EndpointName;
	rootKey: string;
	parent?: IdParameter;
	queryParameters?: INodeProperties[];
	filters?: INodeProperties[];
}): OperationModule {
	const properties: INodeProperties[] = [];
	if (target.parent) properties.push(target.parent.property);
	for (const property of target.queryParameters ?? []) properties.push(property);
	for (const property of returnAllOrLimit({ paged: true })) properties.push(property);
	if (target.filters && target.filters.length > 0) properties.push(collection('filters', sortedByDisplayName(target.filters)));
	return {
		option: target.option,
		simplify: target.simplify,
		properties,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const pathParams = target.parent ? { id: readId(this, target.parent, itemIndex) } : undefined;
			const filters = target.filters ? (this.getNodeParameter('filters', itemIndex, {}) as IDataObject) : {};
			const qs = listQuery(this, filters, itemIndex);
			for (const property of target.queryParameters ?? []) {
				const value = this.getNodeParameter(property.name, itemIndex, '') as unknown;
				if (!isBlank(value)) qs[property.name] = String(value);
			}
			return await bangwo8ApiRequestAllItems.call(
				this,
				target.endpoint,
				target.rootKey,
				getListOptions(this, itemIndex),
				{
					pathParams,
					qs,
					itemIndex,
				},
			);
		},
	};
}

/** show_many: records by a list of ids, asked for 100 at a time. */
export function getRecordsByIds(target: {
	option: OperationOption;
	/** The read's Simplify (nodes/Bangwo8/simplify.ts). */
	simplify?: Simplifier;
	endpoint: Bangwo8EndpointName;
	rootKey: string;
	idsLabel: string;
	what: string;
}): OperationModule {
	return {
		option: target.option,
		simplify: target.simplify,
		properties: [idListProperty('ids', target.idsLabel, target.what)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const ids = readIdList(this, 'ids', target.idsLabel, itemIndex);
			const records: IDataObject[] = [];
			for (const chunk of chunkIds(ids)) {
				const page = await bangwo8ApiRequestAllItems.call(this, target.endpoint, target.rootKey, RETURN_ALL, {
					qs: { ids: chunk.join(',') },
					itemIndex,
				});
				for (const record of page) records.push(record);
			}
			return records;
		},
	};
}

// -------------------------------------------------------------------------------- writes

/**
 * How a field's value becomes the text Bangwo8 is sent, where it is more than text: the id of
 * another record (`cleanId`), a named number, a list of ids. Throws a NodeOperationError naming
 * the field.
 */
export type FieldEncoder = (context: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number) => string;

function displayNames(properties: INodeProperties[]): Map<string, string> {
	const names = new Map<string, string>();
	for (const property of properties) names.set(property.name, property.displayName);
	return names;
}

/**
 * The wrapped object of a write, from top-level fields and one collection: empty values
 * skipped, numbers sent as strings (as Bangwo8 answers them), resource locators reduced to
 * their id, custom fields turned into `custom_fields: [{ key, value }]`, fields named in
 * `nested` put inside that object (`{ ticketReply: { replyMsg } }`).
 */
function buildRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	names: Map<string, string>,
	{ encoders = {}, nested = {} }: Pick<WriteTarget, 'encoders' | 'nested'>,
): IDataObject {
	const record: IDataObject = {};
	const customFields = readCustomFields(context, values, itemIndex);
	for (const [name, raw] of Object.entries(values)) {
		if (CUSTOM_FIELD_INPUTS.includes(name)) continue;
		let value = locatorValue(raw);
		if (isBlank(value)) continue;
		const encoder = encoders[name];
		if (encoder) value = encoder(context, value, names.get(name) ?? name, itemIndex);
		else if (typeof value === 'object') {
			throw new NodeOperationError(context.getNode(), `"${names.get(name) ?? name}" must be text or a number`, {
				itemIndex,
			});
		}
		const text = String(value);
		const parent = nested[name];
		if (parent)
			record[parent] = {
				...((record[parent] as IDataObject | undefined) ?? {}),
				[name]: text,
			};
		else record[name] = text;
	}
	if (customFields) record.custom_fields = customFields;
	return record;
}

interface WriteTarget {
	option: OperationOption;
	endpoint: Bangwo8EndpointName;
	/** The body's wrapper key: `{"user":{…}}`. */
	wrapKey: string;
	/** Keys under which the answer may carry the record written; by default `wrapKey` (customer groups differ). */
	answerKeys?: string[];
	/** Top-level fields, sent in the body (required ones must not be empty). */
	fields?: INodeProperties[];
	/** The options of the `additionalFields` (create) or `updateFields` (update) collection. */
	optional: INodeProperties[];
	/** Fields whose values need more than being sent as text (ids of other records, named numbers). */
	encoders?: Record<string, FieldEncoder>;
	/** Fields sent inside another object of the body: field name → that object's key. */
	nested?: Record<string, string>;
}

function readTopLevel(context: IExecuteFunctions, fields: INodeProperties[], itemIndex: number): IDataObject {
	const values: IDataObject = {};
	for (const property of fields) {
		const value = context.getNodeParameter(property.name, itemIndex, '') as unknown;
		if (property.required && isBlank(locatorValue(value))) {
			throw new NodeOperationError(context.getNode(), `"${property.displayName}" is empty: it is required`, {
				itemIndex,
			});
		}
		values[property.name] = value as IDataObject[string];
	}
	return values;
}

/** The record a write answered with, unwrapped (`{"user":{…}}` → the user), else the write answer with the record's id. */
function answerOf(full: Bangwo8FullResponse, keys: string[], id: string | undefined): IDataObject[] {
	const records = unwrapRecords(full.body, keys);
	if (records && records.length > 0) return records;
	return [writeResult(id, full.body)];
}

/**
 * POST a new record. The transport gives it a Requestid derived from the execution, node and
 * item, so a retried create (by the transport or by n8n's Retry On Fail) cannot make a duplicate.
 */
export function createRecord(target: WriteTarget): OperationModule {
	const fields = target.fields ?? [];
	const names = displayNames([...fields, ...target.optional]);
	return {
		option: target.option,
		properties: [...fields, collection('additionalFields', target.optional)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const values = {
				...readTopLevel(this, fields, itemIndex),
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			};
			const record = buildRecord(this, itemIndex, values, names, target);
			if (Object.keys(record).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Nothing to create: set at least one field', { itemIndex });
			}
			const full = await bangwo8ApiRequestWithHeaders.call(this, target.endpoint, {
				body: { [target.wrapKey]: record },
				itemIndex,
			});
			return answerOf(full, target.answerKeys ?? [target.wrapKey], createdId(full));
		},
	};
}

/** PUT the fields set in `updateFields` to the record with the given id. */
export function updateRecord(target: WriteTarget & { id: IdParameter }): OperationModule {
	const names = displayNames(target.optional);
	return {
		option: target.option,
		properties: [target.id.property, collection('updateFields', target.optional)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, target.id, itemIndex);
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const record = buildRecord(this, itemIndex, values, names, target);
			if (Object.keys(record).length === 0) {
				throw new NodeOperationError(this.getNode(), '"Update Fields" is empty: set at least one field to change', {
					itemIndex,
				});
			}
			const full = await bangwo8ApiRequestWithHeaders.call(this, target.endpoint, {
				pathParams: { id },
				body: { [target.wrapKey]: record },
				itemIndex,
			});
			return answerOf(full, target.answerKeys ?? [target.wrapKey], id);
		},
	};
}
