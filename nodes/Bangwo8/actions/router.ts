import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as contact from './contact';
import { routeItems, type ResourceMap } from '../../shared/router';

export const resources: ResourceMap = {
	contact: { getMany: contact.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems(this, resources);
}
