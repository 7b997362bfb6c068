import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { SECRET_QUERY_PARAMETER } from './protection';

/**
 * The protections both Sobot push triggers offer (the Sobot Trigger and the Sobot Event Trigger),
 * in the editor's alphabetical order; each trigger adds its own (the Event Trigger: Sobot Signature).
 */
export function protectionOptions(querySecretDescription: string): INodePropertyOptions[] {
	return [
		{
			name: 'Basic Auth',
			value: 'basicAuth',
			description: 'Pushes must carry an Authorization: Basic header matching a credential',
		},
		{
			name: 'Header Auth',
			value: 'headerAuth',
			description: 'Pushes must carry a header whose name and value match a credential',
		},
		{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
		{ name: 'Query Secret', value: 'querySecret', description: querySecretDescription },
	];
}

/** The secret of the Query Secret protection. */
export const secretProperty: INodeProperties = {
	displayName: 'Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: `A long random value. Give Sobot the Production URL followed by ?${SECRET_QUERY_PARAMETER}= and this value; pushes without it get HTTP 401, with a wrong one HTTP 403.`,
	displayOptions: { show: { authentication: ['querySecret'] } },
};
