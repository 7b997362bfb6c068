
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listFailedPushes, simplifyPushedTicket } from '../Sobot/actions/ticket/getFailedPushes.operation';
import { accountTimeZone } from '../Sobot/transport/timeZone';
import { ticketId } from '../Sobot/actions/ticket/common';
import { readVendorTime } from '../shared/time';
import { recordDigest } from '../shared/values';

/**
 * The Sobot Ticket Trigger's "Ticket Push Failed" event: a sweep of Sobot's failed-push list
 * (query_ticket_push_fail_infos), so a workflow fed by the Sobot Event Trigger misses nothing
 * Sobot could not deliver. A webhook trigger cannot poll in n8n, so the sweep is a polling event
 * here, beside the webhook trigger in the same workflow (or in another).
 *
 * Each failure is emitted once, across polls and restarts: the position (the n8n host's clock at
 * the last complete read) and the keys of the failures already emitted live in the node's static
 * data. Each poll reads again `overlapMs` before its position, because ASSUMPTION: which time the
 * list's range filters by is not documented (the ticket's update time or the time of the failed
 * attempt, which Sobot may record minutes later, after its own retries).
 */

export const FAILED_PUSH_EVENT = 'ticketPushFailed';

export interface SweepLimits {
	/** Each read starts this long before the position. */
	overlapMs: number;
	/** Most keys remembered. */
	maxSeen: number;
}

export const DEFAULT_SWEEP_LIMITS: Readonly<SweepLimits> = { overlapMs: 2 * 3600_000, maxSeen: 5_000 };

interface SweepPosition {
	position: number;
	/** Keys of failures already emitted, with the host time they were first seen. */
	seen: Array<[string, number]>;
}

/** A failure's key: the ticket and its version as pushed, plus a digest of the record (two failures of one version are one). */
export function failureKey(record: IDataObject): string {
	const version = record.update_datetime ?? record.update_time ?? '';
	const body = recordDigest(record).slice(0, 16);
	return `${ticketId(record)}@${String(version)}#${body}`;
}

export function readSweepPosition(data: IDataObject): SweepPosition | undefined {
	if (data.event !== FAILED_PUSH_EVENT || typeof data.position !== 'number' || !Number.isFinite(data.position)) return undefined;
	const seen = Array.isArray(data.seen)
		? (data.seen as unknown[]).filter((entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number')
		: [];
	return { position: data.position, seen };
}

function writeSweepPosition(data: IDataObject, next: SweepPosition): void {
	data.event = FAILED_PUSH_EVENT;
	data.position = next.position;
	data.seen = next.seen as unknown as IDataObject[];
	delete data.updateQuery;
}

async function read(ctx: IPollFunctions, from: number, to: number): Promise<IDataObject[]> {
	return await listFailedPushes(ctx, { from, to }, { returnAll: true, limit: 0 });
}

/** First activation: start now, remembering the failures already listed in the overlap (not emitted). */
export async function startSweep(ctx: IPollFunctions, data: IDataObject, limits: SweepLimits): Promise<void> {
	const now = Date.now();
	const records = await read(ctx, now - limits.overlapMs, now);
	writeSweepPosition(data, { position: now, seen: records.map((record) => [failureKey(record), now]).slice(-limits.maxSeen) as Array<[string, number]> });
}

/** One sweep: the failures listed since `position - overlap` not emitted before, oldest first. Nothing changes when the read fails. */
export async function sweep(ctx: IPollFunctions, data: IDataObject, stored: SweepPosition, limits: SweepLimits): Promise<IDataObject[]> {
	const now = Date.now();
	const records = await read(ctx, stored.position - limits.overlapMs, now);
	const seen = new Map(stored.seen);
	const fresh: IDataObject[] = [];
	for (const record of records) {
		const key = failureKey(record);
		if (seen.has(key)) continue;
		seen.set(key, now);
		fresh.push(record);
	}
	// A failure first seen at `at` can be listed again by reads starting up to an overlap after
	// it (more if Sobot's clock is ahead): its key is kept for two overlaps.
	const keep = [...seen].filter(([, at]) => at >= now - 2 * limits.overlapMs).slice(-limits.maxSeen);
	writeSweepPosition(data, { position: now, seen: keep });
	// Oldest first, by the ticket's update time (a failure without a readable one last).
	const timeZone = await accountTimeZone(ctx);
	const timeOf = (record: IDataObject) => readVendorTime(record.update_datetime ?? record.update_time, timeZone) ?? Number.POSITIVE_INFINITY;
	return fresh
		.map((record, index) => ({ record, index, time: timeOf(record) }))
		.sort((a, b) => a.time - b.time || a.index - b.index)
		.map(({ record }) => record);
}

/** Fetch test event: the newest failure of the last 28 days. */
export async function latestFailure(ctx: IPollFunctions): Promise<IDataObject | undefined> {
	const now = Date.now();
	const records = await listFailedPushes(ctx, { from: now - 28 * 24 * 3600_000, to: now }, { returnAll: false, limit: 1 });
	return records[0];
}

/** Simplify of a failure, as the Sobot node's Get Failed Pushes and the Sobot Event Trigger give a pushed ticket. */
export async function simplifyFailure(ctx: IPollFunctions, record: IDataObject): Promise<IDataObject> {
	return simplifyPushedTicket(record, { timezone: ctx.getTimezone(), vendorTimeZone: await accountTimeZone(ctx) });
}
