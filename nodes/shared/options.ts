import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** An option of a fixed list: what the editor shows and what the vendor is sent. */
export interface NamedOption<T extends string | number = string | number> {
	name: string;
	value: T;
}

/** Names compared loosely: "Following Up", "following_up" and "FOLLOWING-UP" are one name. */
const nameKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The value to send for a fixed-list parameter: an option's value (as a number or text, e.g. from
 * an expression) or its name in any case — so a name Simplify gave back works as well as the code.
 * Anything else is refused, naming the parameter and every option.
 */
export function readNamedOption<T extends string | number>(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	options: Array<NamedOption<T>>,
	itemIndex: number,
): T {
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	const byValue = options.find((option) => String(option.value) === text);
	const byName = options.find((option) => text !== '' && nameKey(option.name) === nameKey(text));
	const option = byValue ?? byName;
	if (option) return option.value;
	throw new NodeOperationError(
		context.getNode(),
		`"${displayName}" must be one of ${options.map((entry) => `${entry.name} (${entry.value})`).join(', ')}; got "${text.slice(0, 40) || JSON.stringify(value)}"`,
		{ itemIndex },
	);
}
