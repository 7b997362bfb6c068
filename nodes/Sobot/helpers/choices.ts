import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * Dropdown values that carry more than an id. Sobot wants names next to ids (an agent's name and
 * department, a stage's name, a region's name), so the options loaded from the API use a small
 * JSON object as their value: `{"id":"…","name":"…"}`. Picking from a list therefore costs no
 * extra request. A plain id (typed or mapped with an expression) is also accepted: the operation
 * then looks the name up with one request.
 */
export interface Choice {
	id: string;
	name?: string;
	/** Agents only: the `|`-separated id path of the agent's department, as assign wants it. */
	department?: string;
}

export function encodeChoice(choice: Choice): string {
	return JSON.stringify(choice);
}

/** A dropdown value as a {@link Choice}; `undefined` when empty. */
export function decodeChoice(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): Choice | undefined {
	if (value && typeof value === 'object' && !Array.isArray(value)) return fromObject(context, value as IDataObject, label, itemIndex);
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	if (!text.startsWith('{')) return { id: text };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new NodeOperationError(context.getNode(), `"${label}" is neither an ID nor a value picked from the list`, {
			itemIndex,
			description: `Got: ${text}`,
		});
	}
	return fromObject(context, parsed as IDataObject, label, itemIndex);
}

/** Several dropdown values (multi-select, an array or a comma-separated text of plain ids). */
export function decodeChoices(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): Choice[] {
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string' && !value.trim().startsWith('{')
			? value.split(',')
			: [value];
	const choices: Choice[] = [];
	for (const entry of entries) {
		const choice = decodeChoice(context, entry, label, itemIndex);
		if (choice && !choices.some((known) => known.id === choice.id)) choices.push(choice);
	}
	return choices;
}

function fromObject(context: IExecuteFunctions, object: IDataObject, label: string, itemIndex: number): Choice {
	const id = object?.id;
	if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
		throw new NodeOperationError(context.getNode(), `"${label}" has no ID`, { itemIndex });
	}
	const choice: Choice = { id: String(id).trim() };
	if (typeof object.name === 'string') choice.name = object.name;
	if (typeof object.department === 'string') choice.department = object.department;
	return choice;
}

/** Just the id of a dropdown value (JSON or plain), for places that cannot report errors. */
export function decodeChoiceValue(value: unknown): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text.startsWith('{')) return text;
	try {
		const parsed = JSON.parse(text) as IDataObject;
		return parsed?.id === undefined ? '' : String(parsed.id);
	} catch {
		return '';
	}
}
