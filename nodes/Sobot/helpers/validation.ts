import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { decodeChoiceValue } from './choices';
import { MAX_ID_LENGTH, splitIdText } from '../../shared/paths';

/** Sobot ids are hex strings; accept letters, digits, `_` and `-`, nothing that could break a path or a list. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Sobot rejects label and label-group names longer than this (codes 510007/510008). */
export const SOBOT_NAME_MAX_LENGTH = 30;

/** Refuses the input of item `itemIndex` before any request; the message names the parameter. */
export function fail(context: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/** One id, trimmed; empty or malformed ids are refused before any request. */
export function checkId(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (id === '') fail(context, itemIndex, `"${label}" is empty`, 'Give the ID of the record, or map it from an earlier node.');
	if (!ID_PATTERN.test(id)) {
		fail(context, itemIndex, `"${label}" is not a valid ID: "${id}"`, 'IDs contain only letters, digits, "_" and "-".');
	}
	if (id.length > MAX_ID_LENGTH) fail(context, itemIndex, `"${label}" is longer than any Sobot ID (${id.length} characters)`);
	return id;
}

/** Reads a required id parameter (a text, or a resource locator's value: a plain text saved earlier reads alike). */
export function getIdParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	return checkId(context, context.getNodeParameter(name, itemIndex, '', { extractValue: true }), label, itemIndex);
}

/**
 * A list of ids given as an array or a comma-separated text (see `splitIdText`, the same rule as
 * Bangwo8's). Empty entries ("a,,b"), malformed ids and an empty list are refused; repeated ids
 * are sent once.
 */
export function checkIdList(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string[] {
	const entries = Array.isArray(value)
		? value.map((entry) => (typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry : ''))
		: typeof value === 'string' || typeof value === 'number'
			? String(value).trim() === ''
				? []
				: splitIdText(String(value))
			: [];
	const ids: string[] = [];
	entries.forEach((entry, position) => {
		const id = entry.trim();
		if (id === '') {
			fail(context, itemIndex, `"${label}" has an empty entry at position ${position + 1}`, 'Separate IDs with single commas.');
		}
		if (!ID_PATTERN.test(id)) fail(context, itemIndex, `"${label}" contains an invalid ID: "${id}"`, 'Separate IDs with commas.');
		if (id.length > MAX_ID_LENGTH) fail(context, itemIndex, `"${label}" contains an ID longer than any Sobot ID: "${id.slice(0, 20)}…"`);
		if (!ids.includes(id)) ids.push(id);
	});
	if (ids.length === 0) fail(context, itemIndex, `"${label}" is empty`, 'Give at least one ID.');
	return ids;
}

/** Label and label-group names: not empty, at most 30 characters (Sobot's 510005/510006/510007). */
export function checkName(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const name = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (name === '') fail(context, itemIndex, `"${label}" cannot be empty`);
	checkMaxLength(context, name, label, SOBOT_NAME_MAX_LENGTH, itemIndex);
	return name;
}

/** Refuses a text longer than `max` characters (counted as Sobot counts them: code points). */
export function checkMaxLength(context: IExecuteFunctions, value: string, label: string, max: number, itemIndex: number): string {
	const length = [...value].length;
	if (length > max) fail(context, itemIndex, `"${label}" is ${length} characters long; Sobot allows at most ${max}`);
	return value;
}

/** A required free text, trimmed, not empty. */
export function checkText(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (text === '') fail(context, itemIndex, `"${label}" cannot be empty`);
	return text;
}

/**
 * The id of a dropdown or resource-locator parameter (picked from the list, given by ID, or a
 * plain id saved before it became a locator), checked.
 */
export function getPickedId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return checkId(context, decodeChoiceValue(value), label, itemIndex);
}

/** An update with nothing to change is refused rather than sent empty. */
export function requireUpdateFields(context: IExecuteFunctions, body: IDataObject, itemIndex: number): void {
	if (Object.keys(body).length === 0) fail(context, itemIndex, 'Add at least one field under "Update Fields"');
}
