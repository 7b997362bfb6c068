import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { Bangwo8EndpointName } from '../Bangwo8/transport/endpoints';
import { clockLimit, futureStampWarning, rememberFuture } from '../shared/polling';
import { chinaWallClock, CHINA_OFFSET_MS } from '../shared/time';

export type Bangwo8Event =
	| 'companyCreated'
	| 'companyUpdated'
	| 'contactCreated'
	| 'contactUpdated'
	| 'ticketCreated'
	| 'ticketUpdated';

export interface EventSource {
	endpoint: Bangwo8EndpointName;
	/** The list's root key. */
	rootKey: string;
	/** What the list holds, for messages ("contact", "company", "ticket"). */
	noun: string;
	/** Record fields holding the id, first present wins. */
	idFields: string[];
	/** `created` → created_start/created_order and createDT; `updated` → updated_start/updated_order and updateDT. */
	change: 'created' | 'updated';
	/**
	 * How deleted records are handled. The poll always lists deleted records too (deStat=1) when
	 * the list can, so that a deletion while the pages are read cannot shift them. `state`: a
	 * deleted record carries state 3 (contacts), the trigger drops it itself unless asked to keep
	 * it. `deStat`: the record does not say it is deleted (companies), so the trigger asks which
	 * of the new ones are still there (see the node's `dropDeletedCompanies`). `none`: no deletion.
	 */
	deleted: 'state' | 'deStat' | 'none';
}

type EventRecords = Omit<EventSource, 'change'>;

const CONTACTS: EventRecords = {
	endpoint: 'contactList',
	rootKey: 'users',
	noun: 'contact',
	idFields: ['cId', 'userId'],
	deleted: 'state',
};
const COMPANIES: EventRecords = {
	endpoint: 'companyList',
	rootKey: 'companies',
	noun: 'company',
	idFields: ['uId', 'companyId'],
	deleted: 'deStat',
};
const TICKETS: EventRecords = {
	endpoint: 'ticketList',
	rootKey: 'tickets',
	noun: 'ticket',
	idFields: ['ticketId', 'id'],
	deleted: 'none',
};

export const EVENT_SOURCES: Record<Bangwo8Event, EventSource> = {
	contactCreated: { ...CONTACTS, change: 'created' },
	contactUpdated: { ...CONTACTS, change: 'updated' },
	companyCreated: { ...COMPANIES, change: 'created' },
	companyUpdated: { ...COMPANIES, change: 'updated' },
	ticketCreated: { ...TICKETS, change: 'created' },
	ticketUpdated: { ...TICKETS, change: 'updated' },
};

/**
 * Bounds on what one trigger keeps and reads. n8n builds the node with the defaults; tests build
 * it with small values to reach the bounds with a few records.
 */
export interface TriggerLimits {
	/** Most change keys kept in `seen` (see {@link capSeen}). */
	maxSeen: number;
	/** Most polls in a row that may hold the position back after the list moved while it was read. */
	maxHeldPolls: number;
	/** Most keys of records with an unreadable timestamp remembered (so each is emitted once). */
	maxUnreadable: number;
	/** Most keys of records stamped in the future remembered (see `rememberFuture`). */
	maxFuture: number;
	/** Most pages one read follows (100 records a page). */
	maxPages: number;
}

export const DEFAULT_LIMITS: Readonly<TriggerLimits> = {
	maxSeen: 5_000,
	maxHeldPolls: 3,
	maxUnreadable: 1_000,
	maxFuture: 1_000,
	maxPages: 2_000,
};

/** A moment as Bangwo8 writes it: 'YYYY-MM-DD HH:mm:ss' in China time. Such strings sort by time. */
export const vendorTime = chinaWallClock;

/**
 * A record's timestamp in the sortable 'YYYY-MM-DD HH:mm:ss' form, or undefined when it is not a
 * real date and time (missing, empty, another format, or MySQL's "no date" 0000-00-00 00:00:00).
 */
