import { createHash } from 'node:crypto';
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

/** JSON with object keys sorted, so the same record always gives the same text. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const object = value as Record<string, unknown>;
		return `{${Object.keys(object)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A digest of a record's content, whatever the order of its keys (base64 SHA-256): tells versions of a pushed record apart. */
export function recordDigest(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value), 'utf8').digest('base64');
}
