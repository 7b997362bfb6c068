import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';

const properties: INodeProperties[] = [...returnAllOrLimit({ paged: true })];

export const description = updateDisplayOptions({ show: { resource: ['labelGroup'], operation: ['getMany'] } }, properties);

/** 2.4 label_group/list, paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await sobotApiRequestAllItems.call(this, 'labelGroupList', getListOptions(this, itemIndex), { itemIndex });
}
