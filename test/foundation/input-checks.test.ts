/**
 * Input refused before any request, the same way for both vendors: limits that are not whole
 * numbers ≥ 1, days that do not exist, and (Bangwo8) a custom field given as one element of the
 * array form without its brackets.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { FakeServer } from '../fakes/base';
import type { CredentialRef, Engine } from '../harness/engine';
import { BANGWO8_NODE, SOBOT_NODE } from '../support/package';
import { startBangwo8, startSobot, type VendorBed } from '../support/vendors';

interface Vendor {
	name: string;
	start(): Promise<VendorBed<FakeServer>>;
	type: string;
	list: INodeParameters;
	/** A list filtered by a day, with the given value. */
	dateFilter(day: string): INodeParameters;
	dateLabel: string;
}

const VENDORS: Vendor[] = [
	{
		name: 'Sobot',
		start: startSobot,
		type: SOBOT_NODE,
		list: { resource: 'customer', operation: 'getMany' },
		dateFilter: (day) => ({ resource: 'customer', operation: 'getMany', returnAll: true, filters: { create_start_time: day } }),
		dateLabel: 'Created After',
	},
	{
		name: 'Bangwo8',
		start: startBangwo8,
		type: BANGWO8_NODE,
		list: { authentication: 'basicAuth', resource: 'contact', operation: 'getMany' },
		dateFilter: (day) => ({
			authentication: 'basicAuth',
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filters: { created_start: day },
		}),
		dateLabel: 'Created',
	},
];

describe.each(VENDORS)('$name: input refused before any request', (vendor) => {
	let fake: FakeServer;
	let engine: Engine;
	let credentials: Record<string, CredentialRef>;
	beforeEach(async () => ({ fake, engine, credentials } = await vendor.start()));
	afterEach(async () => await fake.stop());

	const run = async (parameters: INodeParameters) => await engine.runNode({ type: vendor.type, parameters, credentials });
	const businessRequests = () => fake.requests.filter((request) => !/get_token|token\.php/.test(request.path));

	it.each([0, -1, 1.5, '={{ "many" }}'])('a limit of %j', async (limit) => {
		const { error } = await run({ ...vendor.list, returnAll: false, limit });
		expect(error?.message).toMatch(/^"Limit" must be a whole number from 1, got /);
		expect(businessRequests()).toHaveLength(0);
	});

	it.each([0, 11, 2.5])('Parallel Requests of %j', async (parallelRequests) => {
		const { error } = await run({ ...vendor.list, returnAll: true, parallelRequests });
		expect(error?.message).toBe(`"Parallel Requests" must be a whole number from 1 to 10, got ${parallelRequests}`);
		expect(businessRequests()).toHaveLength(0);
	});

	it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01'])('a day that does not exist: %s', async (day) => {
		const { error } = await run(vendor.dateFilter(day));
		expect(error?.message).toContain('is not a valid date');
		expect(error?.message).toContain(day);
		expect(businessRequests()).toHaveLength(0);
	});

	it('a real leap day is accepted', async () => {
		const { error } = await run(vendor.dateFilter('2024-02-29'));
		expect(error).toBeUndefined();
	});
});

describe('Bangwo8 custom fields', () => {
	it('one element of the array form without brackets is that field, not fields named "key" and "value"', async () => {
		const { fake, engine, credentials } = await startBangwo8();
		try {
			const { error } = await engine.runNode({
				type: BANGWO8_NODE,
				parameters: {
					authentication: 'basicAuth',
					resource: 'contact',
					operation: 'create',
					name: '王伟',
					additionalFields: { customFieldsJson: '{"key":"field_2","value":"1"}' },
				},
				credentials,
			});
			expect(error).toBeUndefined();
			const [create] = fake.requestsTo('POST', '/api/v1/users.json');
			expect((create.body as { user: { custom_fields: unknown } }).user.custom_fields).toEqual([{ key: 'field_2', value: '1' }]);
		} finally {
			await fake.stop();
		}
	});
});
