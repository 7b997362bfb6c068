import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { SOBOT_RET_CODES } from '../nodes/Sobot/transport/codes';
import {
	SOBOT_CUSTOM_DATA_CENTER,
	sobotPreAuthentication,
	type SobotCredentials,
} from '../nodes/Sobot/transport/token';

/** Codes the credential test reports with their meaning when the test call answers them. */
const TEST_FAILURE_CODES = ['900001', '900002', '900004', '700046', '999999'];

export class SobotApi implements ICredentialType {
	name = 'sobotApi';

	displayName = 'Sobot API';

	icon = 'file:../nodes/Sobot/sobot.svg' as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#sobot-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Data Centre',
			name: 'dataCenter',
			type: 'options',
			default: 'https://www.sobot.com',
			description: 'Where your Sobot (智齿) account lives. An account only works on its own data centre.',
			options: [
				{ name: 'China (Alibaba Cloud)', value: 'https://www.sobot.com' },
				{ name: 'China (Tencent Cloud)', value: 'https://www.soboten.com' },
				{ name: 'Singapore', value: 'https://sg.sobot.io' },
				{ name: 'North America', value: 'https://us.sobot.com' },
				{ name: 'Custom URL', value: SOBOT_CUSTOM_DATA_CENTER },
			],
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://www.sobot.com',
			description: 'Base URL of the Sobot API, without a trailing path',
			displayOptions: { show: { dataCenter: [SOBOT_CUSTOM_DATA_CENTER] } },
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description: 'The appid given by Sobot for API access',
		},
		{
			displayName: 'App Key',
			name: 'appSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app_key given by Sobot. It never leaves n8n: only a signature made with it is sent.',
		},
		{
			displayName: 'Account Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. America/New_York',
			description:
				'IANA time zone in which Sobot writes times without an offset for this account (ticket date filters, ticket and label times). Leave empty for the zone of the data centre: Asia/Shanghai for China and a Custom URL, Asia/Singapore for Singapore, America/Los_Angeles for North America.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			displayName: 'Issued For',
			name: 'issuedFor',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Renewal',
			name: 'renewal',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Called by n8n when the token passed to it is empty, and for credential tests; n8n stores
	 * what it returns in the credential. The Sobot transport also uses it to coordinate one
	 * renewal across all executions (nodes/Sobot/transport/renewal.ts).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sobotPreAuthentication(this, credentials as SobotCredentials);
	}

	/**
	 * Puts the stored token in Sobot's `token` header. A function rather than the declarative
	 * form: n8n then applies it without evaluating an expression on every request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, token: String(credentials.token ?? '') },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.dataCenter === "${SOBOT_CUSTOM_DATA_CENTER}" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.dataCenter}}`,
			url: '/api/scrm/5/user_stage/query_list_by_type',
			method: 'GET',
		},
		rules: TEST_FAILURE_CODES.map((code) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'ret_code', value: code, message: `Sobot ${code}: ${SOBOT_RET_CODES[code]}` },
		})),
	};
}
