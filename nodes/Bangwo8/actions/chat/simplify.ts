import type { IDataObject } from 'n8n-workflow';

import { CHAT_CHANNELS, CHAT_ENDED_BY, CHAT_RATINGS, MESSAGE_TYPES, SPEAKERS } from './fields';
import { applyRules, mapEntries, nameRule, safely, timeRule, type Simplifier } from '../../../shared/simplify';

/**
 * Simplify of a chat in the one shape (`chatRecord`): times as ISO 8601 in the workflow's zone
 * (ASSUMPTION: Bangwo8 writes them as `YYYY-MM-DD HH:mm:ss` China time, like its other times;
 * Unix seconds are read too), the channel, rating, who ended it and each message's speaker and
 * type named. Counts, seconds and ids stay as Bangwo8 sent them, as in the other Bangwo8 reads.
 */
export const simplifyChat: Simplifier = safely((record, options) => {
	const chat = applyRules(
		record,
		{
			type: nameRule(CHAT_CHANNELS),
			start_time: timeRule,
			end_time: timeRule,
			end_type: nameRule(CHAT_ENDED_BY),
			evaluate: nameRule(CHAT_RATINGS),
			evaluate_time: timeRule,
		},
		options,
	);
	if (Array.isArray(chat.messages)) {
		chat.messages = mapEntries(chat.messages, (message) =>
			applyRules(
				message,
				{ spokesman_identity: nameRule(SPEAKERS), msg_type: nameRule(MESSAGE_TYPES), create_time: timeRule },
				options,
			),
		) as IDataObject[];
	}
	return chat;
});
