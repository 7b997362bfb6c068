import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as agent from './actions/agent';
import * as chat from './actions/chat';
import * as company from './actions/company';
import * as contact from './actions/contact';
import * as contactField from './actions/contactField';
import * as customerGroup from './actions/customerGroup';
import { router } from './actions/router';
import * as ticket from './actions/ticket';
import { searchChats, searchCompanies, searchContacts, searchCustomerGroups, searchTickets } from './methods/listSearch';
import { getAgents, getCustomerGroups, getCustomFields, getTicketFields, getTicketTemplates } from './methods/loadOptions';
import { BANGWO8_AUTHENTICATION, BANGWO8_CREDENTIALS } from './transport/authentication';

import { requestTimeoutProperty } from '../shared/properties';
export class Bangwo8 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8',
		name: 'bangwo8',
		icon: { light: 'file:bangwo8.svg', dark: 'file:bangwo8.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on by default for read operations (version 1 keeps the raw answer).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts, companies, customer groups, tickets and agents, and read chats with their ratings, in Bangwo8 (帮我吧)',
		defaults: { name: 'Bangwo8' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: BANGWO8_CREDENTIALS,
		properties: [
			BANGWO8_AUTHENTICATION,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact Field', value: 'contactField' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Ticket', value: 'ticket' },
				],
				default: 'contact',
			},
			...contact.description,
			...company.description,
			...customerGroup.description,
			...contactField.description,
			...ticket.description,
			...agent.description,
			...chat.description,
			requestTimeoutProperty('Bangwo8'),
		],
	};

	methods = {
		loadOptions: { getAgents, getCustomerGroups, getCustomFields, getTicketFields, getTicketTemplates },
		listSearch: { searchChats, searchCompanies, searchContacts, searchCustomerGroups, searchTickets },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
