/**
 * Common machinery for the fake vendor API servers used by tests and benchmarks.
 *
 * A FakeServer is a real HTTP server on 127.0.0.1 (random port). It records every request,
 * can inject faults (error answers, delays) into the next N business requests, and dispatches
 * to a small route table defined by the subclass.
 *
 * Kept deliberately cheap per request (benchmarks push 10,000+ records through it): no logging,
 * one JSON.stringify per answer, recording can be switched off with `recording = false`.
 */
import * as http from 'node:http';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RecordedRequest {
	method: string;
	/** Path without the query string, as sent (not percent-decoded). */
	path: string;
	/** Query parameters; a repeated key keeps its last value. */
	query: Record<string, string>;
	/** Raw search string including the leading '?', or '' when there is none. */
	search: string;
	/** Request headers, names lowercased; repeated headers joined with ', '. */
	headers: Record<string, string>;
	rawBody: string;
	/** Parsed JSON, parsed x-www-form-urlencoded (object of strings), else the raw string; undefined when empty. */
	body: unknown;
	/** Date.now() when the request arrived. */
	receivedAt: number;
	/** Requests being handled when this one arrived, itself included (set when handling starts). */
	inFlightOnArrival?: number;
}

export interface FakeResponse {
	status: number;
	/** Serialised with JSON.stringify once. Leave undefined for an empty body. */
	body?: unknown;
	/** Sent as it is instead of `body` (a broken answer: truncated JSON, an HTML page, …). */
	raw?: string;
	headers?: Record<string, string>;
}

export interface FaultSpec {
	/** HTTP status of the injected answer, e.g. 429, 500, 503. */
	status: number;
	/** Answer body (JSON). Defaults to `{ "error": "injected fault" }`. */
	body?: unknown;
	/** A body sent as it is, instead of JSON (with `headers` for its content type). */
	raw?: string;
	/** Adds a `Retry-After: <seconds>` header. */
	retryAfterSeconds?: number;
	/** Extra answer headers. */
	headers?: Record<string, string>;
	/**
	 * When true the server performs the request normally (side effects happen, e.g. a record is
	 * created) and THEN answers with the fault: simulates a lost/failed answer after the work was done.
	 */
	afterHandling?: boolean;
}

export interface FaultOptions {
	/** Also let token-endpoint requests consume this fault (default false: token calls pass it by). */
	includeTokenRequests?: boolean;
}

type Fault =
	| { kind: 'respond'; response: FakeResponse; afterHandling: boolean; includeToken: boolean }
	| { kind: 'delay'; ms: number; includeToken: boolean };

export interface RouteContext {
	req: RecordedRequest;
	/** Percent-decoded capture groups of the route pattern. */
	params: string[];
}

export interface Route {
	method: string;
	pattern: RegExp;
	handler: (ctx: RouteContext) => FakeResponse;
}

const EMPTY_OBJECT: Record<string, string> = Object.freeze({}) as Record<string, string>;

function parseQuery(search: string): Record<string, string> {
	if (search.length <= 1) return {};
	const out: Record<string, string> = {};
	for (const [k, v] of new URLSearchParams(search)) out[k] = v;
	return out;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const ct = contentType ? contentType.toLowerCase() : '';
	if (ct.includes('application/x-www-form-urlencoded')) {
		const out: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
		return out;
	}
	const first = raw.charCodeAt(0);
	// JSON content type, or no/other content type with a body that looks like JSON.
	if (ct.includes('json') || first === 123 /* { */ || first === 91 /* [ */) {
		try {
			return JSON.parse(raw) as unknown;
		} catch {
			return raw;
		}
	}
	return raw;
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key in h) {
		const v = h[key];
		if (v === undefined) continue;
		out[key] = Array.isArray(v) ? v.join(', ') : v;
	}
	return out;
}

/** Milliseconds → 'YYYY-MM-DD HH:mm:ss' in China Standard Time (UTC+8, no DST), as both vendors answer. */
export function formatCst(ms: number): string {
	const iso = new Date(ms + 8 * 3600_000).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** 'YYYY-MM-DD HH:mm:ss' or 'YYYY-MM-DD' read as UTC+8 → milliseconds; NaN when unparseable. */
export function parseCst(s: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
	if (!m) return NaN;
	return (
		Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0) - 8 * 3600_000
	);
}

