import { createHash, randomUUID } from 'node:crypto';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { BANGWO8_MAX_PAGE_SIZE } from './constants';
import { BANGWO8_ENDPOINTS, type Bangwo8Endpoint, type Bangwo8EndpointName } from './endpoints';
import {
	failureDescription,
	isUnreachable,
	preview,
	redact,
	requestTimeoutMs,
	summarizeFailure,
	withRetries,
	type RequestContext,
} from '../../shared/http';
import { collectPages, type ListOptions } from '../../shared/pagination';
import { fillPath } from '../../shared/paths';

export { BANGWO8_ENDPOINTS } from './endpoints';

export type Bangwo8Context = RequestContext;

export type Bangwo8Authentication = 'oAuth2' | 'basicAuth';

/** Meanings of the HTTP statuses Bangwo8 documents, for errors whose body says little. */
const STATUS_MEANINGS: Record<number, string> = {
	400: 'the request was not accepted',
	401: 'authentication failed: check the credential',
	403: 'permission denied for this account',
	404: 'the resource does not exist',
	429: 'too many requests',
	500: 'server error on the Bangwo8 side',
	503: 'Bangwo8 is under maintenance',
};

export interface Bangwo8RequestOptions {
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Answers `{ body, headers }` instead of the body; use {@link bangwo8ApiRequestWithHeaders}. */
	returnFullResponse?: boolean;
	/** Told when the server pushes back (429, 5xx) and the request is retried: paging slows down. */
	onThrottle?: () => void;
}

/** The answer of a write whose headers matter (a create's `Location` header names the new record). */
export interface Bangwo8FullResponse {
	body: IDataObject;
	headers: IDataObject;
}

/** What every request of one operation call shares: resolved once, not once per page. */
interface Bangwo8Connection {
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	secrets: Array<string | undefined>;
}

/**
 * The node's `authentication` choice. Read from the node's parameters (which n8n fills with
 * defaults) because action, trigger and load-options contexts take different arguments in
 * `getNodeParameter`.
 */
function credentialType(context: Bangwo8Context): string {
	const authentication = context.getNode().parameters.authentication as Bangwo8Authentication | undefined;
	return authentication === 'basicAuth' ? 'bangwo8BasicAuthApi' : 'bangwo8OAuth2Api';
}

async function connect(context: Bangwo8Context, itemIndex?: number): Promise<Bangwo8Connection> {
	const type = credentialType(context);
	const credentials = await context.getCredentials(type, itemIndex);
	return {
		credentialType: type,
		credentials,
		baseUrl: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		secrets: [credentials.password, credentials.clientSecret].map((value) =>
			typeof value === 'string' ? value : undefined,
		),
	};
}

/**
 * The one place that speaks Bangwo8's wire format: picks the credential from the node's
 * `authentication` parameter, builds the URL from the credential's base URL and the endpoint
 * table, sends JSON, retries what is safe to retry, and turns `errcode`/`errmsg` answers and
 * HTTP statuses into errors that say what happened.
 */
export async function bangwo8ApiRequest(
	this: Bangwo8Context,
	endpointName: Bangwo8EndpointName,
	options: Bangwo8RequestOptions = {},
): Promise<IDataObject> {
	return await send(this, await connect(this, options.itemIndex), endpointName, options);
}

async function send(
	context: Bangwo8Context,
	connection: Bangwo8Connection,
	endpointName: Bangwo8EndpointName,
	{ pathParams, qs, body, itemIndex, returnFullResponse, onThrottle }: Bangwo8RequestOptions,
): Promise<IDataObject> {
	const endpoint = BANGWO8_ENDPOINTS[endpointName];
	const { credentialType: type, credentials, secrets } = connection;
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: `${connection.baseUrl}${fillPath(endpoint.path, pathParams)}`,
		qs,
		body,
		json: true,
		// A `dedupe` endpoint carries a Requestid, the same on every retry: Bangwo8 drops a repeat,
		// so a create can be retried after a 5xx or a time-out without making a duplicate.
		headers: endpoint.retry === 'dedupe' ? { Requestid: requestId(context, endpointName, body, itemIndex) } : undefined,
		timeout: requestTimeoutMs(context),
		returnFullResponse: returnFullResponse === true ? true : undefined,
	};
	// For Basic auth, hand n8n the credentials already read so it does not read them again;
	// n8n's OAuth2 flow reads (and stores) its token data itself.
	const reference = context.getNode().credentials?.[type];
	const credentialOptions =
		type === 'bangwo8BasicAuthApi'
			? { credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type, data: credentials } }
			: undefined;

	const response = (await withRetries(
		async () => await context.helpers.httpRequestWithAuthentication.call(context, type, { ...options }, credentialOptions),
		{
			policy: endpoint.retry,
			toError: (failure) => {
				// No connection at all (refused, unknown host): say where, as the fix is in the credential.
				const reason = isUnreachable(failure)
					? `could not reach ${connection.baseUrl} (${summarizeFailure(failure)}). Check the Base URL of the credential.`
					: summarizeFailure(failure);
				const error = bangwo8Error(context, failure.status, failure.body, reason, secrets, itemIndex);
				const outcome = failureDescription(failure, endpoint.retry, 'Bangwo8', requestTimeoutMs(context) / 1000);
				if (outcome) error.description = [error.description, outcome].filter(Boolean).join('. ');
				return error;
			},
			onRetry: onThrottle,
		},
	)) as IDataObject;
	const answer = (returnFullResponse === true ? response?.body : response) as IDataObject | undefined;
	if (answer && typeof answer === 'object' && answer.errcode !== undefined && String(answer.errcode) !== '0') {
		throw bangwo8Error(context, 200, answer, 'error in answer', secrets, itemIndex);
	}
	if (returnFullResponse === true) {
		return { body: answer && typeof answer === 'object' ? answer : {}, headers: (response?.headers ?? {}) as IDataObject };
	}
	return answer ?? {};
}

