import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Sobot Event Trigger checks Sobot's signed pushes with (online message forwarding,
 * 在线消息转发): `X-Log-Sign = md5(companyId + X-Log-TimeStamp + X-Log-RandomCode + key)`. Only
 * compared with incoming requests, never sent anywhere; tested by the Sobot Event Trigger node
 * (`testedBy`).
 */
export class SobotPushSignatureApi implements ICredentialType {
	name = 'sobotPushSignatureApi';

	displayName = 'Sobot Push Signature API';

	icon = { light: 'file:../nodes/SobotEventTrigger/sobot.svg', dark: 'file:../nodes/SobotEventTrigger/sobot.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#sobot-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e93d39fe311b4cf2a6ccd69cafaf256f',
			description: 'Your Sobot company ID (companyid), the first part of what Sobot signs',
		},
		{
			displayName: 'Forwarding Key',
			name: 'forwardingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Sobot configured the message forwarding with (its "appKey"); ask your Sobot account manager for it when you ask them to turn signing on',
		},
	];
}
