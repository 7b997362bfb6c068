import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as agent from './agent';
import * as chat from './chat';
import * as company from './company';
import * as contact from './contact';
import * as contactField from './contactField';
import * as customerGroup from './customerGroup';
import * as ticket from './ticket';
import { routeItems, type ResourceMap } from '../../shared/router';

export const resources: ResourceMap = {
	contact: contact.operations,
	company: company.operations,
	customerGroup: customerGroup.operations,
	contactField: contactField.operations,
	ticket: ticket.operations,
	agent: agent.operations,
	chat: chat.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems(this, resources);
}
