import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Custom fields as both vendors take them in a create/update collection: a picker (a
 * `fixedCollection` of rows, like Zendesk's `customFieldsUi`) and a raw JSON alternative for
 * power users. What a row holds and what the JSON may look like is the vendor's; the parameter
 * names and the reading of the JSON text are the same for both.
 */
export const CUSTOM_FIELD_INPUTS = ['customFieldsUi', 'customFieldsJson'];

export function customFieldInputs({
	description,
	values,
	jsonDefault,
	jsonDescription,
}: {
	description?: string;
	/** The parameters of one picker row. */
	values: INodeProperties[];
	jsonDefault: string;
	jsonDescription: string;
}): INodeProperties[] {
	return [
		{
			displayName: 'Custom Fields',
			name: 'customFieldsUi',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			...(description === undefined ? {} : { description }),
			options: [{ displayName: 'Custom Field', name: 'customFieldValues', values }],
		},
		{
			displayName: 'Custom Fields (JSON)',
			name: 'customFieldsJson',
			type: 'json',
			default: jsonDefault,
			description: jsonDescription,
		},
	];
}

/** The rows of the picker in a collection's values (none when it was not added). */
export function customFieldRows(fields: IDataObject): IDataObject[] {
	return ((fields.customFieldsUi as IDataObject | undefined)?.customFieldValues ?? []) as IDataObject[];
}

/**
 * The value of a `json` parameter: n8n hands over the text as typed, or the value itself when an
 * expression produced one. An empty text gives undefined; a text that is not JSON throws what
 * `invalid` makes of the parser's reason.
 */
export function parseJsonInput(raw: unknown, invalid: (reason: string) => Error): unknown {
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw invalid((error as Error).message);
	}
}
