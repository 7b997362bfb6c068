import type { INodeProperties } from 'n8n-workflow';

import { SECRET_QUERY_PARAMETER } from '../SobotTrigger/protection';
import { protectionOptions, secretProperty } from '../SobotTrigger/protectionProperties';
import { DEFAULT_MAX_AGE_SECONDS } from './signature';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Sobot cannot be told this URL by n8n: send the Production URL above to your Sobot account manager and ask them to set it as the URL of the ticket push (工单消息推送) and/or the online message forwarding (在线消息转发), with signing turned on; they also give you the company ID and forwarding key for the credential. Sobot applies it later (within about 30 minutes, or from the next day). The URL receives pushes only while the workflow is active. To catch pushes Sobot failed to deliver, add a Sobot Ticket Trigger with the event Ticket Push Failed.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Protection',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		default: 'signature',
		description: "How the trigger tells Sobot's pushes from anyone else's",
		options: [
			...protectionOptions(`For unsigned pushes: the URL given to Sobot must end in ?${SECRET_QUERY_PARAMETER}= followed by a secret`),
			{
				name: 'Sobot Signature',
				value: 'signature',
				description: "Pushes must carry Sobot's X-Log-Sign, checked with the company ID and forwarding key of a credential (recommended)",
			},
		],
	},
	secretProperty,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['chatListMessage', 'chatMessage', 'offlineMessage', 'other', 'ticketCreated', 'ticketReplied', 'ticketUpdated', 'unreadMessage'],
		description: 'Which pushed records start the workflow; the others are acknowledged and dropped. Each record is one item with an "event" field.',
		options: [
			{
				name: 'Chat List Message',
				value: 'chatListMessage',
				description: "A customer's latest message for an API-docked chat list (lastCid, lastMsgContent, lastMsgTime)",
			},
			{
				name: 'Chat Message',
				value: 'chatMessage',
				description: 'A chat message forwarded by the online message forwarding (cid, source, message)',
			},
			{
				name: 'Offline Message',
				value: 'offlineMessage',
				description: 'A message an agent sent to a customer who had left (type 202: partnerId, msgId, content)',
			},
			{
				name: 'Other',
				value: 'other',
				description: 'A record of a kind not recognised (Sobot documents few of its pushes), with every field as sent',
			},
			{
				name: 'Ticket Created',
				value: 'ticketCreated',
				description: 'A ticket pushed with its update time equal to its creation time',
			},
			{
				name: 'Ticket Replied',
				value: 'ticketReplied',
				description: 'A ticket pushed with a reply (reply_content)',
			},
			{
				name: 'Ticket Updated',
				value: 'ticketUpdated',
				description: 'Any other ticket push: status, assignee, priority or fields changed',
			},
			{
				name: 'Unread Message',
				value: 'unreadMessage',
				description: 'A customer message an API-docked channel has not read yet (sysNum, cid, uid, msgType)',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'Simplified: times become ISO dates in the workflow time zone, status, priority, source and message codes become names, ticket custom fields are also given as custom_fields',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Account Time Zone',
				name: 'accountTimeZone',
				type: 'string',
				default: '',
				placeholder: 'Asia/Shanghai',
				description:
					'The IANA time zone your Sobot account writes its zone-less times in (2024-07-15 05:00:00), for Simplify. Empty: China time.',
			},
			{
				displayName: 'Signature Max Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 10, maxValue: 3600 },
				default: DEFAULT_MAX_AGE_SECONDS,
				description:
					"How far Sobot's X-Log-TimeStamp may be from the n8n host's clock; older pushes are refused as replays (HTTP 403)",
				displayOptions: { show: { '/authentication': ['signature'] } },
			},
		],
	},
];
