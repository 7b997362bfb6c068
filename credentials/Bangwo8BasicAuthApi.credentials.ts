import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BANGWO8_DEFAULT_BASE_URL, bangwo8CredentialTestRules } from '../nodes/Bangwo8/transport/constants';

export class Bangwo8BasicAuthApi implements ICredentialType {
	name = 'bangwo8BasicAuthApi';

	displayName = 'Bangwo8 Basic Auth API';

	icon = 'file:../nodes/Bangwo8/bangwo8.svg' as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#bangwo8-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: BANGWO8_DEFAULT_BASE_URL,
			description: 'Bangwo8 (帮我吧) API base URL, ending in /api/v1',
		},
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			description: 'The Bangwo8 main account name',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	/**
	 * Basic authentication with the account and password. A function rather than the declarative
	 * form: n8n then applies it without evaluating expressions on every request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: { username: String(credentials.account ?? ''), password: String(credentials.password ?? '') },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/users.json',
			qs: { per_page: 1 },
		},
		rules: bangwo8CredentialTestRules('the main account name or password'),
	};
}
