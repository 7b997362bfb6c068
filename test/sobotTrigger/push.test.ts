/**
 * Sobot Trigger: CRM pushes (seed 002 §4) through n8n-core's real WebhookContext — events, the
 * event filter, the shapes `content` may take, malformed bodies, Simplify, a 1,000-customer push.
 */
import {
	ACK,
	MERGED_CUSTOMER,
	NEW_CUSTOMER,
	UPDATED_CUSTOMER,
	crmPush,
	emitted,
	makeEngine,
	push,
} from './helpers';

const engine = makeEngine();

describe('events', () => {
	test('a new customer (msg_type "0") starts the workflow as customerSaved, every field kept, answered 200 + ack', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER]));
		expect(result.response).toMatchObject({ status: 200, body: ACK, ended: true });
		expect(result.noWebhookResponse).toBe(true);
		expect(emitted(result)).toEqual([{ event: 'customerSaved', ...NEW_CUSTOMER }]);
		expect(Object.keys(emitted(result)[0])[0]).toBe('event');
	});

	test('an updated customer is also customerSaved (Sobot sends msg_type 0 for both)', async () => {
		const result = await push(engine, crmPush([UPDATED_CUSTOMER]));
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(result)).toEqual([{ event: 'customerSaved', ...UPDATED_CUSTOMER }]);
	});

	test('a merge (msg_type 1, numeric) starts the workflow as customerMerged', async () => {
		const result = await push(engine, crmPush([MERGED_CUSTOMER]));
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});

	test('a push holding several customers gives one item each, in order, each paired with its position', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER, MERGED_CUSTOMER, UPDATED_CUSTOMER]));
		expect(emitted(result).map((j) => [j.event, j.userid])).toEqual([
			['customerSaved', NEW_CUSTOMER.userid],
			['customerMerged', MERGED_CUSTOMER.userid],
			['customerSaved', UPDATED_CUSTOMER.userid],
		]);
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('the test URL ("Listen for test event", manual mode) behaves the same', async () => {
		const result = await push(engine, crmPush([MERGED_CUSTOMER]), { mode: 'manual' });
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(result)).toHaveLength(1);
	});
});

describe('event filter', () => {
	test('only customerMerged selected: saved entries are dropped, merged ones kept', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER, MERGED_CUSTOMER]), {
			parameters: { events: ['customerMerged'] },
		});
		expect(emitted(result).map((j) => j.event)).toEqual(['customerMerged']);
		expect(result.workflowData?.[0][0].pairedItem).toEqual({ item: 0 });
	});

	test('only customerSaved selected: a merge push is acknowledged and starts nothing', async () => {
		const result = await push(engine, crmPush([MERGED_CUSTOMER]), { parameters: { events: ['customerSaved'] } });
		expect(result.response).toMatchObject({ status: 200, body: ACK, ended: true });
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});

	test('an undocumented msg_type (or none) is acknowledged and starts nothing', async () => {
		const { msg_type: _omitted, ...withoutType } = NEW_CUSTOMER;
		void _omitted;
		const result = await push(engine, crmPush([{ ...NEW_CUSTOMER, msg_type: '7' }, withoutType]));
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(result.workflowData).toBeUndefined();
	});

	test('an empty content list is acknowledged and starts nothing', async () => {
		const result = await push(engine, crmPush([]));
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(result.workflowData).toBeUndefined();
	});
});

