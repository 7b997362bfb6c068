import { randomUUID } from 'node:crypto';
import { NodeApiError, type IDataObject, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { SOBOT_SUCCESS_CODE, SOBOT_TOKEN_EXPIRED_CODES, sobotErrorMessage } from './codes';
import { SOBOT_ENDPOINTS, type SobotEndpoint, type SobotEndpointName } from './endpoints';
import { SobotTokenRenewal, type RenewalAttempt } from './renewal';
import { sobotBaseUrl, usableSobotToken, type SobotCredentials } from './token';
import {
	failureDescription,
	isTimeout,
	isWireFailure,
	preview,
	redact,
	requestTimeoutMs,
	summarizeFailure,
	withRetries,
	type HttpFailure,
	type RequestContext,
	type RetryPolicy,
} from '../../shared/http';
import { collectPages, type ListOptions } from '../../shared/pagination';
import { fillPath } from '../../shared/paths';

export { SOBOT_ENDPOINTS } from './endpoints';

export type SobotContext = RequestContext;

const CREDENTIAL_TYPE = 'sobotApi';

/** The largest page Sobot lists accept. */
export const SOBOT_MAX_PAGE_SIZE = 100;

export interface SobotRequestOptions {
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Sent as multipart/form-data instead of `body` (file uploads). */
	multipart?: SobotMultipart;
	/** Item the request is made for, so errors point at it. */
	itemIndex?: number;
	/** Told when the server pushes back (429, 5xx) and the request is retried: paging slows down. */
	onThrottle?: () => void;
}

/** A multipart/form-data body: text fields and files. */
export interface SobotMultipart {
	fields?: Record<string, string>;
	files: Array<{ field: string; fileName: string; mimeType: string; data: Buffer }>;
}

/**
 * Encodes a multipart body as one Buffer with its Content-Type (n8n's request helper sends a
 * Buffer as it is; the package has no form-data dependency). A Buffer can be sent again when a
 * token renewal repeats the request, which a stream could not.
 */
function encodeMultipart({ fields = {}, files }: SobotMultipart): { body: Buffer; contentType: string } {
	const boundary = `----n8nSobot${randomUUID().replace(/-/g, '')}`;
	const quote = (text: string) => text.replace(/[\r\n"]/g, (char) => encodeURIComponent(char));
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	for (const file of files) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.fileName)}"\r\n` +
					`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sobot's envelope: `ret_code`, `ret_msg` and the payload (`item`, `items`, paging fields, …). */
export type SobotResponse = IDataObject & { ret_code: string; ret_msg?: string };

/**
 * The one place that speaks Sobot's wire format. Sends the stored token in the `token` header,
 * checks `ret_code`, and when Sobot refuses the token (900001/900002) — or there is none yet —
 * gets a working one through `SobotTokenRenewal` (renewal.ts): a token another execution stored
 * meanwhile, or a new one that exactly one execution fetches for all of them.
 */
export async function sobotApiRequest(
	this: SobotContext,
	endpointName: SobotEndpointName,
	options: SobotRequestOptions = {},
): Promise<SobotResponse> {
	return await send(this, await openSession(this, options.itemIndex), endpointName, options);
}

/**
 * The credentials one operation call works with, read once and shared by all its requests (the
 * pages of a list). After a renewal it holds the new token, so later pages use it.
 */
interface SobotSession {
	credentials: SobotCredentials;
	readStored: () => Promise<SobotCredentials>;
	/** Every token and key seen, so none can appear in an error. */
	secrets: Set<string>;
}

async function openSession(context: SobotContext, itemIndex?: number): Promise<SobotSession> {
	const readStored = async () => (await context.getCredentials(CREDENTIAL_TYPE, itemIndex)) as SobotCredentials;
	const credentials = await readStored();
	return { credentials, readStored, secrets: new Set([credentials.appSecretKey, credentials.token]) };
}

async function send(
	context: SobotContext,
	session: SobotSession,
	endpointName: SobotEndpointName,
	{ pathParams, qs, body, multipart, itemIndex, onThrottle }: SobotRequestOptions,
): Promise<SobotResponse> {
	const endpoint = SOBOT_ENDPOINTS[endpointName];
	const request: IHttpRequestOptions = {
		method: endpoint.method,
		url: fillPath(endpoint.path, pathParams),
		qs,
		body,
		json: true,
	};
	if (multipart !== undefined) {
		const encoded = encodeMultipart(multipart);
		request.body = encoded.body;
		request.headers = { 'Content-Type': encoded.contentType };
	}
	// Most requests (every page of a list) use the session's token as it is: the renewal's
	// bookkeeping is only set up once a token has to be found.
	let renewal: SobotTokenRenewal | undefined;
	const renewing = () => (renewal ??= new SobotTokenRenewal(session.readStored));
	let attempt: RenewalAttempt = usableSobotToken(session.credentials)
		? { step: 'use', credentials: { ...session.credentials } }
		: await guard(context, itemIndex, async () => await renewing().next());
	for (;;) {
		if (attempt.step === 'claim') {
			await sendClaim(context, attempt.credentials);
			const claimed = attempt;
			attempt = await guard(context, itemIndex, async () => await renewing().afterRefusal(claimed));
			continue;
		}
		const fetching = attempt;
		// When this call's own token fetch failed, that is the error to report, whatever the
		// request sent after it (with no token) met.
		const ownFetchFailure = () => renewal?.fetchFailure(fetching);
		const response = await sendOnce(context, request, attempt.credentials, endpoint.retry, session, itemIndex, onThrottle).catch(
			(error: unknown) => {
				const failure = ownFetchFailure();
				throw failure === undefined ? error : apiError(context, failure, itemIndex);
			},
		);
		session.secrets.add(String(attempt.credentials.token ?? ''));

		const fetchFailure = ownFetchFailure();
		if (fetchFailure !== undefined) throw apiError(context, fetchFailure, itemIndex);

		if (response === null || typeof response !== 'object' || Array.isArray(response)) {
			const got = redact(preview(response), [...session.secrets]);
			throw apiError(context, `Sobot: the answer of ${endpoint.method} ${request.url} is not Sobot's JSON (got: ${got})`, itemIndex);
		}
		const code = String(response.ret_code ?? '');
		if (code === '') {
			const got = redact(preview(response), [...session.secrets]);
			throw apiError(context, `Sobot: the answer of ${endpoint.method} ${request.url} holds no ret_code (got: ${got})`, itemIndex);
		}
		if (code === SOBOT_SUCCESS_CODE) {
			// Later requests of this call (the next pages) use the token that worked.
			session.credentials = attempt.credentials;
			return response;
		}
		if (SOBOT_TOKEN_EXPIRED_CODES.has(code)) {
			const refused = attempt;
			attempt = await guard(context, itemIndex, async () => await renewing().afterRefusal(refused));
			continue;
		}
		throw new NodeApiError(
			context.getNode(),
			{ ret_code: code, ret_msg: String(response.ret_msg ?? '') } as JsonObject,
			{
				message: sobotErrorMessage(code, response.ret_msg),
				description: response.ret_msg ? `Sobot said: ${String(response.ret_msg)}` : undefined,
				itemIndex,
			},
		);
	}
}

