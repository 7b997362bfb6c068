import {
	sleep,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

/** Where the transports are called from: operations, dropdowns, polling triggers and webhook hooks. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

/** What a failed HTTP call looked like, whatever wrapped it (axios error, NodeApiError, …). */
export interface HttpFailure {
	status?: number;
	headers: Record<string, unknown>;
	body: unknown;
	message: string;
	/** Network error code such as ECONNRESET, when there was no HTTP answer at all. */
	code?: string;
	/** The request's time-out ran out (anywhere in the error's chain of causes). */
	timedOut?: boolean;
}

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	httpCode?: unknown;
	cause?: unknown;
	response?: { status?: unknown; statusCode?: unknown; headers?: unknown; data?: unknown; body?: unknown };
}

/** Digs the HTTP status, headers and body out of an error thrown by n8n's request helpers. */
export function describeHttpFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	let status: number | undefined;
	let headers: Record<string, unknown> = {};
	let body: unknown;
	let code: string | undefined;
	let timedOut = false;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as ErrorLike;
		const response = candidate.response;
		if (response && typeof response === 'object') {
			const responseStatus = Number(response.status ?? response.statusCode);
			if (status === undefined && Number.isInteger(responseStatus) && responseStatus > 0) {
				status = responseStatus;
			}
			if (response.headers && typeof response.headers === 'object' && Object.keys(headers).length === 0) {
				headers = response.headers as Record<string, unknown>;
			}
			if (body === undefined) body = response.data ?? response.body;
		}
		if (status === undefined && candidate.httpCode !== undefined && candidate.httpCode !== null) {
			const httpCode = Number(candidate.httpCode);
			if (Number.isInteger(httpCode) && httpCode > 0) status = httpCode;
		}
		if (code === undefined && typeof candidate.code === 'string' && /^E[A-Z]+/.test(candidate.code)) {
			code = candidate.code;
		}
		if (typeof candidate.message === 'string' && /\btimeout\b.*\bexceeded\b|\btimed out\b/i.test(candidate.message)) {
			timedOut = true;
		}
		current = candidate.cause;
	}
	const message =
		error && typeof error === 'object' && typeof (error as ErrorLike).message === 'string'
			? ((error as ErrorLike).message as string)
			: String(error);
	return { status, headers, body, message, code, timedOut };
}

/**
 * What may be done again after a failure, declared by each endpoint:
 *  - `safe`:   reads; re-sent after 429, 5xx, network errors and time-outs;
 *  - `dedupe`: writes the vendor de-duplicates (Bangwo8's `Requestid`): re-sent like reads;
 *  - `never`:  other writes; re-sent only after 429 (the server refused them untouched). After a
 *              5xx, a time-out or a dropped connection the write may have happened, and the
 *              error says so instead of retrying blindly.
 */
export type RetryPolicy = 'safe' | 'dedupe' | 'never';

/** Seconds a request may wait for its answer, unless the node's Request Timeout says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/**
 * The node's `requestTimeout` in milliseconds. Read from the node's parameters (filled with
 * defaults by n8n) because action, trigger and dropdown contexts read parameters differently.
 */
export function requestTimeoutMs(context: RequestContext): number {
	const seconds = Number(context.getNode().parameters.requestTimeout);
	return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000;
}

/** Whether the failure is the request timing out (no answer in time). */
export function isTimeout(failure: HttpFailure): boolean {
	return (
		failure.status === undefined &&
		(failure.timedOut === true || failure.code === 'ETIMEDOUT' || failure.code === 'ESOCKETTIMEDOUT')
	);
}

/**
 * For a write sent once (`never`): whether the server may have carried it out although the call
 * failed — it answered 5xx, or never answered, or the connection dropped after sending.
 */
export function writeMayHaveHappened(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return failure.status >= 500;
	return isTimeout(failure) || ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ESOCKETTIMEDOUT'].includes(failure.code ?? '');
}

/**
 * What the user should know about a failure after the retries the policy allowed: whether it was
 * retried, and — for a write sent once — that it may have happened anyway.
 */