describe('liberal input', () => {
	test('content as a single object', async () => {
		const result = await push(engine, crmPush(MERGED_CUSTOMER));
		expect(result.response.status).toBe(200);
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});

	test('content as a JSON string of a list', async () => {
		const result = await push(engine, crmPush(JSON.stringify([NEW_CUSTOMER, MERGED_CUSTOMER])));
		expect(result.response.status).toBe(200);
		expect(emitted(result).map((j) => j.event)).toEqual(['customerSaved', 'customerMerged']);
		expect(emitted(result)[0]).toEqual({ event: 'customerSaved', ...NEW_CUSTOMER });
	});

	test('content as a JSON string of one object', async () => {
		const result = await push(engine, crmPush(JSON.stringify(MERGED_CUSTOMER)));
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});

	test('a body n8n did not parse (text/plain): read from the raw bytes', async () => {
		const raw = JSON.stringify(crmPush([MERGED_CUSTOMER]));
		const result = await push(engine, {}, { request: { headers: { 'content-type': 'text/plain' }, body: {}, rawBody: raw } });
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});

	test('a body that reached the node as a JSON string', async () => {
		const raw = JSON.stringify(crmPush([MERGED_CUSTOMER]));
		const result = await push(engine, raw, { request: { headers: { 'content-type': 'text/plain' } } });
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});

	test('a form-encoded push whose content is a JSON string', async () => {
		const form = { sys_code: '50', type: 'crm', content: JSON.stringify([MERGED_CUSTOMER]) };
		const result = await push(engine, form, {
			request: { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
		});
		expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
	});
});

describe('malformed pushes → 400 with a JSON error, nothing started', () => {
	const cases: Array<[string, Parameters<typeof push>[1], Parameters<typeof push>[2], RegExp]> = [
		['not JSON', {}, { request: { headers: { 'content-type': 'text/plain' }, body: {}, rawBody: 'userid=1&msg_type=0' } }, /not valid JSON/],
		['an empty body', {}, { request: { body: {}, rawBody: '' } }, /empty/],
		['a JSON list instead of an object', [MERGED_CUSTOMER], undefined, /must be a JSON object/],
		['no content', { sys_code: '50', type: 'crm' }, undefined, /no "content"/],
		['content null', { sys_code: '50', type: 'crm', content: null }, undefined, /no "content"/],
		['content a string that is not JSON', crmPush('not json'), undefined, /"content" is a string but not valid JSON/],
		['content a number', crmPush(42), undefined, /must be a list of customers/],
		['content entries that are not objects', crmPush([MERGED_CUSTOMER, 'x']), undefined, /entry 1 is not an object/],
		['a wrong type', { sys_code: '50', type: 'im', content: [MERGED_CUSTOMER] }, undefined, /"type" must be "crm" \(got "im"\)/],
		['no type', { sys_code: '50', content: [MERGED_CUSTOMER] }, undefined, /"type" must be "crm" \(got none\)/],
	];

	test.each(cases)('%s', async (_name, body, options, message) => {
		const result = await push(engine, body, options);
		expect(result.response.status).toBe(400);
		expect(result.response.headers['content-type']).toBe('application/json');
		expect(result.response.body).toEqual({ code: 400, message: expect.stringMatching(message) });
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});
});

describe('simplify', () => {
	test('off (default): values exactly as Sobot sent them', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER]));
		const [json] = emitted(result);
		expect(json.update_datetime).toBe('1631821183');
		expect(json.extend_field_values).toBe('');
		expect(json.wx_build_unionId).toBe('');
		expect(json).not.toHaveProperty('wx_build_unionid');
	});

	test('on: times → ISO, documented integers → numbers, blanks → null, extend_field_values → list, one union-id spelling', async () => {
		const result = await push(engine, crmPush([NEW_CUSTOMER, UPDATED_CUSTOMER, MERGED_CUSTOMER]), {
			parameters: { simplify: true },
		});
		const [created, updated, merged] = emitted(result);
		expect(created).toMatchObject({
			event: 'customerSaved',
			update_datetime: '2021-09-16T19:39:43.000Z',
			create_datetime: '2021-09-16T19:39:43.000Z',
			datetime: '2021-09-16T19:39:43.000Z',
			black_endtime: null,
			create_type: 1,
			crm_status: 3,
			msg_type: 0,
			status: 8,
			sex: 0,
			update_type: null,
			black_type: null,
			is_black: null,
			user_status: null,
			bizid_type: null,
			biz_operator_type: null,
			stage_type: '',
			extend_field_values: [],
			wx_build_unionid: '',
			// strings that are not documented as integers stay strings
			user_tels: '',
			qq: '',
			userid: NEW_CUSTOMER.userid,
		});
		expect(created).not.toHaveProperty('wx_build_unionId');
		// every original field is still there (one spelling of the union id)
		expect(Object.keys(created).sort()).toEqual(
			['event', ...Object.keys(NEW_CUSTOMER).filter((k) => k !== 'wx_build_unionId'), 'wx_build_unionid'].sort(),
		);
		expect(updated).toMatchObject({
			update_datetime: '2021-02-25T03:12:36.000Z',
			sex: 2,
			update_type: 1,
			qq: '13344445555',
			extend_field_values: UPDATED_CUSTOMER.extend_field_values,
		});
		expect(merged).toEqual({
			event: 'customerMerged',
			companyid: MERGED_CUSTOMER.companyid,
			datetime: '2021-02-25T03:02:57.000Z',
			biz_operatorid: MERGED_CUSTOMER.biz_operatorid,
			msg_type: 1,
			biz_operator_name: MERGED_CUSTOMER.biz_operator_name,
			userid: MERGED_CUSTOMER.userid,
			merged_userid: MERGED_CUSTOMER.merged_userid,
		});
	});

	test('on: the union id is kept whichever spelling carries it; extend_field_values as a JSON string is parsed', async () => {
		const fields = [{ field_value: 'x', field_type: '1', fieldid: 'f1' }];
		const result = await push(
			engine,
			crmPush([
				{ msg_type: '0', wx_build_unionId: 'UNION-A' },
				{ msg_type: '0', wx_build_unionid: 'UNION-B', wx_build_unionId: '' },
				{ msg_type: '0', wx_build_unionid: '', wx_build_unionId: 'UNION-C' },
				{ msg_type: '0', extend_field_values: JSON.stringify(fields), black_endtime: '1700000000000' },
			]),
			{ parameters: { simplify: true } },
		);
		const out = emitted(result);
		expect(out.slice(0, 3).map((j) => j.wx_build_unionid)).toEqual(['UNION-A', 'UNION-B', 'UNION-C']);
		out.slice(0, 3).forEach((j) => expect(j).not.toHaveProperty('wx_build_unionId'));
		expect(out[3].extend_field_values).toEqual(fields);
		// a millisecond timestamp is recognised as such
		expect(out[3].black_endtime).toBe('2023-11-14T22:13:20.000Z');
	});
});

describe('volume', () => {
	test('a 1,000-customer push becomes 1,000 items in one execution', async () => {
		const content = Array.from({ length: 1000 }, (_, i) => ({
			...UPDATED_CUSTOMER,
			userid: `customer-${i}`,
			msg_type: i % 10 === 0 ? 1 : '0',
		}));
		const result = await push(engine, crmPush(content));
		expect(result.response).toMatchObject({ status: 200, body: ACK });
		expect(result.workflowData).toHaveLength(1);
		const items = result.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1000);
		expect(items.map((i) => i.json.userid)).toEqual(content.map((c) => c.userid));
		expect(items.filter((i) => i.json.event === 'customerMerged')).toHaveLength(100);
		expect(items[999].pairedItem).toEqual({ item: 999 });
	});
});
