import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as customer from './customer';
import * as stage from './stage';
import { routeItems, type ResourceMap } from '../../shared/router';

export const resources: ResourceMap = {
	customer: { getMany: customer.getMany },
	stage: { getMany: stage.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems(this, resources);
}
