import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { SOBOT_SUCCESS_CODE, sobotErrorMessage } from './codes';
import { redact, summarizeFailure, withRetries } from '../../shared/http';

export interface SobotCredentials extends ICredentialDataDecryptedObject {
	dataCenter: string;
	customUrl: string;
	appId: string;
	appSecretKey: string;
	/** Hidden, expirable: filled by the credential's preAuthentication and shared by every execution. */
	token: string;
	/** Hidden: when the stored token expires (ms since epoch), so it is renewed before Sobot rejects it. */
	expiresAt: number;
}

/** Renew a stored token this long before Sobot's 24 h expiry. */
const TOKEN_RENEWAL_MARGIN_MS = 10 * 60 * 1000;

export const SOBOT_CUSTOM_DATA_CENTER = 'custom';

export function sobotBaseUrl(credentials: Pick<SobotCredentials, 'dataCenter' | 'customUrl'>): string {
	const url =
		credentials.dataCenter === SOBOT_CUSTOM_DATA_CENTER ? credentials.customUrl : credentials.dataCenter;
	return String(url ?? '').replace(/\/+$/, '');
}

/** `sign = md5(appid + create_time + app_key)`, lowercase hex (seed section 2.1). */
export function signSobotTokenRequest(appId: string, createTime: string, appKey: string): string {
	return createHash('md5').update(`${appId}${createTime}${appKey}`).digest('hex');
}

export function isSobotTokenStale(credentials: SobotCredentials, now = Date.now()): boolean {
	if (!credentials.token) return true;
	const expiresAt = Number(credentials.expiresAt);
	return Number.isFinite(expiresAt) && expiresAt > 0 && now >= expiresAt - TOKEN_RENEWAL_MARGIN_MS;
}

/**
 * Fetches a new token from `get_token`. Each call makes Sobot issue a NEW token and invalidate
 * the previous one, so this only runs from the credential's preAuthentication, which n8n calls
 * when the stored token is empty (and the transport empties it only on expiry).
 * Errors name Sobot's code and never contain the app key or the signature.
 */
export async function fetchSobotToken(
	context: IHttpRequestHelper,
	credentials: SobotCredentials,
): Promise<{ token: string; expiresAt: number }> {
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
			}),
		{
			idempotent: true,
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
	return { token: item.token, expiresAt: Date.now() + expiresInSeconds * 1000 };
}
