import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { sobotLocator } from '../../helpers/locators';
import {
	checkMaxLength,
	checkName,
	getPickedId,
	requireUpdateFields,
	SOBOT_NAME_MAX_LENGTH,
} from '../../helpers/validation';

export const labelGroupIdProperty: INodeProperties = sobotLocator({
	name: 'labelGroupId',
	displayName: 'Label Group',
	thing: 'label group',
	searchListMethod: 'searchLabelGroups',
	required: true,
	description: 'The label group, picked from the list (type to filter by name) or given by ID',
});

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: `At most ${SOBOT_NAME_MAX_LENGTH} characters`,
};

/** The optional fields of label_group/save and label_group/update, `name` too when `withName`. */
export function labelGroupFields(withName: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Allow Multiple Choice',
			name: 'is_multiple_choice',
			type: 'boolean',
			default: false,
			description: 'Whether a customer may carry several labels of this group',
		},
		{
			displayName: 'Color',
			name: 'color_value',
			type: 'color',
			default: '#76A6F1',
			description: 'Colour of the group, e.g. #345454',
		},
		...(withName ? [{ ...nameProperty, required: false }] : []),
	];
}

/**
 * Turns label or label-group fields into the API's: names checked (non-empty, at most 30
 * characters), `is_multiple_choice` as 0/1, `param_name` at most 30 characters.
 */
export function toApiFields(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'name') body.name = checkName(context, value, 'Name', itemIndex);
		else if (key === 'is_multiple_choice') body.is_multiple_choice = value === true || value === 1 || value === '1' ? 1 : 0;
		else if (key === 'param_name') body.param_name = checkMaxLength(context, String(value).trim(), 'Parameter Name', SOBOT_NAME_MAX_LENGTH, itemIndex);
		else if (value !== '' && value !== undefined && value !== null) body[key] = value;
	}
	return body;
}

interface ByIdOptions {
	idParameter: string;
	label: string;
	endpoint: 'labelGroupUpdate' | 'labelUpdate' | 'labelGroupDelete' | 'labelDelete';
}

/** label_group/update and label/update: the id in the body with the fields to change. */
export async function updateById(context: IExecuteFunctions, itemIndex: number, { idParameter, label, endpoint }: ByIdOptions) {
	const id = getPickedId(context, idParameter, label, itemIndex);
	const body = toApiFields(context, context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	requireUpdateFields(context, body, itemIndex);
	await sobotApiRequest.call(context, endpoint, { body: { id, ...body }, itemIndex });
	return { success: true, id, ...body };
}

/**
 * label_group/remove and label/remove: the id in the path (as the curls have it) and in the query
 * (as the parameter tables have it).
 */
export async function deleteById(context: IExecuteFunctions, itemIndex: number, { idParameter, label, endpoint }: ByIdOptions) {
	const id = getPickedId(context, idParameter, label, itemIndex);
	await sobotApiRequest.call(context, endpoint, { pathParams: { id }, qs: { id }, itemIndex });
	return { success: true, id };
}
