import type { IDataObject } from 'n8n-workflow';

import type { IdParameter } from '../fields';
import { recordLocator } from '../../../shared/properties';
import type { CodeNames } from '../../../shared/simplify';
import { UNSAFE_KEYS } from '../../../shared/values';

/**
 * Online chats (服务记录 → 在线聊天, BEYOND-TICKETS §2.1): `imchat/histories.json` lists them,
 * `imchat/chatrecords/{r_id}.json` holds the messages of one. Bangwo8 has changed the shape of
 * these answers once; {@link chatRecord} reads both into the one shape every chat operation and
 * the Bangwo8 Trigger's chat events output.
 *
 * The newer page: `r_id, type, support_id, support_name, uname, start_time, end_time, client_ip,
 * ip_info, evaluate, evaluate_time, evaluate_remark, end_type, servicer_msg_count,
 * client_msg_count, first_response, response_speed, chat_clue, contents` (the URL of the
 * messages). The older copy: `client_id, client_name, create_time, evaluate, contents` (the
 * messages themselves, inline).
 */

/** `type`, where the chat came from (1 client app, 2 web, 3 WeChat, 4 robot, 5 agent, 8 third party). */
export const CHAT_CHANNELS: CodeNames = {
	'1': 'Client App',
	'2': 'Web',
	'3': 'WeChat',
	'4': 'Robot',
	'5': 'Agent',
	'8': 'Third Party',
};

/** `evaluate`, the customer's rating (0 none, 1 satisfied, 2 neutral, 3 dissatisfied). */
export const CHAT_RATINGS: CodeNames = { '0': 'Not Rated', '1': 'Satisfied', '2': 'Neutral', '3': 'Dissatisfied' };

/** The `evaluate` code of a dissatisfied rating (the Bangwo8 Trigger's "Only Dissatisfied"). */
export const DISSATISFIED = '3';

/** `end_type`, who ended the chat (1 the customer, 2 the agent). */
export const CHAT_ENDED_BY: CodeNames = { '1': 'Customer', '2': 'Agent' };

/** A message's `spokesman_identity` (1 agent, 2 user, 3 robot). */
export const SPEAKERS: CodeNames = { '1': 'Agent', '2': 'Customer', '3': 'Robot' };

/** A message's `msg_type` (1 text, 2 image). */
export const MESSAGE_TYPES: CodeNames = { '1': 'Text', '2': 'Image' };

/**
 * The keys of a chat, in output order. Every chat has all of them, null where its shape does not
 * carry the field, so an expression reads the same key whichever shape Bangwo8 answered with.
 * `contents` is the URL of the messages (newer shape; null in the older one), `messages` the
 * messages when they were read (Get, or inline in the older shape), else null.
 */
export const CHAT_KEYS = [
	'r_id',
	'type',
	'client_id',
	'client_name',
	'uname',
	'support_id',
	'support_name',
	'start_time',
	'end_time',
	'end_type',
	'evaluate',
	'evaluate_time',
	'evaluate_remark',
	'first_response',
	'response_speed',
	'servicer_msg_count',
	'client_msg_count',
	'client_ip',
	'ip_info',
	'chat_clue',
	'contents',
	'messages',
] as const;

/** The keys of a message, in output order (all present, null where not sent). */
export const MESSAGE_KEYS = ['spokesman', 'spokesman_identity', 'msg', 'msg_type', 'create_time'] as const;

/** Fields of the older shape that the newer one names otherwise: read into the newer name, not kept twice. */
const OLDER_NAMES: Record<string, string> = { create_time: 'start_time' };

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields Bangwo8 sent that the canonical keys do not cover, kept after them (unsafe keys dropped). */
function extras(record: IDataObject, skip: ReadonlySet<string>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (skip.has(key) || UNSAFE_KEYS.has(key)) continue;
		result[key] = value;
	}
	return result;
}

const MESSAGE_SKIP = new Set<string>([...MESSAGE_KEYS, 'content', 'message']);

/**
 * One message in the one shape. ASSUMPTION: an inline message of the older shape names its
 * fields as the newer page does; `content` / `message` are read as `msg` when `msg` is absent.
 */
