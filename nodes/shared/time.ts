import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { isCalendarDate } from './paths';

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
	// Wall clock → instant: subtract the zone's offset, checked again at the resulting instant.
	const first = asUtc - zoneOffsetMs(asUtc, timeZone);
	return Math.floor((asUtc - zoneOffsetMs(first, timeZone)) / 1000);
}

/** Bangwo8 counts days in China time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

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
	return new Date(seconds * 1000 + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
