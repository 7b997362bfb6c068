import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A dropdown value. Sobot wants names next to ids (an agent's name and department, a stage's
 * name, a region's name); the dropdowns store only the id, and the operation looks the names up
 * when it runs (once per node run, see `RunScope`), so a renamed agent or a workflow copied to
 * another account never sends stale names.
 *
 * Workflows saved before 1.0 may hold the old form, a JSON object `{"id":"…","name":"…"}`: it
 * keeps working, and only its id is used.
 *
 * Parameters that became resource locators hold `{ __rl, mode, value }`; a workflow saved while
 * they were dropdowns still holds the plain id (or the old JSON form), and both are read alike.
 */
export interface Choice {
	id: string;
	/** Filled by the lookup. */
	name?: string;
	/** Agents only, filled by the lookup: the `|`-separated id path of the agent's department. */
	department?: string;
}

/** A dropdown value as a {@link Choice}; `undefined` when empty. */
export function decodeChoice(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): Choice | undefined {
	if (isLocatorValue(value)) return decodeChoice(context, value.value, label, itemIndex);
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
	// The names saved with an old-form value may be stale: only the id is kept.
	return { id: String(id).trim() };
}

/** A resource locator's value as n8n stores it: `{ __rl: true, mode, value }`. */
export function isLocatorValue(value: unknown): value is { mode: string; value: unknown } {
	return !!value && typeof value === 'object' && !Array.isArray(value) && 'mode' in value && 'value' in value;
}

/** Just the id of a dropdown or locator value (JSON or plain), for places that cannot report errors. */
export function decodeChoiceValue(value: unknown): string {
	if (isLocatorValue(value)) return decodeChoiceValue(value.value);
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text.startsWith('{')) return text;
	try {
		const parsed = JSON.parse(text) as IDataObject;
		return parsed?.id === undefined ? '' : String(parsed.id);
	} catch {
		return '';
	}
}
