import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { decodeChoices } from '../../helpers/choices';
import { agentChoices, completeChoices } from '../../helpers/lookups';
import { customerIdsProperty, readCustomerIds } from './fields';
import type { OperationOption, RunScope } from '../../../shared/router';

export const option: OperationOption = { name: 'Assign', description: 'Put one or more customers in the charge of agents', action: 'Assign customers to agents' };

export const properties: INodeProperties[] = [
	customerIdsProperty,
	{
		displayName: 'Agent Names or IDs',
		name: 'agents',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: [],
		description:
			'Agents to put in charge. Their names and departments are sent with them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Assignment Type',
		name: 'assign_biz_type',
		type: 'options',
		required: true,
		default: '1',
		options: [
			{ name: 'Assign a Customer To Be Assigned', value: '1' },
			{ name: 'Assign a Public Pool Customer', value: '2' },
			{ name: 'Claim a Public Pool Customer', value: '3' },
			{ name: 'Reassign One of My Customers', value: '4' },
			{ name: 'Change the Agent of a Customer Being Followed Up', value: '5' },
		],
		description: 'Which assignment this is, as Sobot distinguishes them (assign_biz_type)',
	},
];

/** 3.2.2 public_user/assign: one or many customers, one or many agents with name and department. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const ids = readCustomerIds(this, itemIndex);
	const picked = decodeChoices(this, this.getNodeParameter('agents', itemIndex, []), 'Agents', itemIndex);
	if (picked.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one agent under "Agents"', { itemIndex });
	const agents = await completeChoices(this, picked, {
		label: 'Agent',
		itemIndex,
		needsDepartment: true,
		load: async () => await run.once('agents', async () => await agentChoices(this, itemIndex)),
	});
	const body = {
		confirmids: ids.join(','),
		liable_list: agents.map((agent) => ({
			liable_serviceid: agent.id,
			liable_service_name: agent.name ?? '',
			liable_departmentid: agent.department ?? '',
		})),
		assign_biz_type: this.getNodeParameter('assign_biz_type', itemIndex) as string,
	};
	await sobotApiRequest.call(this, 'customerAssign', { body, itemIndex });
	return { success: true, customer_ids: ids, ...body };
}
