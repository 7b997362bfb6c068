import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationOption, RunScope } from '../../../shared/router';
import { agentProperty } from './common';
import { createAdditionalFields, createTicket, requiredCreateProperties } from './create';

export const option: OperationOption = { name: 'Create as Agent', description: 'Create a ticket in the name of an agent, optionally assigned and with a status and priority', action: 'Create a ticket as an agent' };

export const properties: INodeProperties[] = [
	...requiredCreateProperties,
	agentProperty('create_agentid', 'Created By Name or ID', 'Agent in whose name the ticket is created. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.', true),
	createAdditionalFields(true),
];

/** save_agent_ticket: a ticket filed by an agent, optionally assigned, with status and priority. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	return await createTicket(this, itemIndex, run, { endpoint: 'ticketCreateAsAgent', asAgent: true });
}
