import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { isCalendarDate } from './paths';
import { isBlank } from './values';

/** A date or date-time without an offset, e.g. `2024-05-01T08:00:00` or `2024-05-01 08:00`. */
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;

/** One formatter per zone: building one costs far more than formatting with it. Pure cache, no state. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Offset (ms) of `timeZone` from UTC at the instant `utcMs`. Throws a RangeError for a zone Intl
 * does not know (and for '').
 */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	const parts = formatter.formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * One time policy for both vendors: a date the user picks (n8n's date pickers give wall-clock
 * times without an offset) is read in the workflow's time zone; a value with an offset, from an
 * expression, is exact. Sobot then gets Unix seconds, Bangwo8 the day it is in China.
 */

/**
 * A date picked in the UI as Unix seconds. n8n's date pickers give wall-clock times without an
 * offset, meant in the workflow's time zone; a value with an offset (from an expression) is exact.
 */
export function toUnixSeconds(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const raw = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (/^\d{9,11}$/.test(raw)) return Number(raw);
	const wallClock = WALL_CLOCK.exec(raw);
	if (!wallClock) {
		const ms = Date.parse(raw);
		const day = /^\d{4}-\d{2}-\d{2}/.exec(raw)?.[0];
		if (Number.isNaN(ms) || (day !== undefined && !isCalendarDate(day))) {
			throw new NodeOperationError(context.getNode(), `"${label}" is not a valid date: ${raw}`, { itemIndex });
		}
		return Math.floor(ms / 1000);
	}
	const asUtc = Date.parse(`${wallClock[1]}T${wallClock[2] ?? '00:00:00'}Z`);
	if (Number.isNaN(asUtc) || !isCalendarDate(wallClock[1])) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a valid date: ${raw}`, { itemIndex });
	}
	let timeZone = context.getTimezone() || 'UTC';
	try {
		zoneOffsetMs(asUtc, timeZone);
	} catch {
		timeZone = 'UTC';
	}
	return Math.floor(wallClockInstant(asUtc, (utcMs) => zoneOffsetMs(utcMs, timeZone)) / 1000);
}

/**
 * China Standard Time (UTC+8, no daylight saving), in which both Chinese vendors are taken to
 * write their zone-less times ('YYYY-MM-DD HH:mm:ss') and Bangwo8 counts days. The seeds do not
 * say so; if a real account shows otherwise, this constant is the one place to change. Bangwo8
 * is China-only and always uses it; a Sobot account has its own zone (the credential's Account
 * Time Zone, nodes/Sobot/transport/timeZone.ts), China's by default.
 */
export const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The IANA name of China Standard Time. Read as the fixed {@link CHINA_OFFSET_MS} (see {@link vendorOffsetMs}). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * A zone's offset is the same for long stretches: it is remembered per zone and quarter hour
 * when the offset at the quarter hour's first and last second agree (a list of 10,000 records of
 * one day then costs a few hundred Intl calls, not 30,000). A quarter hour holding a change of
 * offset is never remembered: its instants are computed one by one. Bounded; a pure cache,
 * holding nothing of any execution. An unknown zone throws (as {@link zoneOffsetMs}) and is not
 * remembered.
 */
const QUARTER_HOUR_MS = 900_000;
const OFFSET_MEMO_SIZE = 10_000;
const offsetMemo = new Map<string, number>();

/** {@link zoneOffsetMs}, remembered per zone and quarter hour. */
export function cachedZoneOffsetMs(utcMs: number, timeZone: string): number {
	const quarter = Math.floor(utcMs / QUARTER_HOUR_MS);
	const key = `${timeZone}|${quarter}`;
	const known = offsetMemo.get(key);
	if (known !== undefined) return known;
	const first = zoneOffsetMs(quarter * QUARTER_HOUR_MS, timeZone);
	const last = zoneOffsetMs((quarter + 1) * QUARTER_HOUR_MS - 1, timeZone);
	if (first !== last) return zoneOffsetMs(utcMs, timeZone);
	if (offsetMemo.size >= OFFSET_MEMO_SIZE) offsetMemo.clear();
	offsetMemo.set(key, first);
	return first;
}

/**
 * Offset (ms) from UTC at `utcMs` of the zone a vendor account writes its times in. China
 * ({@link CHINA_TIME_ZONE}) is the fixed UTC+8 (no daylight saving since 1991): no Intl call, and
 * the same answers as before accounts had a zone. Any other zone is Intl's, daylight saving
 * included. Throws a RangeError for a zone Intl does not know (check it first: `sobotTimeZone`).
 */
export function vendorOffsetMs(utcMs: number, timeZone: string): number {
	return timeZone === CHINA_TIME_ZONE ? CHINA_OFFSET_MS : cachedZoneOffsetMs(utcMs, timeZone);
}

/**
 * The instant (ms) a wall clock means in a zone, the wall clock given as if it were UTC
 * (`Date.UTC` of its fields). The zone's offset is subtracted, then checked again at the resulting
 * instant, so a time just after a daylight-saving change is right. A time that does not exist
 * (skipped by the change) or exists twice (repeated) gets the offset in force before the change.
 */
function wallClockInstant(asUtc: number, offsetAt: (utcMs: number) => number): number {
	const first = asUtc - offsetAt(asUtc);
	return asUtc - offsetAt(first);
}

/** An instant as the vendors write times: `YYYY-MM-DD HH:mm:ss` in `timeZone` (such texts sort by time). */
export function vendorWallClock(ms: number, timeZone: string): string {
	const iso = new Date(ms + vendorOffsetMs(ms, timeZone)).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function vendorDay(ms: number, timeZone: string): string {
	return new Date(ms + vendorOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/** An instant as both vendors write times: `YYYY-MM-DD HH:mm:ss` in China time (such texts sort by time). */
export function chinaWallClock(ms: number): string {
	return vendorWallClock(ms, CHINA_TIME_ZONE);
}

/** The China calendar day (`YYYY-MM-DD`) of an instant. */
export function chinaDay(ms: number): string {
	return vendorDay(ms, CHINA_TIME_ZONE);
}

/**
 * The China-time day (`YYYY-MM-DD`) of a date the user gave, for Bangwo8's whole-day filters. A
 * bare day is taken as it is; a date-time is read as {@link toUnixSeconds} reads it, so
 * `2024-03-01T23:30:00-05:00` is 2024-03-02 in China.
 */
export function toChinaDay(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const raw = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
		if (!isCalendarDate(raw)) {
			throw new NodeOperationError(context.getNode(), `"${label}" is not a valid date: ${raw}`, { itemIndex });
		}
		return raw;
	}
	const seconds = toUnixSeconds(context, raw, label, itemIndex);
	return chinaDay(seconds * 1000);
}

// ------------------------------------------------------------------ times the vendors send

/** Above this a Unix time is taken to be milliseconds (1e11 seconds is the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11;

const DIGITS = /^\d{1,13}(?:\.\d+)?$/;
/** A date-time without an offset: `2021-07-14 05:00:00`, `2021-07-14T05:00`, with optional fraction. */
const VENDOR_WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
/** An ISO date-time with an offset or Z (exact already; re-rendered in the zone). */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ZERO_DATE = /^0000-00-00(?:[ T]00:00(?::00)?)?$/;

/**
 * A `YYYY-MM-DD HH:mm:ss` text read in `timeZone` → ms; undefined when it is not a real
 * date-time. Throws a RangeError for a zone Intl does not know.
 */
function readWallClock(text: string, timeZone: string): number | undefined {
	const match = VENDOR_WALL_CLOCK.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s = '0', frac = '0'] = match;
	const fields = [+y, +mo - 1, +d, +h, +mi, +s, +frac.padEnd(3, '0')] as const;
	const asUtc = Date.UTC(...fields);
	const check = new Date(asUtc);
	// Date.UTC rolls 2021-02-30 over to March: only a date that survives the round trip is real.
	if (check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2]) return undefined;
	if (fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return undefined;
	return wallClockInstant(asUtc, (utcMs) => vendorOffsetMs(utcMs, timeZone));
}

/**
 * The instant a vendor time means, in ms: Unix seconds or ms (number or digit text; by size),
 * `YYYY-MM-DD HH:mm[:ss]` in the account's zone `timeZone` (China time unless given: Bangwo8,
 * and a Sobot account by default), or an ISO date-time with an offset. `null` for "not set" (0,
 * blank, the zero date); undefined when it is none of these (the caller keeps it). Throws a
 * RangeError for a zone Intl does not know (only a zone-less text needs the zone).
 */
export function readVendorTime(value: unknown, timeZone: string = CHINA_TIME_ZONE): number | null | undefined {
	if (value === null || isBlank(value)) return null;
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && DIGITS.test(value.trim())) number = Number(value.trim());
	if (number !== undefined) {
		if (!Number.isFinite(number) || number < 0) return undefined;
		if (number === 0) return null;
		return Math.round(number >= MILLISECONDS_THRESHOLD ? number : number * 1000);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (ZERO_DATE.test(text)) return null;
	const wall = readWallClock(text, timeZone);
	if (wall !== undefined) return wall;
	if (WITH_OFFSET.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : ms;
	}
	return undefined;
}
