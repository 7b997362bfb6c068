import type { IDataObject } from 'n8n-workflow';

/**
 * Reading Sobot's CRM push (seed 002, section 4): `{"sys_code":"50","type":"crm","content":[…]}`.
 * Liberal in what it accepts — the body as parsed JSON, as a JSON string or only as raw bytes
 * (when the sender's content type made n8n skip parsing), and `content` as an array, a single
 * object or a JSON string — but a body that is not JSON, has no `content` or is not of type `crm`
 * is refused.
 */

export type PushEvent = 'customerSaved' | 'customerMerged';

/** msg_type → event. The seed shows msg_type 0 for both new and updated customers. */
const EVENT_BY_MSG_TYPE: Record<string, PushEvent> = {
	'0': 'customerSaved',
	'1': 'customerMerged',
};

export const EXPECTED_SHAPE = '{"sys_code":"50","type":"crm","content":[…]}';

export type PushReadResult = { entries: IDataObject[] } | { error: string };

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

/** The push envelope, from whichever form the request body reached the node in. */
function readEnvelope(body: unknown, rawBody: unknown): IDataObject | string {
	let text: string | undefined;
	if (isPlainObject(body) && Object.keys(body).length > 0) return body;
	if (typeof body === 'string' && body.trim() !== '') text = body;
	else if (Buffer.isBuffer(rawBody) && rawBody.length > 0) text = rawBody.toString('utf8');
	else if (typeof rawBody === 'string' && rawBody.trim() !== '') text = rawBody;
	if (text === undefined) return `The request body is empty; Sobot's CRM push sends ${EXPECTED_SHAPE}`;
	const parsed = parseJson(text);
	if (!parsed) return `The request body is not valid JSON; Sobot's CRM push sends ${EXPECTED_SHAPE}`;
	if (!isPlainObject(parsed.value)) return `The request body must be a JSON object like ${EXPECTED_SHAPE}`;
	return parsed.value;
}

/** `content` as a list of customer entries. */
function readContent(content: unknown): IDataObject[] | string {
	let value = content;
	if (typeof value === 'string') {
		if (value.trim() === '') return 'The push has an empty "content"';
		const parsed = parseJson(value);
		if (!parsed) return 'The push\'s "content" is a string but not valid JSON';
		value = parsed.value;
	}
	if (isPlainObject(value)) return [value];
	if (!Array.isArray(value)) return 'The push\'s "content" must be a list of customers';
	const notObject = value.findIndex((entry) => !isPlainObject(entry));
	if (notObject !== -1) return `The push's "content" entry ${notObject} is not an object`;
	return value as IDataObject[];
}

/** Validates a push and returns its customer entries, or why it was refused. */
export function readPush(body: unknown, rawBody: unknown): PushReadResult {
	const envelope = readEnvelope(body, rawBody);
	if (typeof envelope === 'string') return { error: envelope };
	const type = typeof envelope.type === 'string' ? envelope.type.trim() : envelope.type;
	if (type !== 'crm') {
		return {
			error: `The push's "type" must be "crm" (got ${type === undefined ? 'none' : JSON.stringify(type)})`,
		};
	}
	if (envelope.content === undefined || envelope.content === null) {
		return { error: `The push has no "content"; Sobot's CRM push sends ${EXPECTED_SHAPE}` };
	}
	const entries = readContent(envelope.content);
	return typeof entries === 'string' ? { error: entries } : { entries };
}

/** The event an entry reports, or undefined for a msg_type the seed does not document. */
export function eventOf(entry: IDataObject): PushEvent | undefined {
	const msgType = entry.msg_type;
	if (typeof msgType !== 'string' && typeof msgType !== 'number') return undefined;
	return EVENT_BY_MSG_TYPE[String(msgType).trim()];
}
