import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What a push to the Sobot Trigger must carry when its protection is Header Auth. Only compared
 * with incoming requests, never sent anywhere; tested by the Sobot Trigger node (`testedBy`).
 */
export class SobotTriggerHeaderAuthApi implements ICredentialType {
	name = 'sobotTriggerHeaderAuthApi';

	displayName = 'Sobot Trigger Incoming Header Secret API';

	icon = { light: 'file:../nodes/SobotTrigger/sobot.svg', dark: 'file:../nodes/SobotTrigger/sobot.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-bangwo8-sobot#protecting-the-sobot-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'X-Sobot-Token',
			description: 'The header every push must carry (case-insensitive)',
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The exact value the header must have',
		},
	];
}
