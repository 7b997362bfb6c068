import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as customer from './actions/customer';
import { router } from './actions/router';
import * as stage from './actions/stage';

export class Sobot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot',
		name: 'sobot',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, labels and follow-ups in Sobot (智齿) SCRM',
		defaults: { name: 'Sobot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sobotApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Stage', value: 'stage' },
				],
				default: 'customer',
			},
			...customer.description,
			...stage.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