export function readVendorTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second = '00'] = match;
	const parts = [year, month, day, hour, minute, second].map(Number);
	const valid =
		parts[0] >= 1970 && parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= 31 && parts[3] <= 23 && parts[4] <= 59 && parts[5] <= 59;
	return valid ? `${year}-${month}-${day} ${hour}:${minute}:${second}` : undefined;
}

/** The second after a vendor time (for a position that must pass a whole second). */
function nextSecond(time: string): string {
	const ms = Date.parse(`${time.replace(' ', 'T')}Z`) - CHINA_OFFSET_MS;
	return vendorTime(ms + 1000);
}

export function timeField(source: EventSource): 'createDT' | 'updateDT' {
	return source.change === 'created' ? 'createDT' : 'updateDT';
}

/** The record's id; a record without one is known by a digest of its content. */
export function recordId(record: IDataObject, source: EventSource): string {
	for (const field of source.idFields) {
		const value = record[field];
		if (value !== undefined && value !== null && value !== '') return String(value);
	}
	return `sha1:${createHash('sha1').update(JSON.stringify(record)).digest('hex')}`;
}

/**
 * What the trigger remembers between polls (workflow static data of the node).
 * Invariant: `seen` holds the key (`id@timestamp`) of every change already handled whose
 * timestamp is at or after `position`, and nothing older. A change is new when its timestamp is
 * at or after `position` and its key is not in `seen`. `position` never passes the n8n host's
 * clock (see {@link selectChanges}); keys stamped beyond the clock limit are kept by
 * `rememberFuture`.
 */
export interface PollPosition {
	event: Bangwo8Event;
	/**
	 * 'YYYY-MM-DD HH:mm:ss', China time; '' when the list was empty at activation (then every
	 * record that shows up is new, and the list is read without a date filter).
	 */
	position: string;
	seen: string[];
	/** Polls in a row that held the position back (0 when the last poll did not). */
	held: number;
	/** Keys (`id@?value`) of records already emitted although their timestamp could not be read. */
	unreadable: string[];
}

export function changeKey(id: string, time: string): string {
	return `${id}@${time}`;
}

function keyTime(key: string): string {
	return key.slice(key.lastIndexOf('@') + 1);
}

function unreadableKey(id: string, value: unknown): string {
	return `${id}@?${value === undefined ? '' : JSON.stringify(value)}`;
}

/** One new change to emit. */
export interface Change {
	record: IDataObject;
	id: string;
	/** Set when the record's timestamp could not be read: the field and what it held. */
	unreadable?: { field: string; value: unknown };
	/** Set when the record is stamped beyond the clock limit: why it is flagged. */
	future?: string;
}

export interface ChangeSelection {
	/** New changes, oldest first; those whose timestamp cannot be read come last, in list order. */
	fresh: Change[];
	/** The position to store after a successful poll. */
	next: PollPosition;
	/** What the poll had to give up on, for n8n's log. */
	warnings: string[];
}

/**
 * Picks the new changes out of everything one poll read, and the next position.
 *
 * The list is read by whole days from the stored position's day, so most records of that day
 * come back again: they are known by their key. The server's order is not trusted: records older
 * than the position are ignored whatever the server sent, and the choice does not depend on the
 * order the records came in.
 *
 * Normally the next position is the newest timestamp read (but see the host's clock below) and
 * `seen` keeps only the keys at that second. When one id shows up twice in one read, the list moved while it was being paged (a
 * record updated meanwhile jumps to the end of an ascending list, and page-number paging can then
 * skip the record that slid into its place): the position is then held at that record's older
 * timestamp so the next poll reads that stretch again, and `seen` keeps every key from there on,
 * so nothing is emitted twice. A list that moves during every read would hold the position (and
 * grow `seen`) for ever, so at most `maxHeldPolls` polls in a row hold it; `seen` is capped too.
 *
 * The position never passes the n8n host's clock (`now`): a record stamped a little ahead (a
 * Bangwo8 clock ahead, a client's clock) is known by its key until the position reaches it, so it
 * cannot hide the changes stamped before it. A record stamped beyond the clock limit (a wrong
 * year) does not count for the position at all: it is emitted once, flagged, and its key kept by
 * `rememberFuture` (after the position, such a key would otherwise stay until that date).
 *
 * A record whose timestamp cannot be read cannot be placed before or after the position: it is
 * emitted once (remembered by id and the value it holds), flagged, rather than dropped.
 */
