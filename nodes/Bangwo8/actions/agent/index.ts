import type { INodeProperties } from 'n8n-workflow';

import type { IdParameter } from '../fields';
import { getRecord, listRecords } from '../operations';
import { describeResource } from '../../../shared/properties';

/** Bangwo8 agents (客服, `supports.json`): sId, name, email, mobile, groupId, isAdmin, isStat. */
const resource = 'agent';

const agentIdParameter: IdParameter = {
	name: 'agentId',
	displayName: 'Agent Name or ID',
	property: {
		displayName: 'Agent Name or ID',
		name: 'agentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
};

export const getMany = listRecords({
	resource,
	operation: 'getMany',
	endpoint: 'agentList',
	rootKey: 'supports',
});

/** ASSUMPTION: `supports/{id}.json` answering `{"support":{…}}` (endpoint marked guessed). */
export const get = getRecord({
	resource,
	operation: 'get',
	endpoint: 'agentGet',
	rootKeys: ['support', 'supports'],
	id: agentIdParameter,
});

export const operations = { get, getMany };

export const description: INodeProperties[] = describeResource(
	resource,
	[
		{
			name: 'Get',
			value: 'get',
			description: 'Get one agent by ID (sId)',
			action: 'Get an agent',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the agents (sId, name, email, mobile, group ID, admin flag), e.g. to find an assignee',
			action: 'Get many agents',
		},
	],
	Object.values(operations),
);
