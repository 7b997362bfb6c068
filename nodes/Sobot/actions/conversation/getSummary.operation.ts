import { NodeApiError, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { conversationIdProperty, readConversationId } from './common';
import type { OperationOption } from '../../../shared/router';
import { simplifySummary } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Summary',
	description:
		"Get the agent's service summary of a conversation (business unit and type, whether the question was solved, its description, the summary's custom fields). Give the conversation ID.",
	action: 'Get a conversation summary',
};

/** Simplify (on by default from version 1.1): flags as booleans, question status named, custom_fields. */
export const simplify = simplifySummary;

export const properties: INodeProperties[] = [conversationIdProperty];

/**
 * query_summary: the summary as Sobot gives it (summary_flag, update_time, operation_name,
 * req_type_name, question_status, question_description, invalid_session, fields[], summary_staff_name, cid).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const cid = readConversationId(this, itemIndex);
	const [summary] = sobotRecords(await sobotApiRequest.call(this, 'chatSummary', { body: { cid }, itemIndex }));
	if (summary === undefined) {
		throw new NodeApiError(this.getNode(), { cid } as JsonObject, {
			message: `Sobot has no summary of conversation "${cid}"`,
			description: 'Check the conversation ID; a conversation an agent never took has no summary.',
			itemIndex,
		});
	}
	return summary;
}