export function selectChanges(
	records: IDataObject[],
	stored: PollPosition,
	source: EventSource,
	keepDeleted: boolean,
	limits: TriggerLimits,
	now: number,
): ChangeSelection {
	const field = timeField(source);
	const hostNow = vendorTime(now);
	const limit = vendorTime(clockLimit(now));
	const seen = new Set(stored.seen);
	const unreadableSeen = new Set(stored.unreadable);
	const firstTimeOfId = new Map<string, string>();
	const handled: string[] = [];
	const newUnreadable: string[] = [];
	const fresh: Array<{ time: string; change: Change }> = [];
	const future: Array<{ key: string; time: string; change?: Change }> = [];
	const undated: Change[] = [];
	const warnings: string[] = [];
	let newest = stored.position;
	let movedFrom: string | undefined;

	for (const record of records) {
		const id = recordId(record, source);
		const deleted = source.deleted === 'state' && String(record.state) === '3';
		const raw = record[field];
		const time = readVendorTime(raw);
		if (time === undefined) {
			const key = unreadableKey(id, raw);
			if (unreadableSeen.has(key)) continue;
			unreadableSeen.add(key);
			newUnreadable.push(key);
			if (!deleted || keepDeleted) undated.push({ record, id, unreadable: { field, value: raw } });
			continue;
		}
		const firstTime = firstTimeOfId.get(id);
		if (firstTime === undefined) firstTimeOfId.set(id, time);
		else {
			const earlier = firstTime < time ? firstTime : time;
			if (movedFrom === undefined || earlier < movedFrom) movedFrom = earlier;
		}
		if (time < stored.position) continue;
		const key = changeKey(id, time);
		if (time > limit) {
			const emit = !deleted || keepDeleted;
			future.push({ key, time, change: emit ? { record, id, future: futureStampWarning(`${field} ${time}`) } : undefined });
			continue;
		}
		if (time > newest) newest = time;
		if (seen.has(key)) continue;
		seen.add(key);
		handled.push(key);
		if (!deleted || keepDeleted) fresh.push({ time, change: { record, id } });
	}

	// Never past the host's clock, and never back before the stored position.
	const ceiling = hostNow > stored.position ? hostNow : stored.position;
	let target = newest;
	let held = 0;
	if (movedFrom !== undefined && movedFrom < newest) {
		if (stored.held < limits.maxHeldPolls) {
			target = movedFrom > stored.position ? movedFrom : stored.position;
			held = stored.held + 1;
		} else {
			warnings.push(
				`The ${source.noun} list moved while it was read in ${stored.held + 1} polls in a row; the position moves on to ${newest < ceiling ? newest : ceiling} instead of being held back again, so a ${source.noun} skipped by page shifts in this poll may not be emitted.`,
			);
		}
	}
	const position = target < ceiling ? target : ceiling;
	const capped = capSeen(
		[...stored.seen.filter((key) => keyTime(key) <= limit), ...handled].filter((key) => keyTime(key) >= position),
		position,
		newest,
		limits.maxSeen,
	);
	if (capped.warning) warnings.push(capped.warning);

	const remembered = rememberFuture(
		stored.seen.filter((key) => keyTime(key) > limit),
		future.map(({ key }) => key),
		limits.maxFuture,
	);
	for (const { key, time, change } of future) {
		if (!remembered.fresh.delete(key) || change === undefined) continue;
		fresh.push({ time, change });
		warnings.push(`${source.noun} ${change.id}: ${change.future}`);
	}
	if (remembered.refused > 0) {
		warnings.push(
			`${remembered.refused} ${source.noun} record(s) stamped in the future were not emitted: the trigger remembers at most ${limits.maxFuture} such records; each is emitted when there is room or when its time comes`,
		);
	}

	fresh.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
	return {
		fresh: [...fresh.map(({ change }) => change), ...undated],
		next: {
			event: stored.event,
			position: capped.position,
			seen: [...capped.seen, ...remembered.keep],
			held: capped.position === position ? held : 0,
			unreadable: [...stored.unreadable, ...newUnreadable].slice(-limits.maxUnreadable),
		},
		warnings,
	};
}

