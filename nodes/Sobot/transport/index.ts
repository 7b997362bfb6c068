import { NodeApiError, type IDataObject, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { SOBOT_SUCCESS_CODE, SOBOT_TOKEN_EXPIRED_CODES, sobotErrorMessage } from './codes';
import { SOBOT_ENDPOINTS, type SobotEndpointName } from './endpoints';
import { isSobotTokenStale, sobotBaseUrl, type SobotCredentials } from './token';
import {
	isWireFailure,
	redact,
	summarizeFailure,
	withRetries,
	type HttpFailure,
	type RequestContext,
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
	/** Item the request is made for, so errors point at it. */
	itemIndex?: number;
}

/** Sobot's envelope: `ret_code`, `ret_msg` and the payload (`item`, `items`, paging fields, …). */
export type SobotResponse = IDataObject & { ret_code: string; ret_msg?: string };

/**
 * The one place that speaks Sobot's wire format. Sends the stored token in the `token` header
 * (n8n fetches it through the credential's preAuthentication when it is empty), checks
 * `ret_code`, and on a token error (900001/900002) makes n8n fetch and store exactly one new
 * token and retries once — unless another execution already stored a newer token, which is
 * then used instead of fetching again (a new token invalidates the old one).
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
 * pages of a list). After a token refresh it holds the new token, so later pages use it.
 */
interface SobotSession {
	credentials: SobotCredentials;
	secrets: Array<string | undefined>;
}

async function openSession(context: SobotContext, itemIndex?: number): Promise<SobotSession> {
	const stored = (await context.getCredentials(CREDENTIAL_TYPE, itemIndex)) as SobotCredentials;
	return {
		// Emptying the token makes n8n run preAuthentication and persist the new token.
		credentials: isSobotTokenStale(stored) ? { ...stored, token: '' } : { ...stored },
		secrets: [stored.appSecretKey, stored.token],
	};
}

async function send(
	context: SobotContext,
	session: SobotSession,
	endpointName: SobotEndpointName,
	{ pathParams, qs, body, itemIndex }: SobotRequestOptions,
): Promise<SobotResponse> {
	const endpoint = SOBOT_ENDPOINTS[endpointName];
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: fillPath(endpoint.path, pathParams),
		qs,
		body,
		json: true,
	};

	for (let attempt = 0; ; attempt++) {
		const used = session.credentials;
		const response = (await withRetries(
			async () =>
				await context.helpers.httpRequestWithAuthentication.call(
					context,
					CREDENTIAL_TYPE,
					{ ...options, baseURL: sobotBaseUrl(used) },
					{
						credentialsDecrypted: {
							id: reference?.id ?? '',
							name: reference?.name ?? '',
							type: CREDENTIAL_TYPE,
							data: used,
						},
					},
				),
			{
				idempotent: endpoint.method === 'GET',
				toError: (failure) => httpError(context, failure, [...session.secrets, used.token], itemIndex),
			},
		)) as SobotResponse;

		const code = String(response?.ret_code ?? '');
		if (code === SOBOT_SUCCESS_CODE) return response;
		if (SOBOT_TOKEN_EXPIRED_CODES.has(code) && attempt === 0) {
			// `used.token` now holds the token that was sent (n8n writes a fetched one into it).
			const latest = (await context.getCredentials(CREDENTIAL_TYPE, itemIndex)) as SobotCredentials;
			const someoneRefreshed = latest.token !== '' && latest.token !== used.token;
			session.credentials = someoneRefreshed ? { ...latest } : { ...latest, token: '' };
			continue;
		}
		throw new NodeApiError(
			context.getNode(),
			{ ret_code: code, ret_msg: String(response?.ret_msg ?? '') } as JsonObject,
			{
				message: sobotErrorMessage(code || 'no ret_code', response?.ret_msg),
				description: response?.ret_msg ? `Sobot said: ${String(response.ret_msg)}` : undefined,
				itemIndex,
			},
		);
	}
}

/** Turns a transport failure into an error that names what happened and leaks no secret. */
function httpError(context: SobotContext, failure: HttpFailure, secrets: Array<string | undefined>, itemIndex?: number) {
	const message = redact(
		isWireFailure(failure) ? `Sobot request failed (${summarizeFailure(failure)})` : summarizeFailure(failure),
		secrets,
	);
	return new NodeApiError(
		context.getNode(),
		{ httpCode: failure.status ?? null, message } as JsonObject,
		{
			message,
			description:
				failure.status === 429
					? 'Sobot is rate limiting requests; retried with backoff and gave up.'
					: failure.status && failure.status >= 500
						? 'Sobot had a server error; reads were retried with backoff.'
						: isWireFailure(failure)
							? redact(failure.message, secrets)
							: undefined,
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
 * A paged Sobot list (`page_no`/`page_size`, answered with `page_count`/`total_count`): follows
 * the pages to the end for Return All, stops as soon as the limit is reached.
 */
export async function sobotApiRequestAllItems(
	this: SobotContext,
	endpointName: SobotEndpointName,
	listOptions: ListOptions,
	{ pathParams, qs, itemIndex }: Omit<SobotRequestOptions, 'body'> = {},
): Promise<IDataObject[]> {
	const session = await openSession(this, itemIndex);
	return await collectPages(
		async (pageNumber, pageSize) => {
			const response = await send(this, session, endpointName, {
				pathParams,
				qs: { ...qs, page_no: pageNumber, page_size: pageSize },
				itemIndex,
			});
			const items = sobotRecords(response);
			const pageCount = Number(response.page_count);
			const totalCount = Number(response.total_count);
			const hasMore = Number.isFinite(pageCount)
				? pageNumber < pageCount
				: Number.isFinite(totalCount)
					? pageNumber * pageSize < totalCount
					: items.length >= pageSize;
			return { items, hasMore };
		},
		listOptions,
		SOBOT_MAX_PAGE_SIZE,
	);
}
