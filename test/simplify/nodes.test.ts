/**
 * Simplify in the nodes, run in n8n's engine: version 1 (workflows saved before Simplify existed)
 * keeps the raw answer unless Simplify is switched on; version 1.1 (new nodes) simplifies reads by
 * default, in the workflow's time zone, and the toggle gives the raw answer back.
 */
import { useBangwo8 } from '../bangwo8/setup';
import { useSobot } from '../sobot/helpers';

describe('Simplify in the Sobot node', () => {
	const bed = useSobot();
	afterEach(() => {
		bed.engine.timezone = undefined;
	});

	const getCustomer = async (parameters: Record<string, unknown>, typeVersion?: number) => {
		// 1714492800 = 2024-05-01 00:00 China time = 2024-04-30 12:00 in New York (EDT, -04:00)
		const customer = bed.fake.addCustomer({ nick: '王芳', crm_status: 3, sex: 2, create_time: 1714492800 });
		bed.engine.timezone = 'America/New_York';
		const result = await bed.run(
			{ resource: 'customer', operation: 'get', customerId: customer.id, ...parameters },
			{ typeVersion },
		);
		expect(result.error).toBeUndefined();
		return result.items.map((item) => item.json);
	};

	it('version 1.1: on by default — codes named, Unix seconds as ISO in the workflow zone', async () => {
		const [record] = await getCustomer({}, 1.1);
		expect(record).toMatchObject({ crmStatus: 'Following Up', sex: 'Female', createTime: '2024-04-30T12:00:00.000-04:00' });
	});

	it('version 1.1 with Simplify off, and version 1 by default: the raw answer', async () => {
		const [off] = await getCustomer({ simplify: false }, 1.1);
		const [v1] = await getCustomer({}, 1);
		// The detail answer carries its numbers as text (seed 002, 3.3.2).
		for (const record of [off, v1]) expect(record).toMatchObject({ crmStatus: '3', sex: '2', createTime: '1714492800' });
	});

	it('version 1 with Simplify switched on: simplified', async () => {
		const [record] = await getCustomer({ simplify: true }, 1);
		expect(record).toMatchObject({ crmStatus: 'Following Up', createTime: '2024-04-30T12:00:00.000-04:00' });
	});

	it('is not offered by writes: a create answers the same in both versions', async () => {
		const create = { resource: 'customer', operation: 'create', nick: '新客户', additionalFields: { sex: 1 } };
		const [v1] = (await bed.run(create, { typeVersion: 1 })).items.map((item) => item.json);
		const [v11] = (await bed.run(create, { typeVersion: 1.1 })).items.map((item) => item.json);
		expect(v1.sex).toBe(1);
		expect(v11.sex).toBe(1);
	});
});

describe('Simplify in the Bangwo8 node', () => {
	const t = useBangwo8('basicAuth');

	it('version 1.1: contacts with named state, China-time texts as ISO and custom fields as an object', async () => {
		t.fake.addUser({ name: '张伟', state: '1', createDT: '2024-05-01 08:30:00', custom_fields: [{ key: 'field_2', value: 'VIP' }] });
		t.engine.timezone = 'Asia/Shanghai';
		try {
			const simplified = await t.run('contact', 'getMany', { returnAll: true }, { typeVersion: 1.1 });
			expect(simplified.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ name: '张伟', state: 'Active', createDT: '2024-05-01T08:30:00.000+08:00', custom_fields: { field_2: 'VIP' } }),
			]);
			const raw = await t.run('contact', 'getMany', { returnAll: true }, { typeVersion: 1 });
			expect(raw.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ state: '1', createDT: '2024-05-01 08:30:00', custom_fields: [{ key: 'field_2', value: 'VIP' }] }),
			]);
		} finally {
			t.engine.timezone = undefined;
		}
	});
});