export function failureDescription(
	failure: HttpFailure,
	policy: RetryPolicy,
	vendor: string,
	timeoutSeconds: number,
): string | undefined {
	const what = isTimeout(failure) ? `${vendor} did not answer within ${timeoutSeconds} s` : undefined;
	if (failure.status === 429) return `${vendor} is rate limiting requests; retried with backoff and gave up.`;
	if (policy === 'never' && writeMayHaveHappened(failure)) {
		return (
			`${what ?? `${vendor} answered with an error or the connection dropped`}. This write was sent once and not ` +
			`retried: it may have been carried out anyway. Check in ${vendor} before running it again.`
		);
	}
	const retried = policy === 'dedupe' ? 'retried with backoff (duplicates are dropped by the vendor)' : 'retried with backoff';
	if (what) return `${what}; ${retried}. Raise the node's Request Timeout if ${vendor} is slow.`;
	if (failure.status !== undefined && failure.status >= 500) return `${vendor} had a server error; ${retried}.`;
	return undefined;
}

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNABORTED',
]);

/** Plain words for network error codes (n8n replaces messages that contain the codes themselves). */
const NETWORK_CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'timed out',
	ESOCKETTIMEDOUT: 'timed out',
	ECONNABORTED: 'connection aborted',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EPIPE: 'connection closed',
};

/** Whether no connection could be made at all (refused, unknown host): the address is wrong or down. */
export function isUnreachable(failure: HttpFailure): boolean {
	return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(failure.code ?? '');
}

/** Whether the failure happened on the wire (an HTTP answer or a network error). */
export function isWireFailure(failure: HttpFailure): boolean {
	return failure.status !== undefined || (failure.code !== undefined && failure.code in NETWORK_CODE_WORDS);
}

/**
 * "HTTP 503", "connection refused", … — or, for a failure that never reached the wire (such as
 * a token request the vendor refused), the error's own message, which already says what happened.
 */
export function summarizeFailure(failure: HttpFailure): string {
	if (failure.status !== undefined) return `HTTP ${failure.status}`;
	if (isTimeout(failure)) return 'no answer in time';
	if (failure.code !== undefined && failure.code in NETWORK_CODE_WORDS) return NETWORK_CODE_WORDS[failure.code];
	return failure.message;
}

export const RETRY_POLICY = {
	/** Retries after the first attempt. */
	maxRetries: 3,
	baseDelayMs: 300,
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	maxDelayMs: 60_000,
};

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `send`, retrying with exponential backoff (honouring `Retry-After`) when the server says
 * it is overloaded (429) — always safe, the request was refused — or, unless the endpoint's
 * policy is `never`, on 5xx, network errors and time-outs. Writes sent once are never blindly
 * re-sent. When it gives up, the last failure goes through `toError`, which turns it into the
 * error the user sees.
 */
export async function withRetries<T>(
	send: () => Promise<T>,
	{
		policy,
		toError,
		onRetry,
	}: {
		policy: RetryPolicy;
		toError: (failure: HttpFailure) => Error;
		/** Told before each retry (the server pushed back): paging uses it to slow down. */
		onRetry?: (failure: HttpFailure) => void;
	},
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			const failure = describeHttpFailure(error);
			const transient =
				failure.status === 429 ||
				(policy !== 'never' &&
					((failure.status !== undefined && failure.status >= 500) ||
						(failure.status === undefined && failure.code !== undefined && TRANSIENT_NETWORK_CODES.has(failure.code))));
			const delay = retryAfterMs(failure.headers) ?? RETRY_POLICY.baseDelayMs * 2 ** attempt;
			if (!transient || attempt >= RETRY_POLICY.maxRetries || delay > RETRY_POLICY.maxDelayMs) {
				throw toError(failure);
			}
			onRetry?.(failure);
			await sleep(delay);
		}
	}
}

/** The start of an unexpected answer, for an error that says what came back. */
export function preview(body: unknown, length = 200): string {
	const text = typeof body === 'string' ? body : body === undefined ? 'nothing' : JSON.stringify(body);
	const shown = text === '' ? 'an empty body' : text;
	return shown.length > length ? `${shown.slice(0, length)}…` : shown;
}

/** Replaces every occurrence of the given secrets in a text with `***`. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
}
