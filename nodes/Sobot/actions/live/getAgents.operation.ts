import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { simplifyChatDirectoryEntry } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Agents',
	description:
		"List the online-chat agents (ID, name, email, role, agent number, status, skill groups, department). For who is chatting right now, use Get Overview.",
	action: 'Get online chat agents',
};

/** Simplify (on by default from version 1.1): create_time ISO. */
export const simplify = simplifyChatDirectoryEntry;

export const properties: INodeProperties[] = [...returnAllOrLimit()];

/** query_agent: agentid, agent_name, agent_email, role_name, agent_no, agent_status, group_name[], groupid[], create_time, department_name. Not paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { returnAll, limit } = getListOptions(this, itemIndex);
	const records = sobotRecords(await sobotApiRequest.call(this, 'chatAgentList', { body: {}, itemIndex }));
	return returnAll ? records : records.slice(0, limit);
}
