import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/router';
import { isPlainObject } from '../../../shared/simplify';
import { simplifyLiveFigures } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Overview',
	description:
		'Get the live figures of online chat right now: customers waiting in the queue, chatting with agents and with the bot, and every online agent with their status, groups and current and maximum chats. No input needed.',
	action: 'Get the live overview',
};

/** Simplify (on by default from version 1.1): agent status and status code named, status time ISO. */
export const simplify = simplifyLiveFigures;

export const properties: INodeProperties[] = [];

/**
 * get_once_data: one item, as Sobot gives it — admin_size, online_user_size, wait_user_size,
 * robot_user_size and admin_list[{agentid, agent_name, agent_nick, agent_email, group_name[],
 * groupid[], count, max_count, status, status_code, status_time}].
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const response = await sobotApiRequest.call(this, 'chatLiveFigures', { body: {}, itemIndex });
	return (isPlainObject(response.item) ? response.item : {}) as IDataObject;
}