export function sleep(ms: number): Promise<void> {
	// Unref'd: a server answering late (a hung-server test) must not keep the test process alive.
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** JSON answer helper. */
export function json(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
	return headers ? { status, body, headers } : { status, body };
}

/** Plain object check for parsed bodies. */
export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Value → string the way the vendors echo scalar fields ('' for null/undefined). */
export function str(v: unknown): string {
	if (v === undefined || v === null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v);
}

export abstract class FakeServer {
	/** Every request received (in arrival order), unless `recording` is false. */
	requests: RecordedRequest[] = [];
	/** Switch off to save memory in very large benchmarks. */
	recording = true;

	/** Every request is answered this many ms after it arrives (the network to a far vendor). */
	latencyMs = 0;

	/** Requests being handled right now, and the most there were at once since the last reset. */
	inFlight = 0;

	maxInFlight = 0;

	private server: http.Server | undefined;
	private _origin = '';
	private faults: Fault[] = [];
	private faultHead = 0;

	/** Route table, tried in order; set by the subclass. */
	protected abstract readonly routes: readonly Route[];

	/** True for token-issuing endpoints (they do not consume faults unless asked). */
	protected abstract isTokenRequest(req: RecordedRequest): boolean;

	/** Called when no route matches the path (any method). */
	protected abstract notFound(req: RecordedRequest): FakeResponse;

	/** Runs before routing for every request that is not a token request; return an answer to short-circuit (auth). */
	protected abstract authenticate(req: RecordedRequest): FakeResponse | undefined;

	/** Token requests are routed by this hook instead of the route table. */
	protected abstract handleToken(req: RecordedRequest): FakeResponse;

	/** `http://127.0.0.1:PORT`; throws before start(). */
	get origin(): string {
		if (!this._origin) throw new Error(`${this.constructor.name} not started`);
		return this._origin;
	}

	get started(): boolean {
		return this._origin !== '';
	}

	async start(): Promise<string> {
		if (this.server) return this._origin;
		const server = http.createServer((req, res) => {
			this.onRequest(req, res);
		});
		server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		const addr = server.address();
		if (addr === null || typeof addr === 'string') throw new Error('unexpected server address');
		this.server = server;
		this._origin = `http://127.0.0.1:${addr.port}`;
		return this._origin;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this._origin = '';
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	// ---------------------------------------------------------------- recording

	/** Requests with this method ('*' = any) whose path equals the string or matches the regex. */
	requestsTo(method: string, pathOrRegex: string | RegExp): RecordedRequest[] {
		const m = method.toUpperCase();
		return this.requests.filter(
			(r) =>
				(m === '*' || r.method === m) &&
				(typeof pathOrRegex === 'string' ? r.path === pathOrRegex : pathOrRegex.test(r.path)),
		);
	}

	clearRequests(): void {
		this.requests = [];
		this.maxInFlight = this.inFlight;
	}

	// ---------------------------------------------------------------- faults

	/** The next `n` business requests answer with this fault (after any faults already queued). */
	failNext(n: number, spec: FaultSpec, opts: FaultOptions = {}): void {
		const headers: Record<string, string> = { ...(spec.headers ?? {}) };
		if (spec.retryAfterSeconds !== undefined) headers['Retry-After'] = String(spec.retryAfterSeconds);
		const response: FakeResponse = {
			status: spec.status,
			body: spec.body === undefined && spec.raw === undefined ? { error: 'injected fault', status: spec.status } : spec.body,
			raw: spec.raw,
			headers,
		};
		this.queueResponses(n, response, spec.afterHandling ?? false, opts.includeTokenRequests ?? false);
	}

	/** The next `n` business requests are answered normally, but only after `ms` milliseconds. */
	delayNext(n: number, ms: number, opts: FaultOptions = {}): void {
		for (let i = 0; i < n; i++) {
			this.faults.push({ kind: 'delay', ms, includeToken: opts.includeTokenRequests ?? false });
		}
	}

	/** Drops every queued fault. */
	clearFaults(): void {
		this.faults = [];
		this.faultHead = 0;
	}

	/** Faults still queued. */
	get pendingFaults(): number {
		return this.faults.length - this.faultHead;
	}

	/** For subclasses: queue `n` ready-made answers as faults. */
	protected queueResponses(n: number, response: FakeResponse, afterHandling: boolean, includeToken: boolean): void {
		for (let i = 0; i < n; i++) this.faults.push({ kind: 'respond', response, afterHandling, includeToken });
	}

	private takeFault(isToken: boolean): Fault | undefined {
		if (this.faultHead >= this.faults.length) return undefined;
		const f = this.faults[this.faultHead];
		if (isToken && !f.includeToken) return undefined;
		this.faultHead++;
		if (this.faultHead >= this.faults.length) {
			this.faults = [];
			this.faultHead = 0;
		}
		return f;
	}

	// ---------------------------------------------------------------- dispatch

	private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = req.url ?? '/';
			const q = url.indexOf('?');
			const path = q === -1 ? url : url.slice(0, q);
			const search = q === -1 ? '' : url.slice(q);
			const headers = flattenHeaders(req.headers);
			const rawBody = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
			const recorded: RecordedRequest = {
				method: (req.method ?? 'GET').toUpperCase(),
				path,
				query: search ? parseQuery(search) : EMPTY_OBJECT,
				search,
				headers,
				rawBody,
				body: parseBody(rawBody, headers['content-type']),
				receivedAt: Date.now(),
			};
			if (this.recording) this.requests.push(recorded);
			this.observe(recorded);
			this.process(recorded).then(
				(answer) => this.send(res, answer),
				(err: unknown) =>
					this.send(res, json(500, { error: 'fake server exception', message: err instanceof Error ? err.message : String(err) })),
			);
		});
		req.on('error', () => {
			res.destroy();
		});
	}

	private async process(req: RecordedRequest): Promise<FakeResponse> {
		const isToken = this.isTokenRequest(req);
		this.inFlight++;
		req.inFlightOnArrival = this.inFlight;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			const latency = this.latencyFor(req);
			if (latency > 0) await sleep(latency);
			return await this.answer(req, isToken);
		} finally {
			this.inFlight--;
		}
	}

	private async answer(req: RecordedRequest, isToken: boolean): Promise<FakeResponse> {
		const fault = this.takeFault(isToken);
		if (fault) {
			if (fault.kind === 'delay') {
				await sleep(fault.ms);
			} else if (!fault.afterHandling) {
				return fault.response;
			} else {
				this.dispatch(req, isToken);
				return fault.response;
			}
		}
		return this.dispatch(req, isToken);
	}

	/** Runs the normal behaviour for a request (auth + routing). */
	protected dispatch(req: RecordedRequest, isToken: boolean): FakeResponse {
		if (isToken) return this.handleToken(req);
		const denied = this.authenticate(req);
		if (denied) return denied;
		const routes = this.routes;
		let pathMatched = false;
		for (let i = 0; i < routes.length; i++) {
			const r = routes[i];
			const m = r.pattern.exec(req.path);
			if (!m) continue;
			pathMatched = true;
			if (r.method !== req.method) continue;
			const params: string[] = [];
			for (let j = 1; j < m.length; j++) params.push(m[j] === undefined ? '' : decodeURIComponent(m[j]));
			return r.handler({ req, params });
		}
		return pathMatched ? this.methodNotAllowed(req) : this.notFound(req);
	}

	/** Milliseconds every request like this one waits before it is handled (a slow vendor); 0 = none. */
	protected latencyFor(_req: RecordedRequest): number {
		return this.latencyMs;
	}

	/** Called for every request on arrival, before faults and routing (counters, header bookkeeping). */
	protected observe(_req: RecordedRequest): void {
		// default: nothing
	}

	/** Path known but not for this method; defaults to notFound(). */
	protected methodNotAllowed(req: RecordedRequest): FakeResponse {
		return this.notFound(req);
	}

	private send(res: http.ServerResponse, answer: FakeResponse): void {
		if (res.destroyed || res.writableEnded) return; // client went away (e.g. aborted during a delay)
		const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
		const headers: Record<string, string | number> = {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(payload),
		};
		if (answer.headers) for (const k in answer.headers) headers[k] = answer.headers[k];
		res.writeHead(answer.status, headers);
		res.end(payload);
	}
}
