import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What a push to the Sobot Trigger must carry when its protection is Basic Auth. Only compared
 * with incoming requests, never sent anywhere; tested by the Sobot Trigger node (`testedBy`).
 */
export class SobotTriggerBasicAuthApi implements ICredentialType {
	name = 'sobotTriggerBasicAuthApi';

	displayName = 'Sobot Trigger Incoming Basic Auth API';

	icon = { light: 'file:../nodes/SobotTrigger/sobot.svg', dark: 'file:../nodes/SobotTrigger/sobot.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#protecting-the-sobot-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
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
}
