/**
 * Sobot Trigger: what becomes of each pushed entry (issue 18 items 4 and 7) — through n8n-core's
 * real WebhookContext. Prototype keys smuggled in a push never reach an item, entries of an
 * undocumented kind can be received as `other`, and an entry's own `event` field is kept.
 */
import type { IDataObject } from 'n8n-workflow';

import { SobotTrigger } from '../../nodes/SobotTrigger/SobotTrigger.node';
import { ACK, MERGED_CUSTOMER, NEW_CUSTOMER, crmPush, emitted, makeEngine, push } from './helpers';

const engine = makeEngine();

/** A body as n8n's JSON parser hands it over: `__proto__` is then an own key, not a prototype. */
const parsed = (json: string): unknown => JSON.parse(json);

const SMUGGLING_ENTRY =
	'{"msg_type":"0","userid":"u-1","__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},' +
	'"prototype":{"isAdmin":true},"profile":{"city":"北京","__proto__":{"isAdmin":true},"tags":[{"__proto__":{"isAdmin":true},"name":"vip"}]},' +
	'"extend_field_values":[{"fieldid":"f1","field_value":"x","__proto__":{"isAdmin":true}}]}';

/** Every object in the item: built from own keys, with Object.prototype, no unsafe key, nothing inherited. */
function expectClean(value: unknown): void {
	if (typeof value !== 'object' || value === null) return;
	expect(Object.getPrototypeOf(value)).toBe(Array.isArray(value) ? Array.prototype : Object.prototype);
	expect((value as IDataObject).isAdmin).toBeUndefined();
	for (const key of ['__proto__', 'constructor', 'prototype']) {
		expect(Object.prototype.hasOwnProperty.call(value, key)).toBe(false);
	}
	for (const child of Object.values(value)) expectClean(child);
}

describe('prototype keys in a push never reach the items', () => {
	afterEach(() => {
		// Nothing leaked into every object either.
		expect(({} as IDataObject).isAdmin).toBeUndefined();
	});

	test.each([
		['a parsed JSON body', (entry: string) => parsed(`{"sys_code":"50","type":"crm","content":[${entry}]}`), {}],
		['content as a JSON string', (entry: string) => ({ sys_code: '50', type: 'crm', content: `[${entry}]` }), {}],
		[
			'a body n8n did not parse (raw bytes)',
			() => ({}),
			{ headers: { 'content-type': 'text/plain' }, body: {} },
		],
	] as const)('%s: $json.isAdmin stays undefined, at every depth, Simplify off and on', async (_name, body, request) => {
		const raw = `{"sys_code":"50","type":"crm","content":[${SMUGGLING_ENTRY}]}`;
		for (const simplify of [false, true]) {
			const result = await push(engine, body(SMUGGLING_ENTRY), {
				parameters: { simplify },
				request: { ...request, ...('headers' in request ? { rawBody: raw } : {}) },
			});
			expect(result.response).toMatchObject({ status: 200, body: ACK });
			const [json] = emitted(result);
			expectClean(json);
			expect(json.isAdmin).toBeUndefined();
			expect(Object.keys(json)).toEqual(['event', 'msg_type', 'userid', 'profile', 'extend_field_values']);
			expect(json.profile).toEqual({ city: '北京', tags: [{ name: 'vip' }] });
			expect(json.extend_field_values).toEqual([{ fieldid: 'f1', field_value: 'x' }]);
		}
	});

	test('Simplify: extend_field_values sent as a JSON string with __proto__ inside', async () => {
		const fields = '[{"fieldid":"f1","field_value":"x","__proto__":{"isAdmin":true}}]';
		const result = await push(engine, crmPush([{ msg_type: '0', userid: 'u-2', extend_field_values: fields }]), {
			parameters: { simplify: true },
		});
		const [json] = emitted(result);
		expectClean(json);
		expect(json.extend_field_values).toEqual([{ fieldid: 'f1', field_value: 'x' }]);
	});
});

describe('entries of a kind Sobot does not document', () => {
	const { msg_type: _omitted, ...withoutType } = NEW_CUSTOMER;
	void _omitted;
	const unknownType = { ...MERGED_CUSTOMER, msg_type: '7', userid: 'u-7' };

	test('"Other" offers entries with a missing or unknown msg_type, as event "other", every field kept', async () => {
		const result = await push(engine, crmPush([unknownType, NEW_CUSTOMER, withoutType]), {
			parameters: { events: ['customerSaved', 'other'] },
		});
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(result)).toEqual([
			{ event: 'other', ...unknownType },
			{ event: 'customerSaved', ...NEW_CUSTOMER },
			{ event: 'other', ...withoutType },
		]);
		expect(result.workflowData?.[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('only "Other" selected: documented entries are acknowledged and dropped', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER, unknownType]), { parameters: { events: ['other'] } });
		expect(emitted(result).map((json) => [json.event, json.userid])).toEqual([['other', 'u-7']]);
	});

	test('"Other" is offered but not selected by default (workflows saved with the default keep their behaviour)', () => {
		const events = new SobotTrigger().description.properties.find((property) => property.name === 'events');
		expect(events?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual([
			'customerMerged',
			'customerSaved',
			'other',
		]);
		expect(events?.default).toEqual(['customerMerged', 'customerSaved']);
	});
});

describe("an entry's own event field", () => {
	test('is kept as sobot_event; event is the trigger\'s', async () => {
		const result = await push(engine, crmPush([{ ...NEW_CUSTOMER, event: 'user.updated' }]));
		const [json] = emitted(result);
		expect(json).toEqual({ event: 'customerSaved', ...NEW_CUSTOMER, sobot_event: 'user.updated' });
		expect(Object.keys(json)[0]).toBe('event');
	});

	test('with Simplify, and when sobot_event is taken too', async () => {
		const result = await push(engine, crmPush([{ ...MERGED_CUSTOMER, event: 'merge', sobot_event: 'taken' }]), {
			parameters: { simplify: true },
		});
		const [json] = emitted(result);
		expect(json).toMatchObject({ event: 'customerMerged', sobot_event: 'taken', sobot_sobot_event: 'merge', msg_type: 1 });
	});
});
