import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { deleteById, labelGroupIdProperty } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Delete', description: 'Delete a label group and its labels', action: 'Delete a label group' };

export const properties: INodeProperties[] = [labelGroupIdProperty];

/** 2.5 label_group/remove: deletes the group and its labels. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await deleteById(this, itemIndex, { idParameter: 'labelGroupId', label: 'Label Group', endpoint: 'labelGroupDelete' });
}
