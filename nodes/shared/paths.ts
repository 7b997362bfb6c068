/** Fills `{name}` path parameters, URL-encoded; a missing or empty one is a programming error. */
export function fillPath(path: string, pathParams: Record<string, string | number> = {}): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = pathParams[name];
		if (value === undefined || String(value) === '') {
			throw new Error(`Missing path parameter "${name}" for ${path}`);
		}
		return encodeURIComponent(String(value));
	});
}

/** No vendor issues a longer id (Sobot's are 32 hex characters, Bangwo8's are numbers). */
export const MAX_ID_LENGTH = 64;

/**
 * Whether `yyyy-mm-dd` names a day that exists: `Date.parse` rolls 2024-02-30 over to March 1st
 * instead of refusing it.
 */
export function isCalendarDate(day: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return false;
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const parsed = new Date(Date.UTC(year, month - 1, date));
	return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

/**
 * The entries of an id list typed as text, for both vendors alike: separated by commas (or, within
 * a part, by spaces), trimmed. A trailing comma is allowed; an empty entry between two commas
 * ("1,,2") is kept as '' so the caller refuses it instead of guessing.
 */
export function splitIdText(text: string): string[] {
	const parts = text.split(',');
	if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
	return parts.flatMap((part) => (part.trim() === '' ? [''] : part.trim().split(/\s+/)));
}
