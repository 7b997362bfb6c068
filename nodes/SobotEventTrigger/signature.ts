import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { firstValue, safeEqual, type Rejection } from '../SobotTrigger/protection';

/**
 * Sobot's signed pushes (online message forwarding, 在线消息转发; BEYOND-TICKETS §1.2 a):
 * `X-Log-TimeStamp` (Sobot's clock, ms), `X-Log-RandomCode` and
 * `X-Log-Sign = lowercase hex md5(companyId + timestamp + randomCode + key)`, the key being the
 * one the forwarding was configured with. The signature does not cover the body, so a signed
 * request is also held to a time window and its headers to one body (see memory.ts).
 * ASSUMPTION: the ticket push, when Sobot signs it, signs it the same way (not documented).
 */

export const SIGNATURE_CREDENTIAL = 'sobotPushSignatureApi';

export const TIMESTAMP_HEADER = 'X-Log-TimeStamp';
export const RANDOM_CODE_HEADER = 'X-Log-RandomCode';
export const SIGN_HEADER = 'X-Log-Sign';

/** How far Sobot's timestamp may be from the n8n host's clock, by default (either way). */
export const DEFAULT_MAX_AGE_SECONDS = 300;

export interface SignedRequest {
	timestamp: number;
	randomCode: string;
	sign: string;
}

export function sobotSign(companyId: string, timestamp: string, randomCode: string, key: string): string {
	return createHash('md5').update(`${companyId}${timestamp}${randomCode}${key}`, 'utf8').digest('hex');
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const first = firstValue(headers[name.toLowerCase()])?.trim();
	return first === '' ? undefined : first;
}

/**
 * Checks the signature headers against the credential: missing → 401, malformed, outside the
 * window or wrong → 403, credential incomplete → 500. The messages never hold the key or the
 * expected signature.
 */
export function checkSignature(
	headers: IDataObject,
	credential: ICredentialDataDecryptedObject | undefined,
	now: number,
	maxAgeSeconds: number,
): Rejection | SignedRequest {
	const companyId = typeof credential?.companyId === 'string' ? credential.companyId.trim() : '';
	const key = typeof credential?.forwardingSecret === 'string' ? credential.forwardingSecret : '';
	if (companyId === '' || key === '') {
		return { status: 500, message: "The Sobot Event Trigger's signature check is not set up: the Sobot Push Signature credential needs a company ID and a key" };
	}
	const timestamp = headerValue(headers, TIMESTAMP_HEADER);
	const randomCode = headerValue(headers, RANDOM_CODE_HEADER);
	const sign = headerValue(headers, SIGN_HEADER);
	const missing = [
		[TIMESTAMP_HEADER, timestamp],
		[RANDOM_CODE_HEADER, randomCode],
		[SIGN_HEADER, sign],
	]
		.filter(([, value]) => value === undefined)
		.map(([name]) => name as string);
	if (missing.length > 0) return { status: 401, message: `Sobot's signature header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` };
	if (!/^\d{1,16}$/.test(timestamp as string)) return { status: 403, message: `${TIMESTAMP_HEADER} is not a time in milliseconds` };
	const time = Number(timestamp);
	if (Math.abs(now - time) > maxAgeSeconds * 1000) {
		return {
			status: 403,
			message: `${TIMESTAMP_HEADER} is more than ${maxAgeSeconds} seconds from the n8n host's clock: a stale or replayed push (or a clock that is off)`,
		};
	}
	const expected = sobotSign(companyId, timestamp as string, randomCode as string, key);
	if (!safeEqual((sign as string).toLowerCase(), expected)) return { status: 403, message: `${SIGN_HEADER} is wrong` };
	return { timestamp: time, randomCode: randomCode as string, sign: (sign as string).toLowerCase() };
}

export function isRejection(value: Rejection | SignedRequest): value is Rejection {
	return 'status' in value;
}

/** Credential test: the values can be compared (there is no remote call to make). */
export function testSignatureCredential(credential: ICredentialsDecrypted): INodeCredentialTestResult {
	const data = credential.data ?? {};
	if (typeof data.companyId !== 'string' || data.companyId.trim() === '') return { status: 'Error', message: 'Company ID must not be empty' };
	if (/\s/.test(data.companyId.trim())) return { status: 'Error', message: 'Company ID must not contain spaces' };
	if (typeof data.forwardingSecret !== 'string' || data.forwardingSecret === '') return { status: 'Error', message: 'Forwarding Key must not be empty' };
	return { status: 'OK', message: 'The credential is complete; signed pushes are checked with it' };
}
