import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { fetchLabels } from '../../helpers/lookups';
import { getPickedId } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import { labelGroupIdProperty, nameProperty, toApiFields } from '../labelGroup/fields';
import { paramNameProperty } from './fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Create', description: 'Create a label in a group', action: 'Create a label' };

export const properties: INodeProperties[] = [
	nameProperty,
	{ ...labelGroupIdProperty, description: 'Group the label belongs to, picked from the list or given by ID' },
	collection('additionalFields', [paramNameProperty]),
];

/**
 * 2.6 label/save with `groupid` (the parameter table's spelling; the curl's `groupId` is a typo).
 * The documented answer carries no id, so the new label is looked up in its group by name.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const groupid = getPickedId(this, 'labelGroupId', 'Label Group', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields = toApiFields(this, { name: this.getNodeParameter('name', itemIndex, ''), ...additionalFields }, itemIndex);
	const body = { name: fields.name, groupid, ...fields };
	const response = await sobotApiRequest.call(this, 'labelCreate', { body, itemIndex });
	let id = typeof response.item === 'string' ? response.item : undefined;
	if (id === undefined) {
		const created = (await fetchLabels(this, groupid, itemIndex)).find((label) => label.name === body.name);
		id = created?.id === undefined ? undefined : String(created.id);
	}
	return { id, ...body };
}
