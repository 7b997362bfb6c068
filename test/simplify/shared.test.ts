/**
 * The shared Simplify rules (nodes/shared/simplify.ts): times rendered as ISO 8601 in the
 * workflow's zone, codes named, flags as booleans, custom-field lists as objects, nothing thrown.
 * Expected strings were computed independently (Python zoneinfo), not by the code under test.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	entriesToObject,
	isoInZone,
	optionNames,
	safely,
	toFlag,
	toIsoTime,
	toName,
} from '../../nodes/shared/simplify';
import { readVendorTime } from '../../nodes/shared/time';

describe('times become ISO 8601 in the workflow time zone', () => {
	it.each([
		// Unix seconds (number and text), the customer sample of seed 002 §3.3.1 / §3.3.2
		[1629860308, 'Asia/Shanghai', '2021-08-25T10:58:28.000+08:00'],
		[1629860308, 'America/New_York', '2021-08-24T22:58:28.000-04:00'],
		['1632806109', 'Asia/Shanghai', '2021-09-28T13:15:09.000+08:00'],
		['1632806109', 'America/New_York', '2021-09-28T01:15:09.000-04:00'],
		// New York in winter is UTC-5
		['1636516394', 'America/New_York', '2021-11-09T22:53:14.000-05:00'],
		// Unix milliseconds (seed 002 §3.4.1 biz_time), kept to the millisecond
		[1621509568807, 'Asia/Shanghai', '2021-05-20T19:19:28.807+08:00'],
		[1621509568807, 'America/New_York', '2021-05-20T07:19:28.807-04:00'],
		['1621509568807', 'America/New_York', '2021-05-20T07:19:28.807-04:00'],
		// China wall-clock texts (Bangwo8 createDT, Sobot label create_time)
		['2017-10-16 13:59:01', 'Asia/Shanghai', '2017-10-16T13:59:01.000+08:00'],
		['2017-10-16 13:59:01', 'America/New_York', '2017-10-16T01:59:01.000-04:00'],
		['2023-01-01 09:00:00', 'America/New_York', '2022-12-31T20:00:00.000-05:00'],
		['2021-07-14T05:00', 'America/New_York', '2021-07-13T17:00:00.000-04:00'],
		// an ISO time with an offset is exact and is shown in the zone
		['2021-07-14T05:00:00+08:00', 'America/New_York', '2021-07-13T17:00:00.000-04:00'],
		['2021-07-13T21:00:00Z', 'Asia/Shanghai', '2021-07-14T05:00:00.000+08:00'],
		// a zone with a 45-minute offset
		[1629860308, 'Asia/Kathmandu', '2021-08-25T08:43:28.000+05:45'],
		// UTC, an empty zone and an unknown zone all give UTC
		[1629860308, 'UTC', '2021-08-25T02:58:28.000Z'],
		[1629860308, '', '2021-08-25T02:58:28.000Z'],
		[1629860308, 'Mars/Olympus_Mons', '2021-08-25T02:58:28.000Z'],
	])('%p in %s → %s', (value, zone, expected) => {
		expect(toIsoTime(value, zone)).toBe(expected);
	});

	it('follows daylight saving time across the switch (America/New_York, 2024-03-10)', () => {
		expect(isoInZone(1710053999000, 'America/New_York')).toBe('2024-03-10T01:59:59.000-05:00');
		expect(isoInZone(1710054000000, 'America/New_York')).toBe('2024-03-10T03:00:00.000-04:00');
	});

	it('is exact inside a quarter hour holding a change of offset (Africa/Monrovia, 1972-01-07 00:44:30 UTC)', () => {
		// Liberia moved from UTC-00:44:30 to UTC on 1972-01-07: the change is not on a quarter hour.
		const change = Date.UTC(1972, 0, 7, 0, 44, 30);
		expect(isoInZone(change, 'Africa/Monrovia')).toBe('1972-01-07T00:44:30.000Z');
		// One second earlier, in the same quarter hour: the old offset (rounded to minutes), the same instant.
		const before = isoInZone(change - 1000, 'Africa/Monrovia');
		expect(before).toMatch(/-00:44$/);
		expect(Date.parse(before)).toBe(change - 1000);
	});

	it('every rendering is the same instant as the vendor value', () => {
		for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
			expect(Date.parse(toIsoTime(1629860308, zone) as string)).toBe(1629860308000);
			expect(Date.parse(toIsoTime('2017-10-16 13:59:01', zone) as string)).toBe(Date.parse('2017-10-16T05:59:01Z'));
		}
	});

	it.each([
		[0, null],
		['0', null],
		['', null],
		['  ', null],
		[null, null],
		['0000-00-00', null],
		['0000-00-00 00:00:00', null],
	])('"not set" (%p) becomes null', (value, expected) => {
		expect(toIsoTime(value, 'Asia/Shanghai')).toBe(expected);
	});

	it.each([
		['2024-01-01'], // a bare day is ISO 8601 already
		['not a date'],
		['2021-02-30 10:00:00'], // no such day
		['2021-07-14 25:00:00'], // no such hour
		['2021-07-14 10:60:00'], // no such minute
		[-5],
		[Number.NaN],
		[true],
		[{ at: 1 }],
		[['1629860308']],
	])('what cannot be read (%p) is kept as it came', (value) => {
		expect(toIsoTime(value, 'Asia/Shanghai')).toEqual(value);
	});

	it('reads seconds and milliseconds by size', () => {
		expect(readVendorTime(1622018626)).toBe(1622018626000);
		expect(readVendorTime(1621509568807)).toBe(1621509568807);
	});
});

describe('codes, flags, option names', () => {
	const names = { '1': 'One', '3': 'Three' };

	it.each([
		[1, 'One'],
		['1', 'One'],
		[' 3 ', 'Three'],
		[2, 2], // undocumented: kept
		['x', 'x'],
		['', null],
		[null, null],
		[{ a: 1 }, { a: 1 }],
	])('toName(%p) → %p', (value, expected) => {
		expect(toName(value, names)).toEqual(expected);
	});

	it('does not take inherited properties for names', () => {
		expect(toName('toString', names)).toBe('toString');
		expect(toName('constructor', names)).toBe('constructor');
	});

	it.each([
		[1, true],
		['1', true],
		[0, false],
		['0', false],
		[true, true],
		[false, false],
		['', null],
		[2, 2],
		['yes', 'yes'],
	])('toFlag(%p) → %p', (value, expected) => {
		expect(toFlag(value)).toEqual(expected);
	});

	it('optionNames reads the options of the named parameter; an absent one gives no names', () => {
		const properties = [
			{ displayName: 'Sex', name: 'sex', type: 'options' as const, default: 1, options: [{ name: 'Male', value: 1 }, { name: 'Female', value: 2 }] },
		];
		expect(optionNames(properties, 'sex')).toEqual({ '1': 'Male', '2': 'Female' });
		expect(optionNames(properties, 'missing')).toEqual({});
	});
});

describe('custom-field lists as objects', () => {
	const byKey = (entry: IDataObject) => entry.key;
	const value = (entry: IDataObject) => entry.value;

	it('turns [{key, value}] into {key: value}; a repeated key keeps its last value', () => {
		expect(
			entriesToObject(
				[
					{ key: 'field_1', value: 'a' },
					{ key: 'field_2', value: '0' },
					{ key: 'field_1', value: 'b' },
				],
				byKey,
				value,
			),
		).toEqual({ field_1: 'b', field_2: '0' });
		expect(entriesToObject([], byKey, value)).toEqual({});
	});

	it.each([
		['not a list', 'field_1'],
		['an entry that is not an object', [{ key: 'field_1', value: 'a' }, 'field_2']],
		['an entry without a key', [{ key: 'field_1', value: 'a' }, { value: 'b' }]],
		['a blank key', [{ key: ' ', value: 'a' }]],
		['a key reaching the prototype', [{ key: '__proto__', value: { isAdmin: true } }]],
	])('gives up (the caller keeps the list) on %s', (_what, list) => {
		expect(entriesToObject(list, byKey, value)).toBeUndefined();
	});
});

describe('safely', () => {
	it('returns the record (a copy) when a simplifier throws, and passes non-objects through', () => {
		const broken = safely(() => {
			throw new Error('boom');
		});
		const record = { a: 1 };
		expect(broken(record, { timezone: 'UTC' })).toEqual(record);
		expect(broken(record, { timezone: 'UTC' })).not.toBe(record);
		expect(broken(null as unknown as IDataObject, { timezone: 'UTC' })).toBeNull();
	});
});
