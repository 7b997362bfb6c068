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
	/** The list is asked up to this far ahead of the n8n host's clock (Sobot's clock may be ahead). */
	aheadMs: number;
	/** With no ticket for longer than this, the position follows the host's clock (fewer windows to read). */
	idleMs: number;
	/** Most keys remembered. */
	maxSeen: number;
	/** Most pages one window may have (50 tickets a page). */
	maxPages: number;
}

export const DEFAULT_TICKET_LIMITS: Readonly<TicketTriggerLimits> = {
	overlapMs: 10 * 60_000,
	aheadMs: 24 * 3600_000,
	idleMs: 24 * 3600_000,
	maxSeen: 5_000,
	maxPages: 2_000,
};

/** Where the trigger stands (workflow static data of the node). */
interface TicketPosition {
	event: TicketEvent;
	/** ms: every change stamped before `position - overlapMs` has been handled. */
	position: number;
	/** Keys (`ticketid@ms`, or `ticketid@?raw` for an unreadable time) of changes already emitted. */
	seen: string[];
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
	return {
		tickets: created.tickets.filter((ticket) => {
			const time = (readVendorTime(ticket[TICKET_UPDATED_FIELD], timeZone) ?? undefined);
			return time === undefined || time >= from;
		}),
		complete: created.complete,
	};
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

/** Keys still needed: those at or after the next read's start (and unreadable ones), newest kept. */
function keepKeys(keys: string[], from: number, maxSeen: number): string[] {
	const kept = [...new Set(keys)].filter((key) => {
		const time = keyTime(key);
		return time === undefined || time >= from;
	});
	return kept.slice(-maxSeen);
}

/** First activation: start at the newest change on the server (or now), remembering what is there. */
export async function firstPosition(
	ctx: IPollFunctions,
	data: IDataObject,
	event: TicketEvent,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<void> {
	const now = Date.now();
	const { tickets } = await readChanges(ctx, data, event, now - limits.overlapMs, now + limits.aheadMs, lookbackDays, limits);
	const timeZone = await accountTimeZone(ctx);
	const keys = tickets.map((ticket) => changeKey(ticket, event, timeZone));
	const newest = Math.max(now, ...keys.map(({ time }) => time ?? 0));
	writePosition(data, { event, position: newest, seen: keepKeys(keys.map(({ key }) => key), newest - limits.overlapMs, limits.maxSeen) });
}

/**
 * One poll: reads from `position - overlap` and emits the changes whose key was not seen. The
 * position moves to the newest change read — or stays when a list moved while it was read, so the
 * next poll reads that stretch again (the keys keep it from emitting anything twice). Everything
 * is read before static data changes: a failing poll leaves the position where it was.
 */
export async function pollChanges(
	ctx: IPollFunctions,
	data: IDataObject,
	stored: TicketPosition,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<IDataObject[]> {
	const now = Date.now();
	const from = stored.position - limits.overlapMs;
	const { tickets, complete } = await readChanges(ctx, data, stored.event, from, now + limits.aheadMs, lookbackDays, limits);
	const timeZone = await accountTimeZone(ctx);
	const seen = new Set(stored.seen);
	const fresh: Array<{ ticket: IDataObject; time: number }> = [];
	const handled: string[] = [];
	let newest = stored.position;
	for (const ticket of tickets) {
		const { key, time } = changeKey(ticket, stored.event, timeZone);
		if (time !== undefined && time < from) continue;
		if (seen.has(key)) continue;
		seen.add(key);
		handled.push(key);
		if (time !== undefined && time > newest) newest = time;
		fresh.push({ ticket, time: time ?? Number.POSITIVE_INFINITY });
	}
	let position = stored.position;
	if (complete) position = Math.max(newest, now - limits.idleMs);
	else ctx.logger.warn('Sobot Ticket Trigger: the ticket list moved while it was read; the position is kept so the next poll reads it again');
	writePosition(data, {
		event: stored.event,
		position,
		seen: keepKeys([...stored.seen, ...handled], Math.min(position, stored.position) - limits.overlapMs, limits.maxSeen),
	});
	fresh.sort((a, b) => a.time - b.time);
	return fresh.map(({ ticket }) => ticket);
}

/** Test run: the most recent ticket (by the event's time) of the last windows, or none. */
export async function latestTicket(
	ctx: IPollFunctions,
	data: IDataObject,
	event: TicketEvent,
	lookbackDays: number,
	limits: TicketTriggerLimits,
): Promise<IDataObject | undefined> {
	const now = Date.now();
	const span = Math.max(lookbackDays, 28) * 24 * 3600_000;
	const { tickets } = await readChanges(ctx, { ...data }, event, now - span, now + limits.aheadMs, lookbackDays, limits);
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
