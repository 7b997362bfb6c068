import type { IDataObject } from 'n8n-workflow';

import { tryParseJson, UNSAFE_KEYS } from '../shared/values';

/**
 * Reading Sobot's CRM push (seed 002, section 4): `{"sys_code":"50","type":"crm","content":[…]}`.
 * Liberal in what it accepts — the body as parsed JSON, as a JSON string or only as raw bytes
 * (when the sender's content type made n8n skip parsing), and `content` as an array, a single
 * object or a JSON string — but a body that is not JSON, has no `content` or is not of type `crm`
 * is refused.
 */

/** `other`: an entry whose msg_type is missing or not one the seed documents. */
export type PushEvent = 'customerSaved' | 'customerMerged' | 'other';

/** msg_type → event. The seed shows msg_type 0 for both new and updated customers. */
const EVENT_BY_MSG_TYPE: Record<string, PushEvent> = {
	'0': 'customerSaved',
	'1': 'customerMerged',
};

/**
 * A copy of a JSON value built from own properties only, in which the keys `__proto__`,
 * `constructor` and `prototype` are dropped at every depth. Iterative, so a deeply nested body
 * cannot exhaust the stack; a value met twice (a cycle) is copied once.
 */
export function ownJson(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const copies = new Map<object, unknown[] | Record<string, unknown>>();
	const pending: Array<[object, unknown[] | Record<string, unknown>]> = [];
	const copyOf = (child: unknown): unknown => {
		if (typeof child !== 'object' || child === null) return child;
		const known = copies.get(child);
		if (known) return known;
		const copy: unknown[] | Record<string, unknown> = Array.isArray(child) ? [] : {};
		copies.set(child, copy);
		pending.push([child, copy]);
		return copy;
	};
	const root = copyOf(value);
	while (pending.length > 0) {
		const [source, target] = pending.pop() as [object, unknown[] | Record<string, unknown>];
		if (Array.isArray(source)) {
			for (const element of source) (target as unknown[]).push(copyOf(element));
			continue;
		}
		for (const key of Object.keys(source)) {
			if (UNSAFE_KEYS.has(key)) continue;
			(target as Record<string, unknown>)[key] = copyOf((source as Record<string, unknown>)[key]);
		}
	}
	return root;
}

export const EXPECTED_SHAPE = '{"sys_code":"50","type":"crm","content":[…]}';

export type PushReadResult = { entries: IDataObject[] } | { error: string };

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The push envelope, from whichever form the request body reached the node in. */
function readEnvelope(body: unknown, rawBody: unknown): IDataObject | string {
	let text: string | undefined;
	if (isPlainObject(body) && Object.keys(body).length > 0) return body;
	if (typeof body === 'string' && body.trim() !== '') text = body;
	else if (Buffer.isBuffer(rawBody) && rawBody.length > 0) text = rawBody.toString('utf8');
	else if (typeof rawBody === 'string' && rawBody.trim() !== '') text = rawBody;
	if (text === undefined) return `The request body is empty; Sobot's CRM push sends ${EXPECTED_SHAPE}`;
	const parsed = tryParseJson(text);
	if (!parsed) return `The request body is not valid JSON; Sobot's CRM push sends ${EXPECTED_SHAPE}`;
	if (!isPlainObject(parsed.value)) return `The request body must be a JSON object like ${EXPECTED_SHAPE}`;
	return parsed.value;
}

/** `content` as a list of customer entries. */
function readContent(content: unknown): IDataObject[] | string {
	let value = content;
	if (typeof value === 'string') {
		if (value.trim() === '') return 'The push has an empty "content"';
		const parsed = tryParseJson(value);
		if (!parsed) return 'The push\'s "content" is a string but not valid JSON';
		value = ownJson(parsed.value);
	}
	if (isPlainObject(value)) return [value];
	if (!Array.isArray(value)) return 'The push\'s "content" must be a list of customers';
	const notObject = value.findIndex((entry) => !isPlainObject(entry));
	if (notObject !== -1) return `The push's "content" entry ${notObject} is not an object`;
	return value as IDataObject[];
}

/** Validates a push and returns its customer entries, or why it was refused. */
export function readPush(body: unknown, rawBody: unknown): PushReadResult {
	const read = readEnvelope(body, rawBody);
	if (typeof read === 'string') return { error: read };
	// Everything below reads own properties of a clean copy (see ownJson).
	const envelope = ownJson(read) as IDataObject;
	const type = typeof envelope.type === 'string' ? envelope.type.trim() : envelope.type;
	if (type !== 'crm') {
		return {
			error: `The push's "type" must be "crm" (got ${type === undefined ? 'none' : JSON.stringify(type)})`,
		};
	}
	if (envelope.content === undefined || envelope.content === null) {
		return { error: `The push has no "content"; Sobot's CRM push sends ${EXPECTED_SHAPE}` };
	}
	const entries = readContent(envelope.content);
	return typeof entries === 'string' ? { error: entries } : { entries };
}

/** The event an entry reports: `other` when its msg_type is missing or not documented. */
export function eventOf(entry: IDataObject): PushEvent {
	const msgType = entry.msg_type;
	if (typeof msgType !== 'string' && typeof msgType !== 'number') return 'other';
	return EVENT_BY_MSG_TYPE[String(msgType).trim()] ?? 'other';
}

/** Fields the trigger adds to every item. An entry's own field of that name is kept as `sobot_<name>`. */
const TRIGGER_FIELDS = new Set(['event']);

/**
 * One output item: `event` first, then every field of the entry. The entry is a clean copy
 * (ownJson), so plain assignment cannot reach a prototype. An entry that carries its own `event`
 * keeps it as `sobot_event` (or `sobot_sobot_event`… if that name is taken too).
 */
export function itemJson(event: PushEvent, entry: IDataObject): IDataObject {
	const json: IDataObject = { event };
	for (const key of Object.keys(entry)) {
		if (UNSAFE_KEYS.has(key)) continue;
		let name = key;
		if (TRIGGER_FIELDS.has(key)) {
			name = `sobot_${key}`;
			while (Object.prototype.hasOwnProperty.call(entry, name) || Object.prototype.hasOwnProperty.call(json, name)) {
				name = `sobot_${name}`;
			}
		}
		json[name] = entry[key];
	}
	return json;
}
