import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['stage'], operation: ['getMany'] } }, properties);

/** 3.5.1: the follow-up stages, in Sobot's order. The endpoint is not paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { returnAll, limit } = getListOptions(this, itemIndex);
	const stages = sobotRecords(await sobotApiRequest.call(this, 'stageList', { itemIndex }));
	return returnAll ? stages : stages.slice(0, limit);
}
