import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as agent from './agent';
import * as contact from './contact';
import * as conversation from './conversation';
import * as customer from './customer';
import * as customerLabel from './customerLabel';
import * as customField from './customField';
import * as label from './label';
import * as labelGroup from './labelGroup';
import * as live from './live';
import * as region from './region';
import * as satisfaction from './satisfaction';
import * as source from './source';
import * as stage from './stage';
import * as statistics from './statistics';
import * as ticket from './ticket';
import { routeItems, type ResourceMap } from '../../shared/router';
import { accountTimeZone } from '../transport/timeZone';

/** Each resource's operations, by the `resource` value the editor stores. */
export const resources: ResourceMap = {
	agent: agent.operations,
	contact: contact.operations,
	conversation: conversation.operations,
	customField: customField.operations,
	customer: customer.operations,
	customerLabel: customerLabel.operations,
	label: label.operations,
	labelGroup: labelGroup.operations,
	live: live.operations,
	region: region.operations,
	satisfaction: satisfaction.operations,
	source: source.operations,
	stage: stage.operations,
	statistics: statistics.operations,
	ticket: ticket.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems(this, resources, { vendorTimeZone: accountTimeZone });
}