export function chatMessage(raw: unknown): IDataObject {
	const message: IDataObject = {};
	if (!isObject(raw)) {
		// A bare text is a message without a sender.
		for (const key of MESSAGE_KEYS) message[key] = null;
		message.msg = raw === undefined ? null : (raw as IDataObject[string]);
		return message;
	}
	for (const key of MESSAGE_KEYS) message[key] = raw[key] === undefined ? null : raw[key];
	if (message.msg === null) message.msg = (raw.content ?? raw.message ?? null) as IDataObject[string];
	return { ...message, ...extras(raw, MESSAGE_SKIP) };
}

const CHAT_SKIP = new Set<string>([...CHAT_KEYS, ...Object.keys(OLDER_NAMES), 'id']);

/**
 * A chat of either shape in the one shape: the keys of {@link CHAT_KEYS} first (null when
 * absent), then anything else Bangwo8 sent. The older shape's `create_time` becomes `start_time`
 * and its inline `contents` list `messages`; an `id` is read as `r_id` when there is no `r_id`
 * (ASSUMPTION: the older shape's id). `messages` given here (read from chatrecords) win.
 */
export function chatRecord(raw: IDataObject, messages?: unknown[]): IDataObject {
	const chat: IDataObject = {};
	for (const key of CHAT_KEYS) chat[key] = raw[key] === undefined ? null : raw[key];
	if (chat.r_id === null && raw.id !== undefined) chat.r_id = raw.id;
	if (chat.r_id !== null && (typeof chat.r_id === 'number' || typeof chat.r_id === 'string')) chat.r_id = String(chat.r_id);
	for (const [older, newer] of Object.entries(OLDER_NAMES)) {
		if (chat[newer] === null && raw[older] !== undefined) chat[newer] = raw[older];
	}
	const inline = Array.isArray(raw.contents) ? raw.contents : Array.isArray(raw.messages) ? raw.messages : undefined;
	if (typeof chat.contents !== 'string') chat.contents = null;
	const list = messages ?? inline;
	chat.messages = list === undefined ? null : list.map(chatMessage);
	const rest = extras(raw, CHAT_SKIP);
	// An `id` that is not the chat's id (both sent) is kept as it came.
	if (raw.id !== undefined && raw.r_id !== undefined) rest.id = raw.id;
	return { ...chat, ...rest };
}

/**
 * The messages and chat fields of a `chatrecords/{r_id}.json` answer, whichever way it comes:
 * `{ chatrecords: [...] }` (ASSUMPTION: the root key, as lists are named after their path),
 * `{ chatrecord: {…, contents: [...]} }` or `{ chat: … }`, a bare list of messages, or a chat
 * object with its messages under `contents` / `messages`. Undefined when no list of messages is
 * found: the caller says what came back.
 */
export function readChatRecords(answer: unknown): { chat: IDataObject; messages: unknown[] } | undefined {
	if (Array.isArray(answer)) return { chat: {}, messages: answer };
	if (!isObject(answer)) return undefined;
	for (const key of ['chatrecords', 'records', 'messages', 'contents']) {
		const value = answer[key];
		if (Array.isArray(value)) {
			const chat = { ...answer };
			delete chat[key];
			return { chat: unwrapChat(chat), messages: value };
		}
	}
	for (const key of ['chatrecord', 'chat', 'history']) {
		const value = answer[key];
		if (isObject(value)) {
			const nested = readChatRecords(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

/** Chat fields sent beside the messages, without the envelope's own status fields. */
function unwrapChat(rest: IDataObject): IDataObject {
	const chat: IDataObject = {};
	for (const [key, value] of Object.entries(rest)) {
		if (['count', 'next_page', 'previous_page', 'errcode', 'errmsg', 'status', 'message'].includes(key)) continue;
		chat[key] = value;
	}
	return chat;
}

/** The chat a Get reads: picked from the recent chats or given by its r_id. */
export const chatIdParameter: IdParameter = {
	name: 'chatId',
	displayName: 'Chat',
	property: recordLocator({
		name: 'chatId',
		displayName: 'Chat',
		required: true,
		thing: 'chat',
		searchListMethod: 'searchChats',
		description:
			'The chat, picked from the chats of the last 30 days (type to filter by customer, agent or ID) or given by its ID (r_id)',
		placeholder: 'e.g. 1024',
		idPattern: '^\\s*\\d+\\s*$',
	}),
};
