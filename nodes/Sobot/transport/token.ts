import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { SOBOT_SUCCESS_CODE, sobotErrorMessage } from './codes';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS, preview, redact, summarizeFailure, withRetries } from '../../shared/http';

export interface SobotCredentials extends ICredentialDataDecryptedObject {
	dataCenter: string;
	customUrl: string;
	appId: string;
	appSecretKey: string;
	/** Hidden, expirable: the token every execution shares (Sobot kills the previous one on each issue). */
	token: string;
	/** Hidden: when the stored token expires (ms since epoch). */
	expiresAt: number;
	/** Hidden: the App ID and data centre the stored token was issued for, and its digest (see `issuedForToken`). */
	issuedFor: string;
	/** Hidden: the renewal under way, as JSON (see `RenewalRecord`); '' when none. */
	renewal: string;
}

export const SOBOT_CUSTOM_DATA_CENTER = 'custom';

export function sobotBaseUrl(credentials: Pick<SobotCredentials, 'dataCenter' | 'customUrl'>): string {
	const url =
		credentials.dataCenter === SOBOT_CUSTOM_DATA_CENTER ? credentials.customUrl : credentials.dataCenter;
	return String(url ?? '').replace(/\/+$/, '');
}

/**
 * What a token is valid for: the App ID on one data centre. A token stored for another App ID or
 * URL (the user edited the credential; n8n keeps hidden fields) is never sent.
 */
export function sobotTokenOwner(credentials: Pick<SobotCredentials, 'appId' | 'dataCenter' | 'customUrl'>): string {
	return `${String(credentials.appId ?? '').trim()}@${sobotBaseUrl(credentials)}`;
}