/**
 * The `Requestid` of a write Bangwo8 de-duplicates. Derived from the execution, the node, its run
 * (a loop runs a node again with a new run index), the item, the endpoint and the body: the
 * same request gets the same id also when n8n's own *Retry On Fail* runs the node again, so
 * neither the transport's retries nor n8n's can make a duplicate, while two different creates
 * never share one. Outside an execution (e.g. a dropdown) a random id.
 */
function requestId(context: Bangwo8Context, endpointName: string, body: unknown, itemIndex?: number): string {
	const execution = 'getExecutionId' in context ? context.getExecutionId() : undefined;
	if (!execution || itemIndex === undefined) return randomUUID();
	let runIndex = 0;
	if ('getWorkflowDataProxy' in context) {
		try {
			runIndex = Number(context.getWorkflowDataProxy(itemIndex).$runIndex) || 0;
		} catch {
			// A context without run data: the run index stays 0.
		}
	}
	const hex = createHash('sha256')
		.update(JSON.stringify([execution, context.getNode().id, runIndex, itemIndex, endpointName, body ?? null]))
		.digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** {@link bangwo8ApiRequest} that also gives the answer's headers (a create's `Location`). */
export async function bangwo8ApiRequestWithHeaders(
	this: Bangwo8Context,
	endpointName: Bangwo8EndpointName,
	options: Omit<Bangwo8RequestOptions, 'returnFullResponse'> = {},
): Promise<Bangwo8FullResponse> {
	const full = await bangwo8ApiRequest.call(this, endpointName, { ...options, returnFullResponse: true });
	return full as unknown as Bangwo8FullResponse;
}

function bangwo8Error(
	context: Bangwo8Context,
	status: number | undefined,
	body: unknown,
	fallback: string,
	secrets: Array<string | undefined>,
	itemIndex?: number,
): NodeApiError {
	const payload = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const errcode = payload.errcode ?? payload.error;
	const errmsg = payload.errmsg ?? payload.error_description ?? payload.message;
	const meaning = errmsg ? String(errmsg) : status ? STATUS_MEANINGS[status] : undefined;
	const code = errcode !== undefined ? String(errcode) : status ? `HTTP ${status}` : undefined;
	const message = redact(code ? `Bangwo8 ${code}: ${meaning ?? fallback}` : `Bangwo8: ${fallback}`, secrets);
	const statusMeaning = status ? STATUS_MEANINGS[status] : undefined;
	return new NodeApiError(
		context.getNode(),
		{ httpCode: status ?? null, errcode: errcode ?? null, errmsg: errmsg ?? null } as JsonObject,
		{
			message,
			description: status ? `HTTP ${status}${statusMeaning ? `: ${statusMeaning}` : ''}` : undefined,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}

/** Whether `next_page` announces a page after `current` ('' or absent on the last page). */
function announcesNextPage(nextPage: unknown, current: number): boolean | undefined {
	if (nextPage === undefined || nextPage === null) return undefined;
	if (typeof nextPage !== 'string' || nextPage.trim() === '') return false;
	const match = /[?&]page=(\d+)/.exec(nextPage);
	return match ? Number(match[1]) > current : true;
}

/**
 * A Bangwo8 list: `{ <rootKey>: [...], count, next_page }`, at 100 a page for Return All: every
 * page once, the pages after the first requested together once `count` tells how many there are
 * (see `collectPages`), stopping as soon as the limit is reached. Pages are requested from the
 * credential's own base URL by number (never by following `next_page`), so credentials are never
 * sent to another host. An answer that is not such a list (truncated, empty, an HTML page, a
 * non-list under the root key) fails the call: a Return All never ends early on a broken page.
 */
export async function bangwo8ApiRequestAllItems(
	this: Bangwo8Context,
	endpointName: Bangwo8EndpointName,
	rootKey: string,
	listOptions: ListOptions,
	{ pathParams, qs, itemIndex }: Omit<Bangwo8RequestOptions, 'body' | 'onThrottle'> = {},
): Promise<IDataObject[]> {
	const connection = await connect(this, itemIndex);
	const endpoint = BANGWO8_ENDPOINTS[endpointName].path;
	return await collectPages(
		async ({ pageNumber, pageSize, onThrottle }) => {
			const response = await send(this, connection, endpointName, {
				pathParams,
				qs: { ...qs, page: pageNumber, per_page: pageSize },
				itemIndex,
				onThrottle,
			});
			const records = response[rootKey];
			const count = Number(response.count);
			const pageCount = response.count !== undefined && Number.isFinite(count) ? Math.ceil(count / pageSize) : undefined;
			if (!Array.isArray(records) && !(records == null && pageCount === 0)) {
				throw bangwo8Error(
					this,
					undefined,
					{},
					`the ${endpoint} answer for page ${pageNumber} is not a list of ${rootKey} (got: ${preview(response)})`,
					connection.secrets,
					itemIndex,
				);
			}
			const items = Array.isArray(records) ? (records as IDataObject[]) : [];
			const hasMore =
				announcesNextPage(response.next_page, pageNumber) ??
				(pageCount !== undefined ? pageNumber < pageCount : items.length >= pageSize);
			return { items, hasMore, pageCount };
		},
		listOptions,
		{
			maxPageSize: BANGWO8_MAX_PAGE_SIZE,
			endpoint: `Bangwo8 ${endpoint}`,
			idField: (BANGWO8_ENDPOINTS[endpointName] as Bangwo8Endpoint).idField,
		},
	);
}