/**
 * Writes a renewal claim: n8n runs the credential's preAuthentication (which stores the claim)
 * before it sends the request, a harmless read with an empty token that Sobot refuses. The
 * claim is written whatever the answer, so the request is sent once and its outcome does not
 * matter: a retry would only repeat the write, and whether the claim landed is read back from
 * the credential (renewal.ts).
 */
async function sendClaim(context: SobotContext, credentials: SobotCredentials): Promise<void> {
	const claimCarrier: IHttpRequestOptions = { method: 'GET', url: SOBOT_ENDPOINTS.stageList.path, json: true };
	await authenticatedRequest(context, claimCarrier, credentials).then(
		() => undefined,
		() => undefined, // refused (900001), a 5xx or a dropped connection: the claim is written either way
	);
}

/** One request through n8n's helper with these credentials (n8n runs preAuthentication when the token is empty). */
async function authenticatedRequest(
	context: SobotContext,
	request: IHttpRequestOptions,
	credentials: SobotCredentials,
): Promise<unknown> {
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		{ ...request, baseURL: sobotBaseUrl(credentials), timeout: requestTimeoutMs(context) },
		{
			credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: credentials },
			// Sobot signals a dead token with ret_code, never HTTP 401: keep n8n from running
			// preAuthentication on its own.
			preAuthenticationRetryStatusCode: [],
		},
	);
}

