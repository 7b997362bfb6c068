import type { IDataObject } from 'n8n-workflow';

import { tryParseJson } from '../../../shared/values';

/**
 * Sobot returns custom field values in `ex_field_str`, a JSON-encoded string. Keep it as it came
 * and add the parsed array as `ex_fields`, so workflows can use the values without parsing.
 */
export function withParsedExtendedFields(record: IDataObject): IDataObject {
	const raw = record.ex_field_str;
	if (typeof raw !== 'string' || raw.trim() === '') return record;
	const parsed = tryParseJson(raw);
	return Array.isArray(parsed?.value) ? { ...record, ex_fields: parsed.value as IDataObject[] } : record;
}
