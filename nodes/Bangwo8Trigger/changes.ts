import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { Bangwo8EndpointName } from '../Bangwo8/transport/endpoints';

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
	/** Record fields holding the id, first present wins. */
	idFields: string[];
	/** `created` → created_start/created_order and createDT; `updated` → updated_start/updated_order and updateDT. */
	change: 'created' | 'updated';
	/**
	 * How deleted records are handled. `state`: the list takes deStat=1 and a deleted record
	 * carries state 3 (contacts), so the trigger always asks for deleted records (a deletion during
	 * paging cannot shift the pages) and drops them itself unless asked to keep them. `deStat`: the
	 * list takes deStat but the record does not say it is deleted (companies). `none`: no deletion.
	 */
	deleted: 'state' | 'deStat' | 'none';
}

type EventRecords = Omit<EventSource, 'change'>;

const CONTACTS: EventRecords = { endpoint: 'contactList', rootKey: 'users', idFields: ['cId', 'userId'], deleted: 'state' };
const COMPANIES: EventRecords = { endpoint: 'companyList', rootKey: 'companies', idFields: ['uId', 'companyId'], deleted: 'deStat' };
const TICKETS: EventRecords = { endpoint: 'ticketList', rootKey: 'tickets', idFields: ['ticketId', 'id'], deleted: 'none' };

export const EVENT_SOURCES: Record<Bangwo8Event, EventSource> = {
	contactCreated: { ...CONTACTS, change: 'created' },
	contactUpdated: { ...CONTACTS, change: 'updated' },
	companyCreated: { ...COMPANIES, change: 'created' },
	companyUpdated: { ...COMPANIES, change: 'updated' },
	ticketCreated: { ...TICKETS, change: 'created' },
	ticketUpdated: { ...TICKETS, change: 'updated' },
};

/**
 * Bangwo8 is a Chinese service: its timestamps ('YYYY-MM-DD HH:mm:ss', no zone) are taken to be
 * China Standard Time (UTC+8, no DST). The seeds do not say so; if a real account shows
 * otherwise, this constant is the one place to change.
 */
const VENDOR_UTC_OFFSET_MS = 8 * 3600_000;

/** A moment as Bangwo8 writes it: 'YYYY-MM-DD HH:mm:ss' in China time. Such strings sort by time. */
export function vendorTime(ms: number): string {
	const iso = new Date(ms + VENDOR_UTC_OFFSET_MS).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A record's timestamp in the sortable 'YYYY-MM-DD HH:mm:ss' form, or undefined when unreadable. */
export function readVendorTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(value.trim());
	return match ? `${match[1]} ${match[2]}${match[3] ?? ':00'}` : undefined;
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
 * at or after `position` and its key is not in `seen`.
 */
export interface PollPosition {
	event: Bangwo8Event;
	/** 'YYYY-MM-DD HH:mm:ss', China time. */
	position: string;
	seen: string[];
}

export function changeKey(id: string, time: string): string {
	return `${id}@${time}`;
}

function keyTime(key: string): string {
	return key.slice(key.lastIndexOf('@') + 1);
}

export interface ChangeSelection {
	/** New changes to emit, oldest first. */
	emit: IDataObject[];
	/** The position to store after a successful poll. */
	next: PollPosition;
}

/**
 * Picks the new changes out of everything one poll read, and the next position.
 *
 * The list is read by whole days from the stored position's day, so most records of that day
 * come back again: they are known by their key. The server's filter and order are not trusted:
 * records older than the position are ignored whatever the server sent, and the choice does not
 * depend on the order the records came in.
 *
 * Normally the next position is the newest timestamp read and `seen` keeps only the keys at that
 * second. When one id shows up twice in one read, the list moved while it was being paged (a
 * record updated meanwhile jumps to the end of an ascending list, and page-number paging can then
 * skip the record that slid into its place): the position is then held at that record's older
 * timestamp so the next poll reads that stretch again, and `seen` keeps every key from there on,
 * so nothing is emitted twice.
 */
export function selectChanges(
	records: IDataObject[],
	stored: PollPosition,
	source: EventSource,
	keepDeleted: boolean,
): ChangeSelection {
	const field = timeField(source);
	const seen = new Set(stored.seen);
	const firstTimeOfId = new Map<string, string>();
	const handled: string[] = [];
	const fresh: Array<{ time: string; record: IDataObject }> = [];
	let newest = stored.position;
	let movedFrom: string | undefined;

	for (const record of records) {
		const time = readVendorTime(record[field]);
		if (time === undefined) continue;
		const id = recordId(record, source);
		const firstTime = firstTimeOfId.get(id);
		if (firstTime === undefined) firstTimeOfId.set(id, time);
		else {
			const earlier = firstTime < time ? firstTime : time;
			if (movedFrom === undefined || earlier < movedFrom) movedFrom = earlier;
		}
		if (time < stored.position) continue;
		if (time > newest) newest = time;
		const key = changeKey(id, time);
		if (seen.has(key)) continue;
		seen.add(key);
		handled.push(key);
		const deleted = source.deleted === 'state' && String(record.state) === '3';
		if (!deleted || keepDeleted) fresh.push({ time, record });
	}

	let position = newest;
	if (movedFrom !== undefined && movedFrom < position) {
		position = movedFrom > stored.position ? movedFrom : stored.position;
	}
	const keys = [...stored.seen, ...handled].filter((key) => keyTime(key) >= position);
	fresh.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
	return {
		emit: fresh.map(({ record }) => record),
		next: { event: stored.event, position, seen: keys },
	};
}

/** The stored position, or undefined when there is none for this event (first activation, event changed). */
export function readPosition(data: IDataObject, event: Bangwo8Event): PollPosition | undefined {
	const position = readVendorTime(data.position);
	if (data.event !== event || position === undefined) return undefined;
	const seen = Array.isArray(data.seen) ? data.seen.filter((key): key is string => typeof key === 'string') : [];
	return { event, position, seen };
}

/** Writes the position into the static data, touching it only when something changed. */
export function writePosition(data: IDataObject, next: PollPosition): void {
	const same =
		data.event === next.event &&
		data.position === next.position &&
		Array.isArray(data.seen) &&
		data.seen.length === next.seen.length &&
		data.seen.every((key, index) => key === next.seen[index]);
	if (same) return;
	data.event = next.event;
	data.position = next.position;
	data.seen = next.seen;
}

/** A poll that has not finished after this long is taken to have died. */
const POLL_LEASE_MS = 10 * 60_000;

/**
 * Whether another poll of this trigger is still running (n8n starts the next poll on schedule
 * even when the previous one has not returned). Two polls reading the same position would both
 * emit the same changes, so the later one steps aside.
 */
export function pollInProgress(data: IDataObject, now: number): boolean {
	const since = data.pollStartedAt;
	return typeof since === 'number' && now - since >= 0 && now - since < POLL_LEASE_MS;
}
