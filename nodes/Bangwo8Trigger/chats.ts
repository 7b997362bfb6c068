import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { chatRecord, DISSATISFIED } from '../Bangwo8/actions/chat/fields';
import { simplifyChat } from '../Bangwo8/actions/chat/simplify';
import { bangwo8ApiRequestAllItems } from '../Bangwo8/transport';
import { RETURN_ALL } from '../shared/pagination';
import { clockLimit, futureStampWarning } from '../shared/polling';
import { chinaDay, readVendorTime } from '../shared/time';
import { UNSAFE_KEYS } from '../shared/values';

/**
 * The Bangwo8 Trigger's chat events (BEYOND-TICKETS §2.1). Bangwo8 lists chats by the day they
 * started (`imchat/histories.json?starttime=`), with no filter on when they ended or were rated,
 * and a customer may rate a chat long after it ended. So every poll re-reads a look-back window
 * (the chats that started in the last N China days) and emits what it has not emitted before:
 *
 * - Chat Ended: a chat with an end time, once per chat (`r_id`).
 * - Chat Rated: a chat with a rating (evaluate 1–3), once per chat and rating (`r_id:evaluate`),
 *   so a late rating is emitted when it arrives and a changed rating is emitted again. "Only
 *   Dissatisfied" filters what is emitted, not what is remembered: turning it off later does not
 *   bring back old ratings.
 *
 * What is remembered (`seen`) is the keys the last read returned: a chat that left the window
 * cannot come back, since the window only moves forward, so memory is bounded by the chats of
 * the window; past `maxSeen` the oldest keys are dropped and `floor` (the highest r_id dropped)
 * keeps their chats from being emitted again (a rating on one of them is then missed: logged).
 * If the window is widened (a longer look-back), chats that started before the day the last poll
 * covered are taken as known, not emitted as new. Nothing depends on the n8n host's clock
 * agreeing with Bangwo8's beyond the day of the window; a chat stamped in the future is emitted
 * once with a warning, like the other events' records, and cannot hold the trigger back (the
 * window follows the host's clock, not the records).
 */

export type ChatEvent = 'chatEnded' | 'chatRated';

export const CHAT_EVENTS: readonly string[] = ['chatEnded', 'chatRated'];

export function isChatEvent(event: string): event is ChatEvent {
	return CHAT_EVENTS.includes(event);
}

export interface ChatLimits {
	/** Keys remembered at most (see above). */
	maxSeen: number;
}

export const DEFAULT_CHAT_LIMITS: ChatLimits = { maxSeen: 5_000 };

/** The chat events' settings, from the node's parameters. */
export interface ChatSettings {
	event: ChatEvent;
	lookBackDays: number;
	onlyDissatisfied: boolean;
	simplify: boolean;
}

/** Where a chat event stands, in the workflow's static data under `chats`. */
export interface ChatPosition {
	event: ChatEvent;
	/** The first China day the last poll read. */
	from: string;
	/** Keys of the chats of the last read that were emitted or known. */
	seen: string[];
	/** Chats with an r_id at or below this were dropped from `seen` (bounded memory). */
	floor?: string;
}

const DAY_MS = 86_400_000;

/** The first China day of the window at `now`. */
export function windowStart(now: number, lookBackDays: number): string {
	return chinaDay(now - lookBackDays * DAY_MS);
}

export function readChatPosition(data: IDataObject, event: ChatEvent): ChatPosition | undefined {
	const stored = data.chats as IDataObject | undefined;
	if (!stored || stored.event !== event || typeof stored.from !== 'string' || !Array.isArray(stored.seen)) return undefined;
	return {
		event,
		from: stored.from,
		seen: stored.seen.filter((key): key is string => typeof key === 'string'),
		floor: typeof stored.floor === 'string' ? stored.floor : undefined,
	};
}

export function writeChatPosition(data: IDataObject, position: ChatPosition): void {
	const stored: IDataObject = { event: position.event, from: position.from, seen: position.seen };
	if (position.floor !== undefined) stored.floor = position.floor;
	data.chats = stored;
}

/** The time field that says when the event happened. */
const STAMP: Record<ChatEvent, 'end_time' | 'evaluate_time'> = { chatEnded: 'end_time', chatRated: 'evaluate_time' };

/** A chat's key for the event, or undefined when the chat is not (yet) such an event. */
export function chatKey(event: ChatEvent, chat: IDataObject): string | undefined {
	const id = chat.r_id;
	if (typeof id !== 'string' || id === '') return undefined;
	if (event === 'chatEnded') {
		// ASSUMPTIONS: the older list shape has no end time, and a chat it lists has ended; an end
		// time set to nothing ('', 0, the zero date) means the chat is still going on.
		if (chat.end_time === null) return id;
		return readVendorTime(chat.end_time) === null ? undefined : id;
	}
	const rating = chat.evaluate === null || chat.evaluate === undefined ? '' : String(chat.evaluate).trim();
	return ['1', '2', '3'].includes(rating) ? `${id}:${rating}` : undefined;
}

/** Whether r_id `id` is at or below `floor` (both numeric; otherwise not). */
function belowFloor(id: string, floor: string | undefined): boolean {
	if (floor === undefined || !/^\d+$/.test(id) || !/^\d+$/.test(floor)) return false;
	return id.length < floor.length || (id.length === floor.length && id <= floor);
}

/** The China day a chat started, when its start time can be read. */
function startDay(chat: IDataObject): string | undefined {
	const ms = readVendorTime(chat.start_time);
	return typeof ms === 'number' ? chinaDay(ms) : undefined;
}

