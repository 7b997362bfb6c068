import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as contact from './actions/contact';
import { router } from './actions/router';

export class Bangwo8 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8',
		name: 'bangwo8',
		icon: { light: 'file:bangwo8.svg', dark: 'file:bangwo8.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts, companies, customer groups and tickets in Bangwo8 (帮我吧)',
		defaults: { name: 'Bangwo8' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'bangwo8OAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'bangwo8BasicAuthApi', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (SecretID and Secret)', value: 'oAuth2' },
					{ name: 'Basic Auth (Account and Password)', value: 'basicAuth' },
				],
				default: 'oAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact', value: 'contact' }],
				default: 'contact',
			},
			...contact.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
