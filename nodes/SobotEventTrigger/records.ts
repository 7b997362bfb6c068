import type { IDataObject } from 'n8n-workflow';

import { ownJson } from '../SobotTrigger/payload';
import { simplifyPushedTicket } from '../Sobot/actions/ticket/getFailedPushes.operation';
import { applyRules, nameRule, safely, timeRule, type CodeNames, type Simplifier } from '../shared/simplify';
import { isBlank, tryParseJson, UNSAFE_KEYS } from '../shared/values';

/**
 * What Sobot pushes to the Sobot Event Trigger, and how each record is recognised. Sobot documents
 * the mechanism (one URL, batches of up to 20 records of one type, optional X-Log-Sign) but few
 * payloads (BEYOND-TICKETS §1.2), so every recognition rule is in {@link RECORD_KINDS}, the one
 * field map, with where it comes from; a record no rule recognises is an `other` event with every
 * field as it came.
 */

export type SobotPushEvent =
	| 'ticketCreated'
	| 'ticketReplied'
	| 'ticketUpdated'
	| 'chatMessage'
	| 'offlineMessage'
	| 'unreadMessage'
	| 'chatListMessage'
	| 'other';

export const ALL_EVENTS: SobotPushEvent[] = [
	'chatListMessage',
	'chatMessage',
	'offlineMessage',
	'other',
	'ticketCreated',
	'ticketReplied',
	'ticketUpdated',
	'unreadMessage',
];

const has = (record: IDataObject, key: string) => Object.prototype.hasOwnProperty.call(record, key) && !isBlank(record[key]);
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** The record's envelope `type` (when it came inside `{type, content}`), lower-case. */
interface Context {
	envelopeType: string;
}

// ------------------------------------------------------------------------------- tickets

/**
 * ASSUMPTION: if Sobot's ticket push names its event, it does so in one of these fields with one
 * of these words. Not documented anywhere; numbers are not guessed (a wrong guess would
 * mislabel every push). Without such a field the event is read from the ticket's own fields.
 */
const TICKET_EVENT_FIELDS = ['event_type', 'push_type', 'operate_type', 'operation_type', 'msg_type'];
const TICKET_EVENT_WORDS: Readonly<Record<string, SobotPushEvent>> = {
	create: 'ticketCreated',
	created: 'ticketCreated',
	add: 'ticketCreated',
	new: 'ticketCreated',
	reply: 'ticketReplied',
	replied: 'ticketReplied',
	update: 'ticketUpdated',
	updated: 'ticketUpdated',
	edit: 'ticketUpdated',
	status: 'ticketUpdated',
};

/** ASSUMPTION: created and updated times under either spelling (the failed-push list: *_datetime; S-PY: *_time). */
const firstOf = (record: IDataObject, keys: string[]) => keys.map((key) => text(record[key])).find((value) => value !== '') ?? '';
export const ticketCreatedTime = (record: IDataObject) => firstOf(record, ['create_datetime', 'create_time']);
export const ticketUpdatedTime = (record: IDataObject) => firstOf(record, ['update_datetime', 'update_time']);

/**
 * created: the push names it, or the ticket's update time equals its creation time; replied: a
 * non-empty `reply_content` (the failed-push list's field for the reply that was pushed); updated:
 * any other change (status, assignee, fields…).
 */
function ticketEvent(record: IDataObject): SobotPushEvent {
	for (const field of TICKET_EVENT_FIELDS) {
		const named = TICKET_EVENT_WORDS[text(record[field]).toLowerCase()];
		if (named) return named;
	}
	const created = ticketCreatedTime(record);
	if (created !== '' && created === ticketUpdatedTime(record)) return 'ticketCreated';
	if (has(record, 'reply_content')) return 'ticketReplied';
	return 'ticketUpdated';
}

// ------------------------------------------------------------------------------- chat