/** A warning for a chat whose event time is unreadable or in the future, else undefined. */
function stampWarning(event: ChatEvent, chat: IDataObject, now: number): string | undefined {
	const field = STAMP[event];
	const value = chat[field];
	const ms = readVendorTime(value);
	if (ms === undefined) {
		return `${field} ${JSON.stringify(value)} is not a date and time: emitted once, the trigger remembers the chat by its id`;
	}
	if (ms !== null && ms > clockLimit(now)) return futureStampWarning(`${field} ${JSON.stringify(value)}`);
	return undefined;
}

/** One output item: `event`, a `warning` when there is one, then the chat (simplified when asked). */
export function chatItem(
	ctx: IPollFunctions,
	settings: ChatSettings,
	chat: IDataObject,
	warning?: string,
): IDataObject {
	const json: IDataObject = { event: settings.event };
	if (warning !== undefined) json.warning = warning;
	const record = settings.simplify ? simplifyChat(chat, { timezone: ctx.getTimezone() }) : chat;
	for (const [key, value] of Object.entries(record)) {
		if (UNSAFE_KEYS.has(key) || key === 'event' || key === 'warning') continue;
		json[key] = value;
	}
	return json;
}

/** Every chat that started since `from` (a China day), in the one shape, ascending by r_id. */
export async function readChats(ctx: IPollFunctions, from: string): Promise<IDataObject[]> {
	const raw = await bangwo8ApiRequestAllItems.call(ctx, 'chatList', 'histories', RETURN_ALL, { qs: { starttime: from } });
	return raw.map((chat) => chatRecord(chat));
}

/** The keys of the chats read that are the event, in read order, de-duplicated. */
function keysOf(event: ChatEvent, chats: IDataObject[]): Array<{ key: string; chat: IDataObject }> {
	const result: Array<{ key: string; chat: IDataObject }> = [];
	const keys = new Set<string>();
	for (const chat of chats) {
		const key = chatKey(event, chat);
		if (key === undefined || keys.has(key)) continue;
		keys.add(key);
		result.push({ key, chat });
	}
	return result;
}

/** `seen` within `maxSeen`: the newest kept, the floor raised to the highest r_id dropped. */
function bounded(
	keys: string[],
	floor: string | undefined,
	limits: ChatLimits,
): { seen: string[]; floor?: string; dropped: number } {
	if (keys.length <= limits.maxSeen) return { seen: keys, floor, dropped: 0 };
	const dropped = keys.slice(0, keys.length - limits.maxSeen);
	let highest = floor;
	for (const key of dropped) {
		const id = key.split(':')[0];
		if (!belowFloor(id, highest)) highest = id;
	}
	return { seen: keys.slice(keys.length - limits.maxSeen), floor: highest, dropped: dropped.length };
}

/** First poll after activation: every chat of the window is known, nothing is emitted. */
export async function startChats(ctx: IPollFunctions, settings: ChatSettings, limits: ChatLimits, data: IDataObject): Promise<void> {
	const from = windowStart(Date.now(), settings.lookBackDays);
	const keys = keysOf(settings.event, await readChats(ctx, from)).map(({ key }) => key);
	const { seen, floor } = bounded(keys, undefined, limits);
	writeChatPosition(data, { event: settings.event, from, seen, floor });
}

/** A poll: the window read again, what is new emitted, the keys of this read remembered. */
export async function pollChats(
	ctx: IPollFunctions,
	settings: ChatSettings,
	limits: ChatLimits,
	stored: ChatPosition,
	data: IDataObject,
): Promise<IDataObject[]> {
	const now = Date.now();
	const from = windowStart(now, settings.lookBackDays);
	// Everything is read before the position moves, so a failing poll leaves it where it was.
	const chats = await readChats(ctx, from);
	const known = new Set(stored.seen);
	const items: IDataObject[] = [];
	const keys: string[] = [];
	for (const { key, chat } of keysOf(settings.event, chats)) {
		keys.push(key);
		if (known.has(key) || belowFloor(String(chat.r_id), stored.floor)) continue;
		// A chat older than what the last poll covered (the look-back was made longer) is not new.
		const day = startDay(chat);
		if (day !== undefined && day < stored.from) continue;
		if (settings.event === 'chatRated' && settings.onlyDissatisfied && String(chat.evaluate).trim() !== DISSATISFIED) continue;
		const warning = stampWarning(settings.event, chat, now);
		if (warning !== undefined) ctx.logger.warn(`Bangwo8 Trigger: chat ${String(chat.r_id)}: ${warning}`);
		items.push(chatItem(ctx, settings, chat, warning));
	}
	const { seen, floor, dropped } = bounded(keys, stored.floor, limits);
	if (dropped > 0) {
		ctx.logger.warn(
			`Bangwo8 Trigger: more than ${limits.maxSeen} chats in the look-back window; the ${dropped} oldest are no longer watched (a rating they get later is not emitted). Shorten the look-back or poll more often.`,
		);
	}
	writeChatPosition(data, { event: settings.event, from, seen, floor });
	return items;
}

/** "Fetch test event": the newest chat of the event in the window (else the last 30 days), not remembered. */
export async function newestChat(ctx: IPollFunctions, settings: ChatSettings): Promise<IDataObject | undefined> {
	const now = Date.now();
	for (const days of [settings.lookBackDays, 30]) {
		const chats = keysOf(settings.event, await readChats(ctx, windowStart(now, days)))
			.map(({ chat }) => chat)
			.filter((chat) => !(settings.event === 'chatRated' && settings.onlyDissatisfied && String(chat.evaluate).trim() !== DISSATISFIED));
		const newest = chats.at(-1);
		if (newest !== undefined) return chatItem(ctx, settings, newest);
		if (days >= 30) break;
	}
	return undefined;
}