/**
 * A position past the clock limit, as versions before it stored after meeting a record stamped in
 * the future, is brought back to the host's clock so that changes are caught again from now on
 * (those made while it was stuck were skipped then). Undefined when the position is fine.
 */
export function pulledBack(stored: PollPosition, now: number): PollPosition | undefined {
	if (stored.position <= vendorTime(clockLimit(now))) return undefined;
	return { ...stored, position: vendorTime(now), held: 0 };
}

/**
 * Keeps `seen` at most `maxSeen` keys without breaking its invariant: whole seconds are dropped
 * from the oldest on, and the position moves up to the oldest second kept (that stretch is then
 * not read again). When the newest second alone holds more changes than that (a bulk import
 * stamped with one second), the position passes that second and `seen` is emptied: a change made
 * later within that very second would not be emitted.
 */
function capSeen(
	keys: string[],
	position: string,
	newest: string,
	maxSeen: number,
): { seen: string[]; position: string; warning?: string } {
	if (keys.length <= maxSeen) return { seen: keys, position };
	const perSecond = new Map<string, number>();
	for (const key of keys) perSecond.set(keyTime(key), (perSecond.get(keyTime(key)) ?? 0) + 1);
	let kept = keys.length;
	let from = position;
	for (const second of [...perSecond.keys()].sort()) {
		if (kept <= maxSeen) break;
		if (second >= newest) break;
		kept -= perSecond.get(second) ?? 0;
		from = second;
	}
	if (kept <= maxSeen) {
		const oldestKept = [...perSecond.keys()].sort().find((second) => second > from) ?? newest;
		return { seen: keys.filter((key) => keyTime(key) >= oldestKept), position: oldestKept };
	}
	return {
		seen: [],
		position: nextSecond(newest),
		warning: `More than ${maxSeen} changes carry the time ${newest}: the position moves past that second, so a change made later within it would not be emitted.`,
	};
}

/** The stored position, or undefined when there is none for this event (first activation, event changed). */
export function readPosition(data: IDataObject, event: Bangwo8Event): PollPosition | undefined {
	if (data.event !== event) return undefined;
	const position = data.position === '' ? '' : readVendorTime(data.position);
	if (position === undefined) return undefined;
	const strings = (value: unknown) =>
		Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
	const held = typeof data.held === 'number' && data.held > 0 ? data.held : 0;
	return { event, position, seen: strings(data.seen), held, unreadable: strings(data.unreadable) };
}

function sameList(stored: unknown, next: string[]): boolean {
	return Array.isArray(stored) && stored.length === next.length && stored.every((key, index) => key === next[index]);
}

/**
 * Writes the position into the static data, touching it only when something changed. `held`
 * and `unreadable` are stored only when they hold something.
 */
export function writePosition(data: IDataObject, next: PollPosition): void {
	if (data.event !== next.event) data.event = next.event;
	if (data.position !== next.position) data.position = next.position;
	if (!sameList(data.seen, next.seen)) data.seen = next.seen;
	if (next.held > 0) {
		if (data.held !== next.held) data.held = next.held;
	} else if (data.held !== undefined) delete data.held;
	if (next.unreadable.length > 0) {
		if (!sameList(data.unreadable, next.unreadable)) data.unreadable = next.unreadable;
	} else if (data.unreadable !== undefined) delete data.unreadable;
}
