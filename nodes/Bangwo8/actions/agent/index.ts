import type { IdParameter } from '../fields';
import { getRecord, listRecords } from '../operations';
import { describeResource } from '../../../shared/properties';

/** Bangwo8 agents (客服, `supports.json`): sId, name, email, mobile, groupId, isAdmin, isStat. */

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

export const operations = {
	/** ASSUMPTION: `supports/{id}.json` answering `{"support":{…}}` (endpoint marked guessed). */
	get: getRecord({
		option: { name: 'Get', description: 'Get one agent by ID (sId)', action: 'Get an agent' },
		endpoint: 'agentGet',
		rootKeys: ['support', 'supports'],
		id: agentIdParameter,
	}),
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List the agents (sId, name, email, mobile, group ID, admin flag), e.g. to find an assignee',
			action: 'Get many agents',
		},
		endpoint: 'agentList',
		rootKey: 'supports',
	}),
};

export const description = describeResource('agent', operations);