/** source of a forwarded chat (§1.2 a: 0 PC, 1 WeChat, 2 SDK, 3 Weibo, 4 mobile site, 6 call centre). */
export const CHAT_SOURCES: CodeNames = { '0': 'PC', '1': 'WeChat', '2': 'SDK', '3': 'Weibo', '4': 'Mobile Website', '6': 'Call Centre' };
/** lastMsgType of a chat-list message (§1.2 b: 0 text, 1 image, 2 voice, other rich text). */
export const LAST_MESSAGE_TYPES: CodeNames = { '0': 'Text', '1': 'Image', '2': 'Voice' };
/** sender_type / receiver_type of a transcript message (§1.1: 0 user, 1 robot, 2 agent). */
export const SENDER_TYPES: CodeNames = { '0': 'Customer', '1': 'Bot', '2': 'Agent' };
/** msg_type of a transcript message (§1.1: 0 text, 1 image, 2 audio, 3 rich text). */
export const CHAT_MESSAGE_TYPES: CodeNames = { '0': 'Text', '1': 'Image', '2': 'Audio', '3': 'Rich Text' };

/** ASSUMPTION: envelope types that announce chat data (the forwarding page's types were not readable). */
const CHAT_ENVELOPE_TYPES = new Set(['msg', 'message', 'chat', 'online', 'online_msg', 'chat_msg']);

// ------------------------------------------------------------------------------- the field map

export interface RecordKind {
	event: SobotPushEvent;
	/** Where the rule comes from and how sure it is. */
	source: string;
	matches(record: IDataObject, context: Context): boolean;
	/** For a ticket: which ticket event (created / replied / updated). */
	refine?(record: IDataObject): SobotPushEvent;
	simplify: Simplifier;
}

const simplifyChat: Simplifier = safely((record, options) =>
	applyRules(
		record,
		{
			ts: timeRule,
			t: timeRule,
			createChatTime: timeRule,
			lastMsgTime: timeRule,
			source: nameRule(CHAT_SOURCES),
			lastMsgType: nameRule(LAST_MESSAGE_TYPES),
			sender_type: nameRule(SENDER_TYPES),
			receiver_type: nameRule(SENDER_TYPES),
			msg_type: nameRule(CHAT_MESSAGE_TYPES),
		},
		options,
	),
);

/** The first rule that matches names the record's event. Order matters. */
export const RECORD_KINDS: RecordKind[] = [
	{
		event: 'offlineMessage',
		source: 'Message Push, offline message: {"type":202, partnerId, msgId, content, msgType, aname, aface, params} (§1.2 b; high)',
		matches: (record) => text(record.type) === '202',
		simplify: simplifyChat,
	},
	{
		event: 'chatListMessage',
		source: 'Message Push, merchant chat-list message: sysNum, visitorId, partnerId, lastCid, lastMsgContent, lastMsgTime (ms), lastMsgType (§1.2 b; high)',
		matches: (record) => has(record, 'lastCid') || has(record, 'lastMsgContent'),
		simplify: simplifyChat,
	},
	{
		event: 'unreadMessage',
		source: 'Message Push, customer unread message: sysNum, createChatTime (ms), channelFlag, appName, aid, ts (ms), cid, uid, msgType (§1.2 b; high)',
		matches: (record) => has(record, 'sysNum') && (has(record, 'createChatTime') || (has(record, 'cid') && has(record, 'uid'))),
		simplify: simplifyChat,
	},
	{
		event: 'ticketCreated',
		source:
			'Ticket push: a record with ticketid (fields of query_ticket_push_fail_infos and of a public consumer, §1.2 c; medium). ASSUMPTION: the envelope; the event (see ticketEvent)',
		matches: (record, { envelopeType }) => has(record, 'ticketid') || (envelopeType.includes('ticket') && has(record, 'ticket_code')),
		refine: ticketEvent,
		simplify: simplifyPushedTicket,
	},
	{
		event: 'chatMessage',
		source:
			'Online message forwarding, online chat message: content {companyid, cid, source, …} (§1.2 a; medium). ASSUMPTION: any record with cid and a message or sender field, or under a chat envelope type',
		matches: (record, { envelopeType }) =>
			CHAT_ENVELOPE_TYPES.has(envelopeType) ||
			(has(record, 'cid') && ['msg', 'content', 'msg_type', 'msgType', 'sender_type', 'sender_name', 'source', 'companyid'].some((key) => has(record, key))),
		simplify: simplifyChat,
	},
];

