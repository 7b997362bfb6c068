import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { checkText, fail } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { isBlank } from '../../../shared/values';
import { readScore, scoreProperty } from './common';

export const option: OperationOption = {
	name: 'Rate Chat',
	description:
		"Rate a customer's current or last online conversation as the customer (score 1–5, solved or not, tags, remark), for customers connected through the API or SDK. Give the customer's partner ID and whether the agent or the bot is rated.",
	action: 'Rate a chat',
};

/** comment's `status` (0 失败, 1 成功, 2 已评价, 3 无咨询): every status but 1 is an error. */
export const RATE_CHAT_STATUSES: Readonly<Record<string, string>> = {
	'0': 'the rating was not saved',
	'2': 'this conversation is already rated',
	'3': 'the customer has no conversation to rate',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Partner ID',
		name: 'partnerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-10086',
		description: 'Your own ID of the customer (partnerid), given to Sobot when the customer was connected through the API or SDK',
	},
	{
		displayName: 'Rated Service',
		name: 'type',
		type: 'options',
		default: 1,
		options: [
			{ name: 'Agent', value: 1, description: 'The human agent who served the customer' },
			{ name: 'Bot', value: 0, description: 'The chat bot that answered the customer' },
		],
	},
	scoreProperty,
	collection('additionalFields', [
		{
			displayName: 'Invited',
			name: 'comment_type',
			type: 'options',
			default: 0,
			options: [
				{ name: 'Invited by the Agent', value: 0 },
				{ name: 'Given by the Customer Unasked', value: 1 },
			],
			description: 'Whether the rating answers an invitation or was given unasked',
		},
		{
			displayName: 'Remark',
			name: 'remark',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: "The customer's comment",
		},
		{
			displayName: 'Solved',
			name: 'solved',
			type: 'boolean',
			default: true,
			description: 'Whether the customer says the question was solved',
		},
		{
			displayName: 'Tags',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. Fast, Friendly',
			description: 'Rating tags as your Sobot account defines them, separated by commas',
		},
	]),
];

/**
 * comment: the rating as sent plus Sobot's answer (`status`, `cid` of the rated conversation).
 * Sent once (a repeat would meet "already rated").
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const partnerid = checkText(this, this.getNodeParameter('partnerId', itemIndex, ''), 'Partner ID', itemIndex);
	const type = Number(this.getNodeParameter('type', itemIndex, 1));
	if (type !== 0 && type !== 1) fail(this, itemIndex, `"Rated Service" must be 1 (Agent) or 0 (Bot); got ${JSON.stringify(type)}`);
	const body: IDataObject = { partnerid, type, score: readScore(this, itemIndex) };
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (fields.solved !== undefined) body.solved = fields.solved === true || fields.solved === 1 || fields.solved === '1' ? 1 : 0;
	if (!isBlank(fields.tag)) {
		const tags = String(fields.tag).split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
		if (tags.length > 0) body.tag = tags.join(',');
	}
	if (!isBlank(fields.remark)) body.remark = String(fields.remark);
	if (fields.comment_type !== undefined) {
		const commentType = Number(fields.comment_type);
		if (commentType !== 0 && commentType !== 1) fail(this, itemIndex, `"Invited" must be 0 (invited) or 1 (unasked); got ${JSON.stringify(fields.comment_type)}`);
		body.comment_type = commentType;
	}
	const response = await sobotApiRequest.call(this, 'chatRate', { body, itemIndex });
	const answer = isPlainObject(response.item) ? response.item : {};
	const status = String(answer.status ?? response.status ?? '');
	if (status !== '1') {
		const meaning = RATE_CHAT_STATUSES[status] ?? 'unknown status';
		throw new NodeApiError(this.getNode(), { status } as JsonObject, {
			message: `Sobot rating status ${status || '(none)'}: ${meaning}`,
			description: `Partner ID "${partnerid}". Sobot answers 1 when the rating is saved.`,
			itemIndex,
		});
	}
	return { ...body, ...answer } as IDataObject;
}
