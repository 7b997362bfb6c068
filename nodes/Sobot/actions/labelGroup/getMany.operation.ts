import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Get Many', description: 'List label groups', action: 'Get many label groups' };

export const properties: INodeProperties[] = [...returnAllOrLimit({ paged: true })];

/** 2.4 label_group/list, paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await sobotApiRequestAllItems.call(this, 'labelGroupList', getListOptions(this, itemIndex), { itemIndex });
}
