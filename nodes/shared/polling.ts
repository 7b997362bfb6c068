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
