import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/** A poll that has not finished after this long is taken to have died. */
const POLL_LEASE_MS = 10 * 60_000;

/**
 * Runs one poll of a polling trigger under a lease kept in the trigger's static data. n8n starts
 * the next poll on schedule even when the previous one has not returned; two polls reading the
 * same position would both emit the same changes, so the later one steps aside (null).
 */
export async function withPollLease<T>(data: IDataObject, poll: () => Promise<T>): Promise<T | null> {
	const now = Date.now();
	const since = data.pollStartedAt;
	if (typeof since === 'number' && now - since >= 0 && now - since < POLL_LEASE_MS) return null;
	data.pollStartedAt = now;
	try {
		return await poll();
	} finally {
		delete data.pollStartedAt;
	}
}

/** The steps of one poll that differ between the polling triggers. */
export interface PollSteps<Position> {
	/** "Fetch test event": the newest record as an item, or undefined when there is none. */
	newest(): Promise<IDataObject | undefined>;
	/** The position stored in `data`, or undefined before the first poll (or after the event changed). */
	position(data: IDataObject): Position | undefined;
	/** First poll after activation: record in `data` where to start, emit nothing old. */
	start(data: IDataObject): Promise<void>;
	/** The items changed since `position`; moves the position in `data` once everything is read. */
	changes(position: Position, data: IDataObject): Promise<IDataObject[]>;
}

/**
 * One poll, the same for every polling trigger: a manual run shows the newest record and leaves
 * the workflow's static data untouched; the first poll only records where to start; the others
 * emit what changed, under the poll lease (`withPollLease`).
 */
export async function runPoll<Position>(
	context: IPollFunctions,
	steps: PollSteps<Position>,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const newest = await steps.newest();
		return newest ? [context.helpers.returnJsonArray([newest])] : null;
	}
	const data = context.getWorkflowStaticData('node');
	return await withPollLease(data, async () => {
		const position = steps.position(data);
		if (position === undefined) {
			await steps.start(data);
			return null;
		}
		const items = await steps.changes(position, data);
		return items.length > 0 ? [context.helpers.returnJsonArray(items)] : null;
	});
}

// ------------------------------------------------------------------ vendor clocks

/**
 * How far ahead of the n8n host's clock a vendor's timestamp may be and still count as a real
 * time (a vendor clock a little ahead). Beyond it the record is taken to be stamped in the future
 * (an import with a wrong year, a client with a wrong clock): it is emitted once, with a warning.
 * Vendor servers keep their clocks within seconds, so minutes ahead is already a wrong stamp;
 * five minutes still spares a clock that drifted from warning about every record.
 */
export const CLOCK_ALLOWANCE_MS = 5 * 60_000;

/** Timestamps after this instant (ms) are in the future: now plus {@link CLOCK_ALLOWANCE_MS}. */
export function clockLimit(now: number): number {
	return now + CLOCK_ALLOWANCE_MS;
}

/**
 * Says why a record stamped beyond the clock limit is flagged: `stamp` names the field and its
 * value, `handled` what the trigger did with the record.
 */
export function futureStampWarning(stamp: string, handled = 'emitted once'): string {
	return `${stamp} is more than ${CLOCK_ALLOWANCE_MS / 60_000} minutes ahead of the n8n host's clock: ${handled}, and the trigger's position does not follow it`;
}

/** What a poll does with the records stamped in the future it read (see {@link rememberFuture}). */
export interface FutureKeys {
	/** Keys of the future records to emit now (each at most once). */
	fresh: Set<string>;
	/** Future keys to store in `seen`. */
	keep: string[];
	/** How many future records were not emitted because `max` are remembered already. */
	refused: number;
}

/**
 * The seen keys of records stamped in the future. A polling trigger's position never follows such
 * a record (it would skip every real change until that date), so its key lies after the position
 * and pruning by time would keep it until then. It is kept instead while the reads still return
 * the record: once the record changes (a new key) or leaves the list, it cannot come back. At
 * most `max` are kept; one more is not emitted (`refused`, for a warning) until there is room or
 * its time comes. `complete`: whether the read returned every record in range (otherwise a
 * remembered key whose record was missing is kept).
 */
export function rememberFuture(remembered: string[], read: string[], max: number, complete = true): FutureKeys {
	const present = new Set(read);
	const keep = [...new Set(remembered)].filter((key) => !complete || present.has(key));
	const known = new Set(keep);
	const fresh = new Set<string>();
	let refused = 0;
	for (const key of present) {
		if (known.has(key)) continue;
		if (keep.length >= max) {
			refused++;
			continue;
		}
		keep.push(key);
		fresh.add(key);
	}
	return { fresh, keep, refused };
}
