import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { RunScope } from '../../../shared/router';
import { agentProperty } from './common';
import { createAdditionalFields, createTicket, requiredCreateProperties } from './create';

const properties: INodeProperties[] = [
	...requiredCreateProperties,
	agentProperty('create_agentid', 'Created By Name or ID', 'Agent in whose name the ticket is created. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.', true),
	createAdditionalFields(true),
];

export const description = updateDisplayOptions({ show: { resource: ['ticket'], operation: ['createAsAgent'] } }, properties);

/** save_agent_ticket: a ticket filed by an agent, optionally assigned, with status and priority. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	return await createTicket(this, itemIndex, run, true);
}
