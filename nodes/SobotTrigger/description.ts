import type { INodeProperties } from 'n8n-workflow';

import { SECRET_QUERY_PARAMETER } from './protection';
import { protectionOptions, secretProperty } from './protectionProperties';

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
		options: protectionOptions(`The URL given to Sobot must end in ?${SECRET_QUERY_PARAMETER}= followed by a secret`),
	},
	secretProperty,
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
