import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as agent from './actions/agent';
import * as contact from './actions/contact';
import * as conversation from './actions/conversation';
import * as customer from './actions/customer';
import * as customerLabel from './actions/customerLabel';
import * as customField from './actions/customField';
import * as label from './actions/label';
import * as labelGroup from './actions/labelGroup';
import * as live from './actions/live';
import * as region from './actions/region';
import * as satisfaction from './actions/satisfaction';
import { router } from './actions/router';
import * as source from './actions/source';
import * as stage from './actions/stage';
import * as statistics from './actions/statistics';
import * as ticket from './actions/ticket';
import * as chatOptions from './methods/chatOptions';
import * as contactOptions from './methods/contactOptions';
import * as contactSearch from './methods/contactSearch';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import * as ticketOptions from './methods/ticketOptions';

import { requestTimeoutProperty } from '../shared/properties';
export class Sobot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot',
		name: 'sobot',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on by default for read operations (version 1 keeps the raw answer).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, labels and follow-ups in Sobot (智齿) SCRM, and tickets in its ticket centre',
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
					{ name: 'Agent', value: 'agent' },
					{ name: 'Contact (Customer Centre)', value: 'contact' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Label', value: 'customerLabel' },
					{ name: 'Label', value: 'label' },
					{ name: 'Label Group', value: 'labelGroup' },
					{ name: 'Live Chat', value: 'live' },
					{ name: 'Region', value: 'region' },
					{ name: 'Satisfaction', value: 'satisfaction' },
					{ name: 'Source', value: 'source' },
					{ name: 'Stage', value: 'stage' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'Ticket', value: 'ticket' },
				],
				default: 'customer',
			},
			...agent.description,
			...contact.description,
			...conversation.description,
			...customField.description,
			...customer.description,
			...customerLabel.description,
			...label.description,
			...labelGroup.description,
			...live.description,
			...region.description,
			...satisfaction.description,
			...source.description,
			...stage.description,
			...statistics.description,
			...ticket.description,
			requestTimeoutProperty('Sobot'),
		],
	};

	methods = { loadOptions: { ...loadOptions, ...ticketOptions, ...chatOptions, ...contactOptions }, listSearch: { ...listSearch, ...contactSearch } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
