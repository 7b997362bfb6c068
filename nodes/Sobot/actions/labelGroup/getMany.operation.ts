import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { getListOptions, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { simplifyLabelGroup } from '../../simplify';

export const option: OperationOption = { name: 'Get Many', description: 'List label groups', action: 'Get many label groups' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyLabelGroup;

export const properties: INodeProperties[] = [...returnAllOrLimit({ paged: true })];

/** 2.4 label_group/list, paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await sobotApiRequestAllItems.call(this, 'labelGroupList', getListOptions(this, itemIndex), { itemIndex });
}
