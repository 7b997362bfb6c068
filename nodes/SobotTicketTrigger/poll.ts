import { NodeApiError, NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { sobotApiRequest } from '../Sobot/transport';
import { SOBOT_ENDPOINTS, type SobotEndpoint } from '../Sobot/transport/endpoints';
import {
	ticketId,
	ticketQueryTime,
	timeWindows,
	TICKET_CREATED_FIELD,
	TICKET_UPDATED_FIELD,
} from '../Sobot/actions/ticket/common';
import { accountTimeZone } from '../Sobot/transport/timeZone';
import { clockLimit, futureStampWarning, rememberFuture } from '../shared/polling';
import { readVendorTime } from '../shared/time';

export type TicketEvent = 'ticketCreated' | 'ticketUpdated';

/** Bounds of one trigger. n8n builds the node with the defaults; tests pass small values. */
export interface TicketTriggerLimits {
	/**
	 * Each poll reads again this far before its position, so a ticket Sobot stamped a little
	 * earlier but showed only later (a slow write, a clock a bit off) is still found. Keys of
	 * tickets in that stretch are kept so none is emitted twice.
	 */
	overlapMs: number;
	/**
	 * The list is asked up to this far ahead of the n8n host's clock (Sobot's clock may be ahead;
	 * a ticket stamped beyond the clock allowance is emitted flagged, see `pollChanges`).
	 */
	aheadMs: number;
	/** With no ticket for longer than this, the position follows the host's clock (fewer windows to read). */
	idleMs: number;
	/** Most keys remembered. */
	maxSeen: number;
	/** Most keys of tickets stamped in the future remembered (see `rememberFuture`). */
	maxFuture: number;
	/** Most pages one window may have (50 tickets a page). */
	maxPages: number;
}

export const DEFAULT_TICKET_LIMITS: Readonly<TicketTriggerLimits> = {
	overlapMs: 10 * 60_000,
	aheadMs: 24 * 3600_000,
	idleMs: 24 * 3600_000,
	maxSeen: 5_000,
	maxFuture: 1_000,
	maxPages: 2_000,
};

/** Where the trigger stands (workflow static data of the node). */
interface TicketPosition {
	event: TicketEvent;
	/** ms: every change stamped before `position - overlapMs` has been handled. Never past the host's clock. */
	position: number;
	/**
	 * Keys (`ticketid@ms`, or `ticketid@?raw` for an unreadable time) of the changes the last read
	 * returned, all handled: only those can come back, as the range read only moves forward.
	 */
	seen: string[];
}

/** One ticket to emit; `warning` when it is stamped in the future. */
export interface TicketChange {
	ticket: IDataObject;
	warning?: string;
}

export interface ReadResult {
	tickets: IDataObject[];
	/** False when a list's pages shifted while they were read (fewer tickets than its total). */
	complete: boolean;
}

const PAGE_SIZE = (SOBOT_ENDPOINTS.ticketList as SobotEndpoint).maxPageSize ?? 50;

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/**
 * Every ticket of a list in [from, to], window by window, page by page (in order, so a list
 * that moved while it was read can be noticed: fewer distinct tickets than its total_count).
 */
async function readRange(
	ctx: IPollFunctions,
	endpoint: 'ticketList' | 'ticketListByUpdateTime',
	from: number,
	to: number,
	limits: TicketTriggerLimits,
): Promise<ReadResult> {
	const prefix = endpoint === 'ticketList' ? 'create' : 'update';
	const timeZone = await accountTimeZone(ctx);
	const tickets: IDataObject[] = [];
	let complete = true;
	for (const window of timeWindows(from, to)) {
		const ids = new Set<string>();
		let total = 0;
		for (let page = 1; ; page++) {
			if (page > limits.maxPages) {
				throw new NodeOperationError(ctx.getNode(), `The Sobot ticket list has more than ${limits.maxPages} pages: the poll was stopped`, {
					description: 'Does the server ignore the page number? The position did not move.',
				});
			}
			const response = await sobotApiRequest.call(ctx, endpoint, {
				qs: {
					[`${prefix}_start_datetime`]: ticketQueryTime(window.from, timeZone),
					[`${prefix}_end_datetime`]: ticketQueryTime(window.to, timeZone),
					page_no: page,
					page_size: PAGE_SIZE,
				},
			});
			const list = response.items ?? response.item;
			const records = Array.isArray(list) ? (list as IDataObject[]) : [];
			if (page === 1) total = Number(response.total_count) || 0;
			for (const record of records) ids.add(ticketId(record));
			tickets.push(...records);
			const pageCount = Number(response.page_count);
			const more = Number.isFinite(pageCount) ? page < pageCount : records.length >= PAGE_SIZE;
			if (!more || records.length === 0) break;
		}
		if (ids.size < total) complete = false;
	}
	return { tickets, complete };
}

/**
 * The tickets whose event time may be in [from, to]. Ticket Created reads query_tickets by
 * creation time. Ticket Updated reads query_tickets_by_update_time; when Sobot answers 404 for
 * it (the path is absent on this account: only one public SDK knows it), the trigger remembers
 * that and reads query_tickets by creation time over the last `lookbackDays` instead, keeping the
 * tickets updated in range.
 */
export async function readChanges(
	ctx: IPollFunctions,
	data: IDataObject,
	event: TicketEvent,
	from: number,
	to: number,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<ReadResult> {
	if (event === 'ticketCreated') return await readRange(ctx, 'ticketList', from, to, limits);
	if (data.updateQuery !== 'absent') {
		try {
			return await readRange(ctx, 'ticketListByUpdateTime', from, to, limits);
		} catch (error) {
			if (!isNotFound(error)) throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error);
			data.updateQuery = 'absent';
			ctx.logger.warn('Sobot Ticket Trigger: query_tickets_by_update_time is not available; reading tickets by creation time instead');
		}
	}
	const created = await readRange(ctx, 'ticketList', Math.min(from, to - lookbackDays * 24 * 3600_000), to, limits);
	const timeZone = await accountTimeZone(ctx);
	return { tickets: created.tickets.filter((ticket) => mayHaveChangedSince(ticket, from, timeZone)), complete: created.complete };
}

/**
 * Whether a ticket of the creation-time list may have changed since `from`. That list holds every
 * ticket created in the look-back days and no server filter says which changed, so this one is
 * needed. Only an update time read as a real instant before `from` drops a ticket; one that cannot
 * be compared (missing, blank, zero, another format) is kept, and its key keeps it from being
 * emitted twice.
 */
function mayHaveChangedSince(ticket: IDataObject, from: number, timeZone: string): boolean {
	const time = readVendorTime(ticket[TICKET_UPDATED_FIELD], timeZone);
	return typeof time !== 'number' || time >= from;
}

export function eventField(event: TicketEvent): string {
	return event === 'ticketCreated' ? TICKET_CREATED_FIELD : TICKET_UPDATED_FIELD;
}

/** `timeZone`: the account's, for a zone-less time (`accountTimeZone`). */
export function changeKey(ticket: IDataObject, event: TicketEvent, timeZone: string): { key: string; time?: number } {
	const raw = ticket[eventField(event)];
	const time = (readVendorTime(raw, timeZone) ?? undefined);
	const id = ticketId(ticket);
	return time === undefined ? { key: `${id}@?${JSON.stringify(raw ?? null)}` } : { key: `${id}@${time}`, time };
}

function keyTime(key: string): number | undefined {
	const time = Number(key.slice(key.lastIndexOf('@') + 1));
	return Number.isFinite(time) ? time : undefined;
}

export function readPosition(data: IDataObject, event: TicketEvent): TicketPosition | undefined {
	if (data.event !== event || typeof data.position !== 'number' || !Number.isFinite(data.position)) return undefined;
	const seen = Array.isArray(data.seen) ? data.seen.filter((key): key is string => typeof key === 'string') : [];
	return { event, position: data.position, seen };
}

function writePosition(data: IDataObject, next: TicketPosition): void {
	data.event = next.event;
	data.position = next.position;
	data.seen = next.seen;
}

/** At most `maxSeen` keys, the newest kept (a key without a readable time counts as newest). */
function newestKeys(keys: string[], maxSeen: number): string[] {
	const time = (key: string) => keyTime(key) ?? Number.POSITIVE_INFINITY;
	return [...new Set(keys)].sort((a, b) => time(a) - time(b)).slice(-maxSeen);
}

function isFutureKey(key: string, limit: number): boolean {
	const time = keyTime(key);
	return time !== undefined && time > limit;
}

/** The ticket's event time as a warning names it: the field, what Sobot sent, the instant read. */
function stampOf(ticket: IDataObject, event: TicketEvent, time: number): string {
	return `${eventField(event)} ${String(ticket[eventField(event)])} (${new Date(time).toISOString()})`;
}

/** The keys of one read, split by the clock limit: tickets stamped beyond it in `future`. */
function readKeys(tickets: IDataObject[], event: TicketEvent, timeZone: string, limit: number) {
	const current: Array<{ ticket: IDataObject; key: string; time?: number }> = [];
	const future: Array<{ ticket: IDataObject; key: string; time: number }> = [];
	for (const ticket of tickets) {
		const { key, time } = changeKey(ticket, event, timeZone);
		if (time !== undefined && time > limit) future.push({ ticket, key, time });
		else current.push({ ticket, key, time });
	}
	return { current, future };
}

/**
 * First activation: starts at the host's clock, remembering every change the server shows from
 * the overlap before it on (a Sobot clock ahead included). A ticket stamped beyond the clock limit
 * is remembered too (and logged), not emitted: it was there before activation.
 */
export async function firstPosition(
	ctx: IPollFunctions,
	data: IDataObject,
	event: TicketEvent,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<void> {
	const now = Date.now();
	const { tickets } = await readChanges(ctx, data, event, now - limits.overlapMs, now + limits.aheadMs, lookbackDays, limits);
	const { current, future } = readKeys(tickets, event, await accountTimeZone(ctx), clockLimit(now));
	for (const { ticket, time } of future) {
		ctx.logger.warn(
			`Sobot Ticket Trigger: ticket ${ticketId(ticket)}: ${futureStampWarning(stampOf(ticket, event, time), 'remembered at activation, not emitted')}`,
		);
	}
	const remembered = rememberFuture([], future.map(({ key }) => key), limits.maxFuture).keep;
	writePosition(data, { event, position: now, seen: [...newestKeys(current.map(({ key }) => key), limits.maxSeen), ...remembered] });
}

/**
 * One poll: reads from `position - overlap` and emits the changes whose key was not seen.
 *
 * The server's range filter is trusted: a ticket it returned is emitted even when our reading of
 * its time (the account's zone assumed) puts it before the range; `seen` keeps the keys of what
 * the read returned, so it is not emitted twice while it keeps coming back.
 *
 * The position moves to the newest change read (or the host's clock after `idleMs` without one),
 * never past the host's clock — or stays when a list moved while it was read, so the next poll
 * reads that stretch again. A ticket stamped beyond the clock limit is emitted once, with a
 * warning, and its key kept by `rememberFuture`. Everything is read before static data changes:
 * a failing poll leaves the position where it was.
 */
export async function pollChanges(
	ctx: IPollFunctions,
	data: IDataObject,
	saved: TicketPosition,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<TicketChange[]> {
	const now = Date.now();
	const limit = clockLimit(now);
	// A position an earlier version let a ticket stamped in the future carry away comes back to now.
	const stored = saved.position > limit ? { ...saved, position: now } : saved;
	if (stored !== saved) {
		ctx.logger.warn(
			`Sobot Ticket Trigger: the stored position ${new Date(saved.position).toISOString()} is ahead of the n8n host's clock (a ticket stamped in the future took it there); the trigger starts again at ${new Date(now).toISOString()}, changes made before are not emitted`,
		);
	}
	const from = stored.position - limits.overlapMs;
	const { tickets, complete } = await readChanges(ctx, data, stored.event, from, now + limits.aheadMs, lookbackDays, limits);
	const { current, future } = readKeys(tickets, stored.event, await accountTimeZone(ctx), limit);
	const seen = new Set(stored.seen);
	const fresh: Array<TicketChange & { time: number }> = [];
	let newest = stored.position;
	for (const { ticket, key, time } of current) {
		if (seen.has(key)) continue;
		seen.add(key);
		if (time !== undefined && time > newest) newest = time;
		fresh.push({ ticket, time: time ?? Number.POSITIVE_INFINITY });
	}

	const remembered = rememberFuture(
		stored.seen.filter((key) => isFutureKey(key, limit)),
		future.map(({ key }) => key),
		limits.maxFuture,
		complete,
	);
	for (const { ticket, key, time } of future) {
		if (!remembered.fresh.delete(key)) continue;
		const warning = futureStampWarning(stampOf(ticket, stored.event, time));
		ctx.logger.warn(`Sobot Ticket Trigger: ticket ${ticketId(ticket)}: ${warning}`);
		fresh.push({ ticket, time, warning });
	}
	if (remembered.refused > 0) {
		ctx.logger.warn(
			`Sobot Ticket Trigger: ${remembered.refused} ticket(s) stamped in the future were not emitted: the trigger remembers at most ${limits.maxFuture} such tickets; each is emitted when there is room or when its time comes`,
		);
	}

	let position = stored.position;
	if (complete) position = Math.min(Math.max(newest, now - limits.idleMs), Math.max(now, stored.position));
	else ctx.logger.warn('Sobot Ticket Trigger: the ticket list moved while it was read; the position is kept so the next poll reads it again');
	// A complete read returned every ticket that can come back; after an incomplete one the older keys stay too.
	const returned = current.map(({ key }) => key);
	const keys = complete ? returned : [...stored.seen.filter((key) => !isFutureKey(key, limit)), ...returned];
	writePosition(data, { event: stored.event, position, seen: [...newestKeys(keys, limits.maxSeen), ...remembered.keep] });
	fresh.sort((a, b) => a.time - b.time);
	return fresh.map(({ ticket, warning }) => (warning === undefined ? { ticket } : { ticket, warning }));
}

/** "Fetch test event" looks back this far, one span after the other, until one holds a ticket. */
const TEST_EVENT_SPANS_MS = [3600_000, 24 * 3600_000, 7 * 24 * 3600_000, 28 * 24 * 3600_000];

/**
 * Test run: the most recent ticket by the event's time, or none. The last hour is read first, then
 * the rest of the last day, week and four weeks, stopping at the first stretch that holds a
 * ticket: a busy account answers with one request instead of four weeks page by page. Without the
 * update-time query every read lists the tickets created in the look-back days anyway, so one
 * read covers the widest span.
 */
export async function latestTicket(
	ctx: IPollFunctions,
	data: IDataObject,
	event: TicketEvent,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<IDataObject | undefined> {
	const now = Date.now();
	const ahead = now + limits.aheadMs;
	const widest = TEST_EVENT_SPANS_MS[TEST_EVENT_SPANS_MS.length - 1];
	// readChanges notes here when the update-time query is absent; a test run stores nothing.
	const scratch = { ...data };
	let to = ahead;
	for (const span of TEST_EVENT_SPANS_MS) {
		const byCreation = event === 'ticketUpdated' && scratch.updateQuery === 'absent';
		const from = now - (byCreation ? widest : span);
		const { tickets } = await readChanges(ctx, scratch, event, from, byCreation ? ahead : to, lookbackDays, limits);
		if (tickets.length > 0 || byCreation) return await newestTicket(ctx, tickets, event);
		to = from - 1000;
	}
	return undefined;
}

async function newestTicket(ctx: IPollFunctions, tickets: IDataObject[], event: TicketEvent): Promise<IDataObject | undefined> {
	const timeZone = await accountTimeZone(ctx);
	let latest: IDataObject | undefined;
	let latestTime = Number.NEGATIVE_INFINITY;
	for (const ticket of tickets) {
		const time = readVendorTime(ticket[eventField(event)], timeZone) ?? Number.NEGATIVE_INFINITY;
		if (latest === undefined || time > latestTime) {
			latest = ticket;
			latestTime = time;
		}
	}
	return latest;
}
