import { unpagedListOperation } from '../../helpers/operations';
import { flattenAgentTree } from '../../helpers/lookups';
import { simplifyAgent } from '../../simplify';

/**
 * 3.7 user/user_list: the department tree (type 1 departments, type 2 agents in `sub_list`), or
 * with Flatten one item per agent carrying its department id, name, id path and names path.
 */
export const { option, properties, execute, simplify } = unpagedListOperation({
	option: { name: 'Get Many', description: 'List agents and their departments', action: 'Get many agents' },
	endpoint: 'agentList',
	simplify: simplifyAgent,
	properties: [
		{
			displayName: 'Flatten',
			name: 'flatten',
			type: 'boolean',
			default: true,
			description:
				'Whether to return one item per agent with its department names and path, instead of the department tree as Sobot gives it',
		},
	],
	transform: (records, context, itemIndex) =>
		context.getNodeParameter('flatten', itemIndex, true) ? flattenAgentTree(records) : records,
});
