/**
 * What the end-to-end suites share to build workflows and read their executions
 * (package.e2e.ts, queue.e2e.ts, examples.e2e.ts).
 */
import assert from 'node:assert/strict';

import type { Credential, Execution, N8n, WorkflowNode } from './n8n';

export const PKG = 'n8n-nodes-bangwo8-sobot';

/** Our node types as n8n names them. */
export const T = {
	sobot: `${PKG}.sobot`,
	sobotTrigger: `${PKG}.sobotTrigger`,
	sobotTicketTrigger: `${PKG}.sobotTicketTrigger`,
	bangwo8: `${PKG}.bangwo8`,
	bangwo8Trigger: `${PKG}.bangwo8Trigger`,
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Milliseconds since `t0` (a performance.now() reading), for the suites' `#` lines. */
export const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

/** A workflow node at `x`, with credentials given as the credential records n8n answered. */
export function node(name: string, type: string, x: number, parameters: Record<string, unknown>, credentials?: Record<string, Credential>): WorkflowNode {
	const n: WorkflowNode = { name, type, typeVersion: 1, position: [x, 0], parameters };
	if (credentials) {
		n.credentials = Object.fromEntries(Object.entries(credentials).map(([k, c]) => [k, { id: c.id, name: c.name }]));
	}
	return n;
}

/** Nodes wired one after the other. */
export function chain(nodes: WorkflowNode[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

export function assertSuccess(ex: Execution): void {
	const err = ex.data?.resultData.error;
	assert.equal(ex.status, 'success', `execution ${ex.id} ${ex.status}: ${err ? JSON.stringify(err).slice(0, 1500) : ''}`);
}

/** Executions of a workflow, waiting until `n` exist and have finished (or the deadline passes). */
export async function executionsOf(n8n: N8n, workflowId: string, n: number, timeoutMs = 30_000): Promise<Execution[]> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const list = await n8n.listExecutions(workflowId);
		const done = list.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= n || Date.now() > end) return list;
		await sleep(200);
	}
}
