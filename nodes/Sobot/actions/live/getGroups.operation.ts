import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { simplifyChatDirectoryEntry } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Skill Groups',
	description: 'List the skill groups of online chat (ID, name, created), e.g. to route or to check working hours',
	action: 'Get online chat skill groups',
};

/** Simplify (on by default from version 1.1): create_time ISO. */
export const simplify = simplifyChatDirectoryEntry;

export const properties: INodeProperties[] = [...returnAllOrLimit()];

/** query_group: groupid, group_name, create_time. Not paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { returnAll, limit } = getListOptions(this, itemIndex);
	const records = sobotRecords(await sobotApiRequest.call(this, 'chatGroupList', { body: {}, itemIndex }));
	return returnAll ? records : records.slice(0, limit);
}
