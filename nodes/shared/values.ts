import type { IDataObject } from 'n8n-workflow';

/**
 * Keys that would change how JavaScript objects behave downstream (prototype pollution) rather
 * than carry data: dropped from everything a vendor or a push sends before it becomes an item.
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Nothing entered: undefined, null, blank text or an empty list. */
export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	return Array.isArray(value) && value.length === 0;
}

/** The fields of a collection without those left blank in the editor, so nothing empty is sent. */
export function withoutEmpty(fields: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (!isBlank(value)) result[key] = value;
	return result;
}

/** The value a JSON text encodes, or undefined when it is not JSON (the caller keeps the text). */
export function tryParseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}
