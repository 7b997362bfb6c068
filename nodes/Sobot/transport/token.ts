import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { SOBOT_SUCCESS_CODE, sobotErrorMessage } from './codes';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS, redact, summarizeFailure, withRetries } from '../../shared/http';

export interface SobotCredentials extends ICredentialDataDecryptedObject {
	dataCenter: string;
	customUrl: string;
	appId: string;
	appSecretKey: string;
	/** Hidden, expirable: the token every execution shares (Sobot kills the previous one on each issue). */
	token: string;
	/** Hidden: when the stored token expires (ms since epoch). */
	expiresAt: number;
	/** Hidden: the App ID and data centre the stored token was issued for (see `sobotTokenOwner`). */
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

/**
 * The stored token when it can be sent: present, issued for this App ID and data centre, and not
 * past its expiry. There is deliberately no early renewal: a token is replaced only once it is
 * known to be dead (expired by the clock, or refused with 900001/900002), so a burst of
 * executions near the end of its life all keep using it instead of each renewing.
 */
export function usableSobotToken(credentials: SobotCredentials, now = Date.now()): string | undefined {
	const token = typeof credentials.token === 'string' ? credentials.token : '';
	if (token === '' || credentials.issuedFor !== sobotTokenOwner(credentials)) return undefined;
	const expiresAt = Number(credentials.expiresAt);
	if (Number.isFinite(expiresAt) && expiresAt > 0 && now >= expiresAt) return undefined;
	return token;
}

/** `sign = md5(appid + create_time + app_key)`, lowercase hex (seed section 2.1). */
export function signSobotTokenRequest(appId: string, createTime: string, appKey: string): string {
	return createHash('md5').update(`${appId}${createTime}${appKey}`).digest('hex');
}

/**
 * The hidden `renewal` field. The transport passes a *step* to the credential's
 * preAuthentication (`claim` or `fetch`, see renewal.ts); what is stored is the outcome:
 * `renewing` (an execution has claimed the renewal) or `failed` (its token request failed).
 */
export interface RenewalRecord {
	state: 'claim' | 'fetch' | 'renewing' | 'failed';
	/** Random id of the transport call that claimed the renewal. */
	by: string;
	/** When it was written (ms since epoch, the writer's clock). */
	at: number;
	/** With `failed`: why, without secrets. */
	error?: string;
}

export function parseRenewalRecord(text: unknown): RenewalRecord | undefined {
	if (typeof text !== 'string' || text === '') return undefined;
	try {
		const record = JSON.parse(text) as Partial<RenewalRecord>;
		if (typeof record?.by !== 'string' || !['claim', 'fetch', 'renewing', 'failed'].includes(String(record.state))) {
			return undefined;
		}
		return { state: record.state!, by: record.by, at: Number(record.at) || 0, error: record.error };
	} catch {
		return undefined;
	}
}

export const writeRenewalRecord = (record: RenewalRecord): string => JSON.stringify(record);

/** What preAuthentication returns; n8n writes these fields into the stored credential. */
type TokenFields = Pick<SobotCredentials, 'token' | 'expiresAt' | 'issuedFor' | 'renewal'>;

/**
 * The credential's preAuthentication. n8n calls it when the token passed to it is empty (and
 * for every credential test) and persists what it returns. The transport uses it for the two
 * writes a renewal needs, told apart by the step in `renewal`:
 *  - `claim`: record that this call is about to renew (stored token emptied: it is dead anyway);
 *  - `fetch`: get a token and store it; a failure is stored too, so the executions waiting for
 *    this renewal report it at once instead of each asking Sobot again.
 * Without a step (the credential test) it fetches a token and lets errors surface.
 */
export async function sobotPreAuthentication(
	context: IHttpRequestHelper,
	credentials: SobotCredentials,
): Promise<TokenFields> {
	const step = parseRenewalRecord(credentials.renewal);
	if (step?.state === 'claim') {
		return {
			token: '',
			expiresAt: 0,
			issuedFor: '',
			renewal: writeRenewalRecord({ state: 'renewing', by: step.by, at: Date.now() }),
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
				}),
			};
		}
	}
	return { ...(await fetchSobotToken(context, credentials)), renewal: '' };
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
		throw new Error('Sobot: the data centre URL must start with http:// or https://');
	}
	const appId = String(credentials.appId ?? '').trim();
	const createTime = String(Math.floor(Date.now() / 1000));
	const sign = signSobotTokenRequest(appId, createTime, String(credentials.appSecretKey ?? ''));

	const response = (await withRetries(
		async () =>
			await context.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/api/get_token`,
				qs: { appid: appId, create_time: createTime, sign },
				json: true,
				timeout: DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000,
			}),
		{
			policy: 'safe',
			toError: (failure) =>
				new Error(
					redact(
						`Sobot: could not get an API token from ${baseUrl} (${summarizeFailure(failure)}). Check the data centre.`,
						[String(credentials.appSecretKey ?? ''), sign],
					),
				),
		},
	)) as IDataObject;

	const code = String(response?.ret_code ?? '');
	const item = (response?.item ?? {}) as IDataObject;
	if (code !== SOBOT_SUCCESS_CODE || typeof item.token !== 'string' || item.token === '') {
		throw new Error(sobotErrorMessage(code || 'no ret_code', response?.ret_msg));
	}
	const expiresInSeconds = Number(item.expires_in) > 0 ? Number(item.expires_in) : 86400;
	return {
		token: item.token,
		expiresAt: Date.now() + expiresInSeconds * 1000,
		issuedFor: sobotTokenOwner(credentials),
	};
}
