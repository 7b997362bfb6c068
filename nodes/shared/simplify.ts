import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { cachedZoneOffsetMs, CHINA_TIME_ZONE, readVendorTime } from './time';
import { isBlank, tryParseJson, UNSAFE_KEYS } from './values';

/**
 * "Simplify" for the read operations of both action nodes: the record as the vendor sent it, with
 * friendlier values. The rules, the same for both vendors:
 *
 * - **Every field stays, under its own key.** A converted value replaces the vendor's value under
 *   the same key (`crm_status: 3` → `crm_status: "Following Up"`), so an expression written
 *   against the simplified output reads one shape; the one key added is `custom_fields` where a
 *   vendor sends custom fields only as a list or a JSON text (Sobot). A value is dropped only when
 *   it is pure noise: a JSON text that is also given parsed. The raw answer is the Simplify
 *   toggle away.
 * - **Times** become ISO 8601 strings with the offset of the workflow's time zone
 *   (`2021-08-25T10:58:28.000+08:00`). Unix seconds or milliseconds (numbers or digit strings) and
 *   `YYYY-MM-DD HH:mm:ss` texts, which Bangwo8 means in China time (nodes/shared/time.ts) and a
 *   Sobot account in its own zone (`vendorTimeZone`: the credential's Account Time Zone, China
 *   time by default), are read; a bare day (`YYYY-MM-DD`) already is ISO 8601 and stays. 0, a
 *   blank and the zero date `0000-00-00` mean "not set" and become null.
 * - **Codes** become English names where the vendor documents them; a code that is not
 *   documented keeps its raw value. Documented yes/no flags become booleans.
 * - **Nothing throws**: a value that cannot be read is kept as it came.
 *
 * Why the workflow's zone and not UTC: the time policy reads the dates a user picks in the
 * workflow's zone (time.ts), so the simplified output shows the same wall clock the user would
 * pick, as n8n's `$now` and Date & Time node do. The string carries its offset, so it is the exact
 * instant whatever the zone (`DateTime.fromISO`, `new Date` and n8n's date filters read it right).
 */

export interface SimplifyOptions {
	/** IANA time zone the times are rendered in: the workflow's (`this.getTimezone()`). Unknown or empty → UTC. */
	timezone: string;
	/**
	 * IANA time zone in which the vendor account writes its zone-less times (`YYYY-MM-DD
	 * HH:mm:ss`), for reading them: a Sobot account's Account Time Zone (checked by
	 * `accountTimeZone`). Absent → China time (Bangwo8, and the default of a Sobot account).
	 */
	vendorTimeZone?: string;
}

/** Simplifies one record of a read operation. Pure: never mutates `record`, never throws. */
export type Simplifier = (record: IDataObject, options: SimplifyOptions) => IDataObject;

// -------------------------------------------------------------------------------- time

/**
 * The zone's offset from UTC at `ms`, in whole minutes (remembered per quarter hour:
 * `cachedZoneOffsetMs`); 0 for a zone Intl does not know ('' and unknown zones: UTC).
 */
