import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * The `authentication` parameter the transport reads to pick the credential, and the two
 * credentials it switches between: shared by every Bangwo8 node so they offer the same choice.
 */
export const BANGWO8_AUTHENTICATION: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'OAuth2 (SecretID and Secret)', value: 'oAuth2' },
		{ name: 'Basic Auth (Account and Password)', value: 'basicAuth' },
	],
	default: 'oAuth2',
};

export const BANGWO8_CREDENTIALS: INodeCredentialDescription[] = [
	{ name: 'bangwo8OAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	{ name: 'bangwo8BasicAuthApi', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
];
