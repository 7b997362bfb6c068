import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { BANGWO8_DEFAULT_BASE_URL, bangwo8CredentialTestRules } from '../nodes/Bangwo8/transport/constants';

/**
 * Client-credentials grant against `<host of the base URL>/api/token.php` (the SecretID and
 * Secret go in the Basic header). n8n fetches the token on first use, stores it in the
 * credential, reuses it, and fetches a new one when Bangwo8 answers 401.
 */
export class Bangwo8OAuth2Api implements ICredentialType {
	name = 'bangwo8OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bangwo8 OAuth2 API';

	icon = 'file:../nodes/Bangwo8/bangwo8.svg' as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#bangwo8-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: BANGWO8_DEFAULT_BASE_URL,
			description: 'Bangwo8 (帮我吧) API base URL, ending in /api/v1. The token URL is derived from its host.',
		},
		{
			displayName: 'SecretID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Made in the Bangwo8 admin panel under "API接口"',
		},
		{
			displayName: 'Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			// The scheme and host of the base URL, e.g. https://www.bangwo8.com/api/token.php
			default: '={{$self["baseUrl"].split("/").slice(0, 3).join("/") + "/api/token.php"}}',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/users.json',
			qs: { per_page: 1 },
		},
		rules: bangwo8CredentialTestRules('the access token: check the SecretID and Secret'),
	};
}
