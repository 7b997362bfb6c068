import type { IDataObject } from 'n8n-workflow';

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
