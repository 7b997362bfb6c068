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
	SOBOT_TOKEN_PATH,
	signedTokenQuery,
	sobotPreAuthentication,
	type SobotCredentials,
} from '../nodes/Sobot/transport/token';

/** Codes get_token answers when it refuses; the credential test reports them with their meaning. */
const TEST_FAILURE_CODES = ['900003', '900004', '700046', '999999'];

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
	 * Called by n8n when the token passed to it is empty; n8n stores what it returns in the
	 * credential. The Sobot transport uses it for the writes of its one renewal across all
	 * executions (nodes/Sobot/transport/renewal.ts); otherwise it does nothing.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sobotPreAuthentication(this, credentials as SobotCredentials);
	}

	/**
	 * Puts the stored token in Sobot's `token` header. The credential test's request (get_token)
	 * is signed instead: `sign = md5(appid + create_time + app_key)`, from the App ID and key as
	 * they are in the form. A function rather than the declarative form: n8n then applies it
	 * without evaluating an expression on every request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (requestOptions.url === SOBOT_TOKEN_PATH) {
			return { ...requestOptions, qs: { ...requestOptions.qs, ...signedTokenQuery(credentials as SobotCredentials) } };
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, token: String(credentials.token ?? '') },
		};
	}

	/**
	 * Asks Sobot for a token with the App ID, key and data centre as they are now. Not a call with
	 * the stored token: that may have expired while the credential is right, or belong to the App
	 * ID before an edit. The token it gets is not kept, and it ends the one workflows use: their
	 * next call meets 900002 and renews once for all of them (renewal.ts).
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.dataCenter === "${SOBOT_CUSTOM_DATA_CENTER}" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.dataCenter}}`,
			url: SOBOT_TOKEN_PATH,
			method: 'GET',
		},
		rules: [
			...TEST_FAILURE_CODES.map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'ret_code', value: code, message: `Sobot ${code}: ${SOBOT_RET_CODES[code]}` },
			})),
			{
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'ret_code',
					value: undefined,
					message: 'The answer is not from the Sobot API (no ret_code): check the data centre or the custom URL',
				},
			},
		],
	};
}
