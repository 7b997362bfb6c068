import type { IDataObject } from 'n8n-workflow';

import { ownJson } from './payload';
import { isBlank } from '../shared/values';

/**
 * "Simplify": the push sends nearly every value as a string, times as Unix seconds, and
 * `extend_field_values` as a list or as `""`. Simplified entries keep every field but with
 * predictable types. Field lists are the content tables of seed 002, section 4.
 */

/** Documented as Unix seconds (`Long 时间(秒)`, `datetime String 数据时间(秒)`). */
const TIME_FIELDS = ['black_endtime', 'create_datetime', 'datetime', 'update_datetime'];

/** Documented as Integer / int. (`stage_type` is documented as String and stays one.) */
const INTEGER_FIELDS = [
	'biz_operator_type',
	'bizid_type',
	'black_type',
	'create_type',
	'crm_status',
	'is_black',
	'msg_type',
	'sex',
	'status',
	'update_type',
	'user_status',
];

/** Both spellings appear in the seed's examples; the field tables say `wx_build_unionid`. */
const UNION_ID = 'wx_build_unionid';
const UNION_ID_ALIAS = 'wx_build_unionId';

/** Above this a number is taken to be milliseconds (1e11 seconds is the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11;

function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return undefined;
}

/** Unix time → ISO string; empty or 0 ("not set") → null; anything else unchanged. */
export function toIsoTime(value: unknown): unknown {
	if (isBlank(value)) return null;
	const number = asNumber(value);
	if (number === undefined) return value;
	if (number <= 0) return null;
	return new Date(number >= MILLISECONDS_THRESHOLD ? number : number * 1000).toISOString();
}

/** Integer string → number; empty → null; anything else unchanged. */
export function toInteger(value: unknown): unknown {
	if (isBlank(value)) return null;
	const number = asNumber(value);
	return number === undefined || !Number.isInteger(number) ? value : number;
}

/** `extend_field_values` as a list: a list stays, `""`/null become `[]`, a JSON string is parsed. */
export function toFieldList(value: unknown): IDataObject[] {
	let list = value;
	if (typeof list === 'string' && list.trim() !== '') {
		try {
			list = ownJson(JSON.parse(list) as unknown);
		} catch {
			return [];
		}
	}
	if (Array.isArray(list)) return list as IDataObject[];
	if (typeof list === 'object' && list !== null) return [list as IDataObject];
	return [];
}

export function simplifyEntry(entry: IDataObject): IDataObject {
	const result: IDataObject = { ...entry };
	for (const field of TIME_FIELDS) {
		if (field in result) result[field] = toIsoTime(result[field]) as IDataObject[string];
	}
	for (const field of INTEGER_FIELDS) {
		if (field in result) result[field] = toInteger(result[field]) as IDataObject[string];
	}
	if ('extend_field_values' in result) result.extend_field_values = toFieldList(result.extend_field_values);
	if (UNION_ID_ALIAS in result) {
		const alias = result[UNION_ID_ALIAS];
		delete result[UNION_ID_ALIAS];
		if (isBlank(result[UNION_ID]) && (!isBlank(alias) || !(UNION_ID in result))) result[UNION_ID] = alias;
	}
	return result;
}
