import type { INodeProperties } from 'n8n-workflow';

import { SECRET_QUERY_PARAMETER } from './protection';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Sobot has no API to register this URL: copy the Production URL above and enter it in Sobot as the callback URL of the SCRM customer push (客户CRM消息推送), or send it to your Sobot account manager to set up. With Query Secret protection, add ?secret= and the secret to it. The Production URL receives pushes only while the workflow is active.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Protection',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		default: 'none',
		description:
			'How the trigger tells Sobot\'s pushes from anyone else\'s. Sobot signs nothing and its push settings take only a URL, so Query Secret is the choice that works with Sobot as documented.',
		options: [
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
			{
				name: 'Query Secret',
				value: 'querySecret',
				description: `The URL given to Sobot must end in ?${SECRET_QUERY_PARAMETER}= followed by a secret`,
			},
		],
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: `A long random value. Give Sobot the Production URL followed by ?${SECRET_QUERY_PARAMETER}= and this value; pushes without it get HTTP 401, with a wrong one HTTP 403.`,
		displayOptions: { show: { authentication: ['querySecret'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['customerMerged', 'customerSaved'],
		description:
			'Which pushes start the workflow; others are acknowledged and ignored. Other is not selected by default: select it to also receive entries of kinds Sobot does not document.',
		options: [
			{
				name: 'Customer Merged',
				value: 'customerMerged',
				description: 'Two customers were merged (msg_type 1)',
			},
			{
				name: 'Customer Saved',
				value: 'customerSaved',
				description:
					'A customer was created or updated (msg_type 0; Sobot sends the same type for both)',
			},
			{
				name: 'Other',
				value: 'other',
				description:
					'An entry whose msg_type is missing or not one of the above (a kind of push Sobot does not document yet), with event "other" and every field as sent',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'Simplified: Unix times become ISO dates, documented integer fields become numbers, extend_field_values is always a list and wx_build_unionId is renamed wx_build_unionid',
	},
];
