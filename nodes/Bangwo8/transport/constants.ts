import type { ICredentialTestRequest } from 'n8n-workflow';

export const BANGWO8_DEFAULT_BASE_URL = 'https://www.bangwo8.com/api/v1';

/** The vendor asks clients to stay at or below 100 records a page. */
export const BANGWO8_MAX_PAGE_SIZE = 100;


/**
 * What a failed credential test says, by HTTP status, instead of n8n's bare "Unauthorized":
 * `rejected` names what Bangwo8 refused (the account and password, or the OAuth2 token).
 */
export function bangwo8CredentialTestRules(rejected: string): ICredentialTestRequest['rules'] {
	return [
		{ type: 'responseCode', properties: { value: 401, message: `Bangwo8 refused ${rejected} (HTTP 401)` } },
		{
			type: 'responseCode',
			properties: { value: 403, message: 'Bangwo8 accepted the credential but this account may not use the API (HTTP 403)' },
		},
		{
			type: 'responseCode',
			properties: { value: 404, message: 'Nothing answers at this Base URL (HTTP 404): it should end in /api/v1' },
		},
	];
}
