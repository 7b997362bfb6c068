import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { deleteById, labelGroupIdProperty } from './fields';

const properties: INodeProperties[] = [labelGroupIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['labelGroup'], operation: ['delete'] } }, properties);

/** 2.5 label_group/remove: deletes the group and its labels. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await deleteById(this, itemIndex, { idParameter: 'labelGroupId', label: 'Label Group', endpoint: 'labelGroupDelete' });
}
