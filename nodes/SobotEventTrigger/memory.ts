
/**
 * What the Sobot Event Trigger remembers between pushes, in the n8n process that receives them
 * (main, or the webhook processor in queue mode), per workflow and trigger node:
 *
 * - **signatures** used (`X-Log-TimeStamp:X-Log-RandomCode:X-Log-Sign` → digest of the body),
 *   until their timestamp leaves the window. The signature does not cover the body: a second
 *   request with the same headers is either Sobot sending the same push again (same body:
 *   acknowledged, not run again) or someone replaying the headers with another body (refused).
 * - **records** emitted (a digest of each record), for a day: Sobot resends what it thinks was
 *   not delivered, and the same record version is emitted once.
 *
 * Why not the workflow's static data: n8n saves static data as one document per workflow after
 * each webhook call and each poll, whole — a Sobot Ticket Trigger in the same workflow (the
 * failed-push sweep) keeps its own copy in memory and would overwrite this memory at every poll,
 * and two pushes arriving together would each save their own copy. In memory, concurrent pushes
 * see each other at once. The price: a restart forgets (a replay needs a captured request
 * within the window; a resend after a restart is emitted again), and with several webhook
 * processors each remembers what it received.
 */

/** Most records remembered per trigger node, and for how long. */
export const MAX_RECORDS = 5_000;
export const RECORD_TTL_MS = 24 * 3600_000;
/** Most signatures remembered per trigger node (a push a second for 5 minutes is 300). */
export const MAX_SIGNATURES = 10_000;
/** Most trigger nodes remembered in one process. */
const MAX_SCOPES = 1_000;

class ExpiringSet<V> {
	private readonly entries = new Map<string, { value: V; until: number }>();

	constructor(private readonly max: number) {}

	get(key: string, now: number): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.until < now) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: V, until: number, now: number): void {
		this.entries.delete(key);
		this.entries.set(key, { value, until });
		if (this.entries.size <= this.max) return;
		// Expired entries first, then the oldest inserted.
		for (const [k, entry] of this.entries) if (entry.until < now) this.entries.delete(k);
		for (const k of this.entries.keys()) {
			if (this.entries.size <= this.max) break;
			this.entries.delete(k);
		}
	}
}

export interface PushMemory {
	signatures: ExpiringSet<string>;
	records: ExpiringSet<true>;
}

/** The memories of one node type instance (n8n keeps one per process), by workflow and node. */
export class PushMemories {
	private readonly scopes = new Map<string, PushMemory>();

	constructor(private readonly limits: { maxRecords: number; maxSignatures: number } = { maxRecords: MAX_RECORDS, maxSignatures: MAX_SIGNATURES }) {}

	of(workflowId: string, nodeName: string): PushMemory {
		const key = `${workflowId}\u0000${nodeName}`;
		let memory = this.scopes.get(key);
		if (memory) {
			this.scopes.delete(key);
			this.scopes.set(key, memory);
			return memory;
		}
		memory = { signatures: new ExpiringSet(this.limits.maxSignatures), records: new ExpiringSet(this.limits.maxRecords) };
		this.scopes.set(key, memory);
		if (this.scopes.size > MAX_SCOPES) this.scopes.delete(this.scopes.keys().next().value as string);
		return memory;
	}
}
