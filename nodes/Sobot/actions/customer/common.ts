import type { IDataObject } from 'n8n-workflow';

/**
 * Sobot returns custom field values in `ex_field_str`, a JSON-encoded string. Keep it as it came
 * and add the parsed array as `ex_fields`, so workflows can use the values without parsing.
 */
export function withParsedExtendedFields(record: IDataObject): IDataObject {
	const raw = record.ex_field_str;
	if (typeof raw !== 'string' || raw.trim() === '') return record;
	try {
		const parsed: unknown = JSON.parse(raw);
		return Array.isArray(parsed) ? { ...record, ex_fields: parsed as IDataObject[] } : record;
	} catch {
		return record;
	}
}
