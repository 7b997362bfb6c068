import { createHash, timingSafeEqual } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IWebhookFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * Sobot signs nothing, so the trigger protects itself (modelled on n8n's Webhook node,
 * `validateWebhookAuthentication`): a secret in the URL query, or a header / Basic Auth
 * credential. Missing proof → 401, wrong proof → 403, protection not set up → 500. Every
 * comparison is constant-time over SHA-256 digests, so neither content nor length leaks.
 */

export type Protection = 'none' | 'querySecret' | 'headerAuth' | 'basicAuth';

export const HEADER_AUTH_CREDENTIAL = 'sobotTriggerHeaderAuthApi';
export const BASIC_AUTH_CREDENTIAL = 'sobotTriggerBasicAuthApi';

/** Name of the URL query parameter that carries the secret: `…/webhook/<id>?secret=…`. */
export const SECRET_QUERY_PARAMETER = 'secret';

const BASIC_REALM = 'Basic realm="Sobot Trigger"';

/** RFC 9110 token: the characters a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface Rejection {
	status: 401 | 403 | 500;
	message: string;
	headers?: Record<string, string>;
}

export function safeEqual(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** The first value of a query parameter or header that may come as a list. */
export function firstValue(value: unknown): string | undefined {
	if (Array.isArray(value)) return firstValue(value[0]);
	return typeof value === 'string' ? value : undefined;
}

async function credentialOf(
	ctx: IWebhookFunctions,
	type: string,
): Promise<ICredentialDataDecryptedObject | undefined> {
	try {
		return await ctx.getCredentials<ICredentialDataDecryptedObject>(type);
	} catch {
		// No credential selected (or it cannot be read): reported to the caller as a 500 below.
		return undefined;
	}
}

const notSetUp = (what: string): Rejection => ({
	status: 500,
	message: `The Sobot Trigger's protection is not set up: ${what}`,
});

function checkQuerySecret(ctx: IWebhookFunctions): Rejection | undefined {
	const expected = ctx.getNodeParameter('secret', '') as string;
	if (expected === '') return notSetUp('the secret is empty');
	const given = firstValue((ctx.getQueryData() as IDataObject)[SECRET_QUERY_PARAMETER]);
	if (given === undefined || given === '') {
		return { status: 401, message: `The "${SECRET_QUERY_PARAMETER}" query parameter is missing` };
	}
	return safeEqual(given, expected) ? undefined : { status: 403, message: 'The secret is wrong' };
}

async function checkHeaderAuth(ctx: IWebhookFunctions): Promise<Rejection | undefined> {
	const credential = await credentialOf(ctx, HEADER_AUTH_CREDENTIAL);
	const name = typeof credential?.headerName === 'string' ? credential.headerName.trim() : '';
	const expected = typeof credential?.headerSecret === 'string' ? credential.headerSecret : '';
	if (name === '' || expected === '') return notSetUp('the header auth credential has no header name or value');
	const given = firstValue(ctx.getHeaderData()[name.toLowerCase()]);
	if (given === undefined) return { status: 401, message: `The "${name}" header is missing` };
	return safeEqual(given, expected) ? undefined : { status: 403, message: `The "${name}" header is wrong` };
}

/** `Authorization: Basic base64(user:password)` → its parts, or undefined when absent or malformed. */
function basicAuthOf(header: string | undefined): { user: string; password: string } | undefined {
	const match = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function checkBasicAuth(ctx: IWebhookFunctions): Promise<Rejection | undefined> {
	const credential = await credentialOf(ctx, BASIC_AUTH_CREDENTIAL);
	const user = typeof credential?.user === 'string' ? credential.user : '';
	const password = typeof credential?.password === 'string' ? credential.password : '';
	if (user === '' || password === '') return notSetUp('the basic auth credential has no user or password');
	const given = basicAuthOf(firstValue(ctx.getHeaderData().authorization));
	if (!given) {
		return { status: 401, message: 'Basic authentication is required', headers: { 'WWW-Authenticate': BASIC_REALM } };
	}
	// Both halves are always compared, so the time taken does not tell which one was wrong.
	const userMatches = safeEqual(given.user, user);
	const passwordMatches = safeEqual(given.password, password);
	return userMatches && passwordMatches ? undefined : { status: 403, message: 'The user or password is wrong' };
}

/** Why the current request may not start the workflow, or undefined when it may. */
export async function checkProtection(ctx: IWebhookFunctions): Promise<Rejection | undefined> {
	const protection = ctx.getNodeParameter('authentication', 'none') as Protection;
	switch (protection) {
		case 'none':
			return undefined;
		case 'querySecret':
			return checkQuerySecret(ctx);
		case 'headerAuth':
			return await checkHeaderAuth(ctx);
		case 'basicAuth':
			return await checkBasicAuth(ctx);
		default:
			return notSetUp(`unknown protection "${String(protection)}"`);
	}
}

/**
 * Credential test (the credentials are only compared with incoming requests, so there is no
 * remote call to make): checks that the values can be sent and compared.
 */
export function testProtectionCredential(credential: ICredentialsDecrypted): INodeCredentialTestResult {
	const data = credential.data ?? {};
	const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });
	if (credential.type === HEADER_AUTH_CREDENTIAL) {
		const name = typeof data.headerName === 'string' ? data.headerName.trim() : '';
		if (!HEADER_NAME.test(name)) return fail('Header Name must be a valid HTTP header name, such as X-Sobot-Token');
		if (typeof data.headerSecret !== 'string' || data.headerSecret === '') return fail('Header Value must not be empty');
	} else if (credential.type === BASIC_AUTH_CREDENTIAL) {
		if (typeof data.user !== 'string' || data.user === '') return fail('User must not be empty');
		if (data.user.includes(':')) return fail('User must not contain a colon (":")');
		if (typeof data.password !== 'string' || data.password === '') return fail('Password must not be empty');
	} else {
		return fail(`Unknown credential type "${credential.type}"`);
	}
	return { status: 'OK', message: 'The credential is complete; incoming pushes are compared with it' };
}