export function kindOf(record: IDataObject, context: Context): { event: SobotPushEvent; kind?: RecordKind } {
	for (const kind of RECORD_KINDS) {
		if (kind.matches(record, context)) return { event: kind.refine ? kind.refine(record) : kind.event, kind };
	}
	return { event: 'other' };
}

// ------------------------------------------------------------------------------- reading a request

export const EXPECTED_SHAPE = 'a JSON object, a list of records, or {"type":…,"content":[…]}';

export interface PushedRecord {
	record: IDataObject;
	context: Context;
	/** Fields of the envelope other than `content` (e.g. sys_code, type), kept on every item. */
	envelope?: IDataObject;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `content` when it holds records (a list, an object, or their JSON text); undefined when it is the message text. */
function contentRecords(content: unknown): unknown[] | undefined {
	let value = content;
	if (typeof value === 'string') {
		const parsed = tryParseJson(value);
		if (!parsed || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
		value = parsed.value;
	}
	if (Array.isArray(value)) return value;
	return isPlainObject(value) ? [value] : undefined;
}

/** A record that is not an object (a number, a text in a list) is kept as `{ value }`. */
const asRecord = (value: unknown): IDataObject => (isPlainObject(value) ? value : { value: value as IDataObject[string] });

/**
 * The records of one request, from whichever form its body reached the node in (parsed JSON, or
 * raw bytes when the content type made n8n skip parsing). Every key `__proto__`, `constructor` or
 * `prototype` is dropped at every depth (ownJson), also inside a `content` given as JSON text.
 */
export function readRecords(body: unknown, rawBody: unknown): { records: PushedRecord[] } | { error: string } {
	let value: unknown = body;
	const emptyObject = isPlainObject(body) && Object.keys(body).length === 0;
	if (value === undefined || value === null || emptyObject || (typeof value === 'string' && value.trim() === '')) {
		const raw = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : typeof rawBody === 'string' ? rawBody : '';
		if (raw.trim() === '') return { error: `The request body is empty; Sobot pushes ${EXPECTED_SHAPE}` };
		value = raw;
	}
	if (typeof value === 'string') {
		const parsed = tryParseJson(value);
		if (!parsed) return { error: `The request body is not valid JSON; Sobot pushes ${EXPECTED_SHAPE}` };
		value = parsed.value;
	}
	const clean = ownJson(value);
	if (Array.isArray(clean)) return { records: clean.map((entry) => ({ record: asRecord(entry), context: { envelopeType: '' } })) };
	if (!isPlainObject(clean)) return { error: `The request body must be ${EXPECTED_SHAPE}` };
	const inner = contentRecords(clean.content);
	if (inner === undefined) return { records: [{ record: clean, context: { envelopeType: '' } }] };
	const envelope: IDataObject = {};
	for (const key of Object.keys(clean)) if (key !== 'content') envelope[key] = clean[key];
	const envelopeType = text(envelope.type).toLowerCase();
	const cleanInner = ownJson(inner) as unknown[];
	return {
		records: cleanInner.map((entry) => ({
			record: asRecord(entry),
			context: { envelopeType },
			envelope: Object.keys(envelope).length > 0 ? envelope : undefined,
		})),
	};
}

/** Fields the trigger adds to every item. A record's own field of that name is kept as `sobot_<name>`. */
const TRIGGER_FIELDS = ['event', 'sobot_envelope'];

/**
 * One output item: `event` first, then every field of the record, then `sobot_envelope` (the
 * envelope's other fields, when the record came in one). A record's own `event` is kept as
 * `sobot_event` (`sobot_sobot_event`… if that is taken too).
 */
export function itemJson(event: SobotPushEvent, record: IDataObject, envelope?: IDataObject): IDataObject {
	const json: IDataObject = { event };
	for (const key of Object.keys(record)) {
		if (UNSAFE_KEYS.has(key)) continue;
		let name = key;
		if (TRIGGER_FIELDS.includes(key)) {
			name = `sobot_${key}`;
			while (Object.prototype.hasOwnProperty.call(record, name) || Object.prototype.hasOwnProperty.call(json, name)) name = `sobot_${name}`;
		}
		json[name] = record[key];
	}
	if (envelope) json.sobot_envelope = envelope;
	return json;
}
