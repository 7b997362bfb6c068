import * as addFollowUp from './addFollowUp.operation';
import * as assign from './assign.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getActivities from './getActivities.operation';
import * as getMany from './getMany.operation';
import * as recycle from './recycle.operation';
import * as setStage from './setStage.operation';
import * as update from './update.operation';
import { describeResource } from '../../../shared/properties';

export { addFollowUp, assign, create, get, getActivities, getMany, recycle, setStage, update };

export const description = describeResource(
	'customer',
	[
		{
			name: 'Add Follow-Up Record',
			value: 'addFollowUp',
			description: 'Add a follow-up record to a customer',
			action: 'Add a follow up record to a customer',
		},
		{
			name: 'Assign',
			value: 'assign',
			description: 'Put one or more customers in the charge of agents',
			action: 'Assign customers to agents',
		},
		{ name: 'Create', value: 'create', description: 'Create a customer', action: 'Create a customer' },
		{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
		{
			name: 'Get Activities',
			value: 'getActivities',
			description: "List a customer's activity and follow-up records",
			action: 'Get activities of a customer',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List customers matching filters',
			action: 'Get many customers',
		},
		{
			name: 'Recycle',
			value: 'recycle',
			description: 'Move one or more customers back to the public pool',
			action: 'Recycle customers to the public pool',
		},
		{
			name: 'Set Stage',
			value: 'setStage',
			description: 'Set the follow-up stage of a customer',
			action: 'Set the stage of a customer',
		},
		{ name: 'Update', value: 'update', description: 'Update a customer', action: 'Update a customer' },
	],
	[addFollowUp, assign, create, get, getActivities, getMany, recycle, setStage, update],
	'getMany',
);