/** One request with the given credentials, retried as the endpoint's policy allows. */
async function sendOnce(
	context: SobotContext,
	request: IHttpRequestOptions,
	credentials: SobotCredentials,
	policy: RetryPolicy,
	session: SobotSession,
	itemIndex?: number,
	onThrottle?: () => void,
): Promise<SobotResponse> {
	return (await withRetries(async () => await authenticatedRequest(context, request, credentials), {
		policy,
		toError: (failure) =>
			httpError(context, failure, policy, [...session.secrets, String(credentials.token ?? '')], itemIndex),
		onRetry: onThrottle,
	})) as SobotResponse;
}

/** Runs a renewal step, turning its give-up into the node's API error. */
async function guard<T>(context: SobotContext, itemIndex: number | undefined, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw apiError(context, error instanceof Error ? error.message : String(error), itemIndex);
	}
}

function apiError(context: SobotContext, message: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(context.getNode(), { message } as JsonObject, { message, itemIndex });
}

/** Turns a transport failure into an error that names what happened and leaks no secret. */
function httpError(
	context: SobotContext,
	failure: HttpFailure,
	policy: RetryPolicy,
	secrets: string[],
	itemIndex?: number,
) {
	const message = redact(
		isWireFailure(failure) || isTimeout(failure)
			? `Sobot request failed (${summarizeFailure(failure)})`
			: summarizeFailure(failure),
		secrets,
	);
	return new NodeApiError(
		context.getNode(),
		{ httpCode: failure.status ?? null, message } as JsonObject,
		{
			message,
			description: failureDescription(failure, policy, 'Sobot', requestTimeoutMs(context) / 1000) ?? redact(failure.message, secrets),
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex,
		},
	);
}

/** Records of a Sobot answer: `items` for lists, `item` when it is an array or an object. */
export function sobotRecords(response: SobotResponse): IDataObject[] {
	const payload = response.items ?? response.item;
	if (Array.isArray(payload)) return payload as IDataObject[];
	if (payload && typeof payload === 'object') return [payload as IDataObject];
	return [];
}

/**
 * A paged Sobot list (`page_no`/`page_size`, answered with `page_count`/`total_count`): every
 * page once, the pages after the first requested together (see `collectPages`), stopping as
 * soon as the limit is reached. An answer that holds no list fails the call: a Return All never
 * ends early on a broken page.
 */
export async function sobotApiRequestAllItems(
	this: SobotContext,
	endpointName: SobotEndpointName,
	listOptions: ListOptions,
	{ pathParams, qs, itemIndex }: Omit<SobotRequestOptions, 'body' | 'multipart' | 'onThrottle'> = {},
): Promise<IDataObject[]> {
	const session = await openSession(this, itemIndex);
	const endpoint = SOBOT_ENDPOINTS[endpointName].path;
	const maxPageSize = (SOBOT_ENDPOINTS[endpointName] as SobotEndpoint).maxPageSize ?? SOBOT_MAX_PAGE_SIZE;
	return await collectPages(
		async ({ pageNumber, pageSize, onThrottle }) => {
			const response = await send(this, session, endpointName, {
				pathParams,
				qs: { ...qs, page_no: pageNumber, page_size: pageSize },
				itemIndex,
				onThrottle,
			});
			const pageCount = Number(response.page_count);
			const totalCount = Number(response.total_count);
			const knownPages = Number.isFinite(pageCount)
				? pageCount
				: Number.isFinite(totalCount)
					? Math.ceil(totalCount / pageSize)
					: undefined;
			const payload = response.items ?? response.item;
			if (!Array.isArray(payload) && !(payload == null && knownPages === 0)) {
				const got = redact(preview(response), [...session.secrets]);
				throw apiError(this, `Sobot: the ${endpoint} answer for page ${pageNumber} is not a list of records (got: ${got})`, itemIndex);
			}
			const items = Array.isArray(payload) ? (payload as IDataObject[]) : [];
			const hasMore = knownPages !== undefined ? pageNumber < knownPages : items.length >= pageSize;
			return { items, hasMore, pageCount: knownPages };
		},
		listOptions,
		{ maxPageSize, endpoint: `Sobot ${endpoint}`, idField: (SOBOT_ENDPOINTS[endpointName] as SobotEndpoint).idField },
	);
}
