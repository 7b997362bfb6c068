import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { listWithFilters } from '../../helpers/operations';
import { decodeChoiceValue } from '../../helpers/choices';
import { checkId } from '../../helpers/validation';
import { getListOptions } from '../../../shared/pagination';
import { labelGroupIdProperty } from '../labelGroup/fields';
import type { OperationOption } from '../../../shared/router';
import { simplifyLabel } from '../../simplify';

export const option: OperationOption = { name: 'Get Many', description: 'List labels', action: 'Get many labels' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyLabel;

export const properties: INodeProperties[] = [
	...listWithFilters([
		{
			...labelGroupIdProperty,
			name: 'groupid',
			required: false,
			description: 'Only labels of this group, picked from the list or given by ID',
		},
	]),
];

/** 2.8 label/list, paged, optionally for one group (`groupid`). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const groupid = decodeChoiceValue(filters.groupid);
	if (groupid !== '') qs.groupid = checkId(this, groupid, 'Label Group', itemIndex);
	return await sobotApiRequestAllItems.call(this, 'labelList', getListOptions(this, itemIndex), { qs, itemIndex });
}
