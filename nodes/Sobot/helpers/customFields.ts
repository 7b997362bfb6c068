import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { fail } from './validation';
import { CUSTOM_FIELD_INPUTS, customFieldInputs, customFieldRows, parseJsonInput } from '../../shared/customFields';

/**
 * Sobot custom fields (`ex_field_str`): a JSON-encoded STRING holding an array of
 * `{ fieldid | field_params, field_value }`. Multi-value fields (checkboxes, cascades) take their
 * option values joined with commas.
 */
export const customFieldProperties = customFieldInputs({
	description: 'Values of Sobot custom fields, sent as ex_field_str',
	values: [
		{
			displayName: 'Identify Field By',
			name: 'matchBy',
			type: 'options',
			default: 'fieldid',
			description:
				'Every custom field has an ID; dropdown fields also have a parameter name set in Sobot, which stays the same across Sobot accounts',
			options: [
				{ name: 'Field ID', value: 'fieldid' },
				{ name: 'Parameter Name (Dropdown Fields)', value: 'field_params' },
			],
		},
		{
			displayName: 'Field Name or ID',
			name: 'fieldid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomFields' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			displayOptions: { show: { matchBy: ['fieldid'] } },
		},
		{
			displayName: 'Field Parameter Name or ID',
			name: 'field_params',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCustomFieldParams' },
			default: '',
			description:
				'Parameter name of a dropdown field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { matchBy: ['field_params'] } },
		},
		{
			displayName: 'Option Names or IDs',
			name: 'options',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getCustomFieldOptions', loadOptionsDependsOn: ['&fieldid', '&field_params', '&matchBy'] },
			default: [],
			description:
				'For dropdown and checkbox fields: the options to set (used instead of Value when any is picked). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Value',
			name: 'field_value',
			type: 'string',
			default: '',
			description:
				'For text, number and date fields, the value. For choice fields, option values also work here: several separated by commas, or a list from an expression.',
		},
	],
	jsonDefault: '[]',
	jsonDescription:
		'For power users: the ex_field_str array as JSON, e.g. [{"fieldid":"…","field_value":"…"}]. Added to the Custom Fields above.',
});

const JSON_EXAMPLE = 'Example: [{"fieldid":"…","field_value":"…"}]';

function valueText(value: unknown): string {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter((entry) => entry !== '').join(',');
	return value === undefined || value === null ? '' : String(value);
}

function fromUi(context: IExecuteFunctions, rows: IDataObject[], itemIndex: number): IDataObject[] {
	return rows.map((row, position) => {
		const key = row.matchBy === 'field_params' ? 'field_params' : 'fieldid';
		const id = valueText(row[key]).trim();
		if (id === '') fail(context, itemIndex, `Custom field ${position + 1} has no field chosen`);
		const options = valueText(row.options);
		return { [key]: id, field_value: options === '' ? valueText(row.field_value) : options };
	});
}

function fromJson(context: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject[] {
	const parsed = parseJsonInput(
		raw,
		(reason) =>
			new NodeOperationError(context.getNode(), '"Custom Fields (JSON)" is not valid JSON', { itemIndex, description: reason }),
	);
	if (parsed === undefined || parsed === null) return [];
	if (!Array.isArray(parsed)) fail(context, itemIndex, '"Custom Fields (JSON)" must be an array', JSON_EXAMPLE);
	return parsed.map((entry: unknown, position) => {
		const field = entry as IDataObject;
		if (!field || typeof field !== 'object' || Array.isArray(field) || (!field.fieldid && !field.field_params)) {
			fail(
				context,
				itemIndex,
				`"Custom Fields (JSON)" entry ${position + 1} needs a "fieldid" or a "field_params"`,
				JSON_EXAMPLE,
			);
		}
		return { ...field, field_value: valueText(field.field_value) };
	});
}

/**
 * Takes the custom-field parameters out of a collection and returns the `ex_field_str` JSON string,
 * or undefined when none were given.
 */
export function takeExFieldStr(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): string | undefined {
	const entries = [...fromUi(context, customFieldRows(fields), itemIndex), ...fromJson(context, fields.customFieldsJson, itemIndex)];
	for (const name of CUSTOM_FIELD_INPUTS) delete fields[name];
	return entries.length > 0 ? JSON.stringify(entries) : undefined;
}