function offsetMinutes(ms: number, timeZone: string): number {
	try {
		return Math.round(cachedZoneOffsetMs(ms, timeZone) / 60_000);
	} catch {
		return 0;
	}
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `ms` as ISO 8601 in `timeZone`, milliseconds always shown, as Luxon's `toISO()` writes it. */
export function isoInZone(ms: number, timeZone: string): string {
	const offset = offsetMinutes(ms, typeof timeZone === 'string' ? timeZone : 'UTC');
	const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
	if (offset === 0) return `${wall}Z`;
	const sign = offset < 0 ? '-' : '+';
	return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * A vendor time as ISO 8601 in `timeZone`; null when not set; anything unreadable (a bare day
 * `YYYY-MM-DD` included, which is ISO 8601 already) unchanged. A zone-less text is read in
 * `vendorTimeZone` (the account's; China time unless given).
 */
export function toIsoTime(value: unknown, timeZone: string, vendorTimeZone: string = CHINA_TIME_ZONE): unknown {
	const ms = readVendorTime(value, vendorTimeZone);
	if (ms === null) return null;
	return ms === undefined ? value : isoInZone(ms, timeZone);
}

// -------------------------------------------------------------------------------- codes

export type CodeNames = Readonly<Record<string, string>>;

/** The documented name of a code (number or text, `3` and `"3"` alike); blank → null; unknown → as it came. */
export function toName(value: unknown, names: CodeNames): unknown {
	if (value === null || isBlank(value)) return null;
	if (typeof value !== 'number' && typeof value !== 'string') return value;
	const key = String(value).trim();
	return Object.prototype.hasOwnProperty.call(names, key) ? names[key] : value;
}

/** A documented yes/no flag (1/0, "1"/"0", true/false) as a boolean; blank → null; else as it came. */
export function toFlag(value: unknown): unknown {
	if (value === null || isBlank(value)) return null;
	if (typeof value === 'boolean') return value;
	const key = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	if (key === '1') return true;
	if (key === '0') return false;
	return value;
}

/** Code → name of a list of `{ name, value }` choices (the editor's options, Bangwo8's NamedNumber lists). */
export function namesOf(choices: ReadonlyArray<{ name: string; value: unknown }>): CodeNames {
	const names: Record<string, string> = {};
	for (const choice of choices) names[String(choice.value)] = choice.name;
	return names;
}

/**
 * Code → name of the options of the parameter `name` in a parameter list, so the names a user
 * picks from when writing are the names read back. Empty when the parameter is not there (a test
 * of each table catches that).
 */
export function optionNames(properties: readonly INodeProperties[], name: string): CodeNames {
	const property = properties.find((candidate) => candidate.name === name);
	const options = (property?.options ?? []) as Array<{ name: string; value?: unknown }>;
	return namesOf(options.flatMap((option) => ('value' in option ? [{ name: option.name, value: option.value }] : [])));
}

// -------------------------------------------------------------------------------- records

/** How one field is converted: with the options, for times. */
export type FieldRule = (value: unknown, options: SimplifyOptions) => unknown;

export const timeRule: FieldRule = (value, { timezone, vendorTimeZone }) => toIsoTime(value, timezone, vendorTimeZone);
export const flagRule: FieldRule = (value) => toFlag(value);
export function nameRule(names: CodeNames): FieldRule {
	return (value) => toName(value, names);
}

/** A copy of `record` with each field named in `rules` that it has converted. */
export function applyRules(record: IDataObject, rules: Readonly<Record<string, FieldRule>>, options: SimplifyOptions): IDataObject {
	const result: IDataObject = { ...record };
	for (const key of Object.keys(rules)) {
		if (Object.prototype.hasOwnProperty.call(result, key)) result[key] = rules[key](result[key], options) as IDataObject[string];
	}
	return result;
}

/** A copy of a list whose object entries pass through `simplify`; anything not a list unchanged. */
export function mapEntries(value: unknown, simplify: (entry: IDataObject) => IDataObject): unknown {
	if (!Array.isArray(value)) return value;
	return value.map((entry) => (isPlainObject(entry) ? simplify(entry) : entry));
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON text's value when it parses to an object or a list; anything else unchanged. */
export function parsedJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const parsed = tryParseJson(value);
	return parsed !== undefined && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : value;
}

/**
 * Custom-field entries (`[{key, value}]`, `[{fieldid, field_value}]`, …) as one object keyed by
 * field. Undefined — the caller keeps the list — when the value is not a list, or when an entry
 * is not an object or has no usable key: nothing is dropped. A repeated key keeps its last value.
 */
export function entriesToObject(
	value: unknown,
	keyOf: (entry: IDataObject) => unknown,
	valueOf: (entry: IDataObject) => unknown,
): IDataObject | undefined {
	if (!Array.isArray(value)) return undefined;
	const result: IDataObject = {};
	for (const entry of value) {
		if (!isPlainObject(entry)) return undefined;
		const key = keyOf(entry);
		if ((typeof key !== 'string' && typeof key !== 'number') || String(key).trim() === '') return undefined;
		if (UNSAFE_KEYS.has(String(key))) return undefined;
		const fieldValue = valueOf(entry);
		result[String(key)] = fieldValue === undefined ? null : (fieldValue as IDataObject[string]);
	}
	return result;
}

/**
 * Runs a simplifier so that nothing escapes: if it throws on input nobody foresaw, the record
 * comes back as it came (a copy). Every exported simplifier goes through this.
 */
export function safely(simplify: Simplifier): Simplifier {
	return (record, options) => {
		if (!isPlainObject(record)) return record;
		try {
			return simplify(record, options ?? { timezone: 'UTC' });
		} catch {
			return { ...record };
		}
	};
}
