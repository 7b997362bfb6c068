import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as agent from './agent';
import * as customer from './customer';
import * as customerLabel from './customerLabel';
import * as customField from './customField';
import * as label from './label';
import * as labelGroup from './labelGroup';
import * as region from './region';
import * as source from './source';
import * as stage from './stage';
import * as ticket from './ticket';
import { routeItems, type ResourceMap } from '../../shared/router';

export const resources: ResourceMap = {
	customer: {
		addFollowUp: customer.addFollowUp,
		assign: customer.assign,
		create: customer.create,
		get: customer.get,
		getActivities: customer.getActivities,
		getMany: customer.getMany,
		recycle: customer.recycle,
		setStage: customer.setStage,
		update: customer.update,
	},
	customerLabel: { get: customerLabel.get, set: customerLabel.set },
	labelGroup: { create: labelGroup.create, delete: labelGroup.delete, getMany: labelGroup.getMany, update: labelGroup.update },
	label: { create: label.create, delete: label.delete, getMany: label.getMany, update: label.update },
	customField: { getMany: customField.getMany },
	stage: { getMany: stage.getMany },
	source: { getMany: source.getMany },
	agent: { getMany: agent.getMany },
	region: { getCities: region.getCities, getDistricts: region.getDistricts, getProvinces: region.getProvinces },
	ticket: {
		createAsAgent: ticket.createAsAgent,
		createForCustomer: ticket.createForCustomer,
		customerReply: ticket.customerReply,
		get: ticket.get,
		getMany: ticket.getMany,
		reply: ticket.reply,
		update: ticket.update,
		uploadAttachment: ticket.uploadAttachment,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems(this, resources);
}