/** A short digest that ties the hidden fields to the token they describe (not the token itself). */
export function tokenDigest(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/**
 * Tells one App ID, key and data centre from another without holding the key: a refusal recorded
 * for them no longer applies once the user has corrected any of them.
 */
export function credentialFingerprint(credentials: Pick<SobotCredentials, 'appId' | 'appSecretKey' | 'dataCenter' | 'customUrl'>): string {
	return createHash('sha256')
		.update(`${sobotTokenOwner(credentials)}\n${String(credentials.appSecretKey ?? '')}`)
		.digest('hex')
		.slice(0, 16);
}

/**
 * `issuedFor` as stored: the owner (App ID and data centre) and the digest of the token that
 * `expiresAt` belongs to. n8n hands password fields to the editor redacted and merges the stored
 * value back on save, but hidden fields go through the edit dialog as they were when it opened:
 * a credential saved while a renewal happened gets the new token with the old token's expiry.
 * The digest tells such a stale expiry from the real one.
 */
export function issuedForToken(credentials: Pick<SobotCredentials, 'appId' | 'dataCenter' | 'customUrl'>, token: string): string {
	return `${sobotTokenOwner(credentials)}#${tokenDigest(token)}`;
}

/**
 * The stored token when it can be sent: present, issued for this App ID and data centre, and not
 * past its expiry (when the stored expiry is this token's: see `issuedForToken`). There is
 * deliberately no early renewal: a token is replaced only once it is known to be dead (expired by
 * the clock, or refused with 900001/900002), so a burst of executions near the end of its life all
 * keep using it instead of each renewing.
 */
export function usableSobotToken(credentials: SobotCredentials, now = Date.now()): string | undefined {
	const token = typeof credentials.token === 'string' ? credentials.token : '';
	if (token === '') return undefined;
	const issuedFor = String(credentials.issuedFor ?? '');
	const hash = issuedFor.lastIndexOf('#');
	// Stored before the digest existed (0.1.x): the owner alone, the expiry taken as the token's.
	const owner = hash === -1 ? issuedFor : issuedFor.slice(0, hash);
	if (owner !== sobotTokenOwner(credentials)) return undefined;
	const expiryIsThisToken = hash === -1 || issuedFor.slice(hash + 1) === tokenDigest(token);
	const expiresAt = Number(credentials.expiresAt);
	if (expiryIsThisToken && Number.isFinite(expiresAt) && expiresAt > 0 && now >= expiresAt) return undefined;
	return token;
}

/** `sign = md5(appid + create_time + app_key)`, lowercase hex (seed section 2.1). */
export function signSobotTokenRequest(appId: string, createTime: string, appKey: string): string {
	return createHash('md5').update(`${appId}${createTime}${appKey}`).digest('hex');
}

export const SOBOT_TOKEN_PATH = '/api/get_token';

/** The query of a get_token call: App ID, the time in seconds and the signature (never the key). */
export function signedTokenQuery(credentials: Pick<SobotCredentials, 'appId' | 'appSecretKey'>): {
	appid: string;
	create_time: string;
	sign: string;
} {
	const appid = String(credentials.appId ?? '').trim();
	const createTime = String(Math.floor(Date.now() / 1000));
	return { appid, create_time: createTime, sign: signSobotTokenRequest(appid, createTime, String(credentials.appSecretKey ?? '')) };
}

/**
 * The hidden `renewal` field. The transport passes a *step* to the credential's
 * preAuthentication (`claim` or `fetch`, see renewal.ts); what is stored is the outcome:
 * `renewing` (an execution has claimed the renewal, until `until`) or `failed` (its token
 * request failed; `definitive` when Sobot refused the App ID or key, which every other
 * execution would meet too).
 */
export interface RenewalRecord {
	state: 'claim' | 'fetch' | 'renewing' | 'failed';
	/** Random id of the transport call that claimed the renewal. */
	by: string;
	/** When it was written (ms since epoch, the writer's clock). */
	at: number;
	/** With `claim` and `renewing`: when the claim lapses (the writer's clock). */
	until?: number;
	/** With `failed`: why, without secrets. */
	error?: string;
	/** With `failed`: Sobot refused the credential (not an outage): others report it instead of trying. */
	definitive?: boolean;
	/** With `failed`: which credential was refused (`credentialFingerprint`); a fixed one is not. */
	refused?: string;
}

export function parseRenewalRecord(text: unknown): RenewalRecord | undefined {
	if (typeof text !== 'string' || text === '') return undefined;
	try {
		const record = JSON.parse(text) as Partial<RenewalRecord>;
		if (typeof record?.by !== 'string' || !['claim', 'fetch', 'renewing', 'failed'].includes(String(record.state))) {
			return undefined;
		}
		const at = Number(record.at) || 0;
		return {
			state: record.state!,
			by: record.by,
			at,
			until: Number.isFinite(Number(record.until)) && record.until !== undefined ? Number(record.until) : undefined,
			error: record.error,
			definitive: record.definitive === true,
			refused: typeof record.refused === 'string' ? record.refused : undefined,
		};
	} catch {
		return undefined;
	}
}

export const writeRenewalRecord = (record: RenewalRecord): string => JSON.stringify(record);

/**
 * A token request that failed. `definitive` when Sobot answered and refused the credential (wrong
 * App ID or key, no API access, a URL that cannot be one): trying again cannot help. Outages
 * (time-outs, 5xx, an answer that is not Sobot's, its catch-all 999999) are not definitive.
 */
export class SobotTokenError extends Error {
	constructor(
		message: string,
		readonly definitive: boolean,
	) {
		super(message);
		this.name = 'SobotTokenError';
	}
}

/** What preAuthentication returns; n8n writes these fields into the stored credential. */
type TokenFields = Pick<SobotCredentials, 'token' | 'expiresAt' | 'issuedFor' | 'renewal'>;

/**
 * The credential's preAuthentication. n8n calls it when the token passed to it is empty and
 * persists what it returns. It acts only on the two steps of a renewal (renewal.ts):
 *  - `claim`: record that this call is about to renew (stored token emptied: it is dead anyway);
 *  - `fetch`: get a token and store it; a failure is stored too, so the executions waiting for
 *    this renewal learn of it at once (and report it when Sobot refused the credential).
 * Anything else — n8n's own calls (a credential test of a credential without a token), a request
 * retried after its claim or fetch was written — returns nothing: n8n then stores nothing and
 * sends the request as it is. No token is ever fetched outside the election.
 */
export async function sobotPreAuthentication(
	context: IHttpRequestHelper,
	credentials: SobotCredentials,
): Promise<Partial<TokenFields>> {
	const step = parseRenewalRecord(credentials.renewal);
	if (step?.state === 'claim') {
		const at = Date.now();
		const lifetime = Math.max(0, (step.until ?? step.at) - step.at);
		return {
			token: '',
			expiresAt: 0,
			issuedFor: '',
			renewal: writeRenewalRecord({ state: 'renewing', by: step.by, at, until: at + lifetime }),
		};
	}
	if (step?.state === 'fetch') {
		try {
			return { ...(await fetchSobotToken(context, credentials)), renewal: '' };
		} catch (error) {
			return {
				token: '',
				expiresAt: 0,
				issuedFor: '',
				renewal: writeRenewalRecord({
					state: 'failed',
					by: step.by,
					at: Date.now(),
					error: error instanceof Error ? error.message : String(error),
					definitive: error instanceof SobotTokenError && error.definitive,
					refused: credentialFingerprint(credentials),
				}),
			};
		}
	}
	return {};
}

/**
 * Fetches a new token from `get_token`. Each call makes Sobot issue a NEW token and invalidate
 * the previous one, so only preAuthentication calls it: once per renewal (renewal.ts makes sure
 * one execution renews for all) and for credential tests.
 * Errors name Sobot's code and never contain the app key or the signature.
 */
export async function fetchSobotToken(
	context: IHttpRequestHelper,
	credentials: SobotCredentials,
): Promise<Pick<SobotCredentials, 'token' | 'expiresAt' | 'issuedFor'>> {
	const baseUrl = sobotBaseUrl(credentials);
	if (!/^https?:\/\//.test(baseUrl)) {
		throw new SobotTokenError('Sobot: the data centre URL must start with http:// or https://', true);
	}
	const query = signedTokenQuery(credentials);
	const { sign } = query;

	const response = (await withRetries(
		async () =>
			await context.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}${SOBOT_TOKEN_PATH}`,
				qs: query,
				json: true,
				timeout: DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000,
			}),
		{
			policy: 'safe',
			toError: (failure) =>
				new SobotTokenError(
					redact(
						`Sobot: could not get an API token from ${baseUrl} (${summarizeFailure(failure)}). Check the data centre.`,
						[String(credentials.appSecretKey ?? ''), sign],
					),
					false,
				),
		},
	)) as IDataObject;

	if (response === null || typeof response !== 'object') {
		throw new SobotTokenError(
			`Sobot: the answer of ${baseUrl}${SOBOT_TOKEN_PATH} is not Sobot's JSON (got: ${redact(preview(response), [sign])}). Check the data centre.`,
			false,
		);
	}
	const code = String(response.ret_code ?? '');
	const item = (response.item ?? {}) as IDataObject;
	const token = typeof item.token === 'string' ? item.token : '';
	if (code === '' || (code === SOBOT_SUCCESS_CODE && token === '')) {
		throw new SobotTokenError(
			`Sobot: the answer of ${baseUrl}${SOBOT_TOKEN_PATH} holds no ${code === '' ? 'ret_code' : 'token'} (got: ${redact(preview(response), [sign])}). Check the data centre.`,
			false,
		);
	}
	if (code !== SOBOT_SUCCESS_CODE) {
		// A refusal is Sobot's word on the App ID and key; its catch-all 999999 may pass.
		throw new SobotTokenError(sobotErrorMessage(code, response.ret_msg), code !== '999999');
	}
	const expiresInSeconds = Number(item.expires_in) > 0 ? Number(item.expires_in) : 86400;
	return {
		token,
		expiresAt: Date.now() + expiresInSeconds * 1000,
		issuedFor: issuedForToken(credentials, token),
	};
}
