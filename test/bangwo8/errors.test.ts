import { describeFieldOptions } from '../../nodes/Bangwo8/actions/fields';
import { AUTHENTICATIONS, CLIENT_SECRET, PASSWORD, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 node errors and items with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	const expectNoSecret = (value: unknown) => {
		const text = JSON.stringify(value);
		expect(text).not.toContain(PASSWORD);
		expect(text).not.toContain(CLIENT_SECRET);
	};

	it('one request and one or more items per input item, each paired with it', async () => {
		const users = t.fake.seedUsers(3);
		const items = users.map((user) => ({ id: user.cId }));
		const result = await t.run('contact', 'get', { contactId: '={{ $json.id }}' }, { items });
		const output = outputOf(result, [0, 1, 2]);
		expect(output.map((user) => user.userId)).toEqual(users.map((user) => user.cId));
		const lists = await t.run(
			'contact',
			'getByIds',
			{ ids: '={{ $json.ids }}' },
			{
				items: [{ ids: `${users[0].cId},${users[1].cId}` }, { ids: users[2].cId }],
			},
		);
		expect(outputOf(lists, [0, 0, 1]).map((user) => user.cId)).toEqual(users.map((user) => user.cId));
	});

	it('continueOnFail: a bad item and a vendor error become { error } paired with their input; the others go on', async () => {
		const users = t.fake.seedUsers(2);
		const items = [{ id: users[0].cId }, { id: 'not-an-id' }, { id: '999999' }, { id: users[1].cId }];
		const result = await t.run('contact', 'get', { contactId: '={{ $json.id }}' }, { items, continueOnFail: true });
		const output = outputOf(result, [0, 1, 2, 3]);
		expect(output[0].userId).toBe(users[0].cId);
		expect(output[1]).toEqual({
			error: '"Contact" must be a numeric ID, got "not-an-id"',
		});
		expect(output[2]).toEqual({ error: 'Bangwo8 100004: Record not found' });
		expect(output[3].userId).toBe(users[1].cId);
		// The invalid item never reached Bangwo8.
		expect(t.fake.requestsTo('GET', /^\/api\/v1\/users\/.*\.json$/).map((request) => request.path)).toEqual([
			`/api/v1/users/${users[0].cId}.json`,
			'/api/v1/users/999999.json',
			`/api/v1/users/${users[1].cId}.json`,
		]);
	});

	it('without continueOnFail the first failing item stops the node, naming the item', async () => {
		const items = [{ id: '1' }, { id: 'x' }];
		t.fake.addUser({ cId: '1' });
		const { error } = await t.run('contact', 'get', { contactId: '={{ $json.id }}' }, { items });
		expect(error?.message).toBe('"Contact" must be a numeric ID, got "x"');
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});

	it('a 401 names the vendor code and leaks no secret', async () => {
		t.fake.failNext(5, {
			status: 401,
			body: { errcode: '100001', errmsg: 'Invalid token' },
		});
		const { error } = await t.run('contactField', 'getMany', {
			returnAll: true,
		});
		expect(error?.message).toBe('Bangwo8 100001: Invalid token');
		expect(error?.description).toBe('HTTP 401: authentication failed: check the credential');
		expectNoSecret(error);
	});

	it('a 404 with errcode 100047 names the code and its meaning', async () => {
		t.fake.failNext(1, {
			status: 404,
			body: { errcode: '100047', errmsg: 'Invalid resource URI' },
		});
		const { error } = await t.run('company', 'delete', {
			companyId: { __rl: true, mode: 'id', value: '5' },
		});
		expect(error?.message).toBe('Bangwo8 100047: Invalid resource URI');
		expect(error?.description).toBe('HTTP 404: the resource does not exist');
	});

	it('a 500 on an update is reported at once, not re-sent', async () => {
		const user = t.fake.addUser({ name: 'A' });
		t.fake.failNext(1, {
			status: 500,
			body: { errcode: '100500', errmsg: 'Internal error' },
		});
		const { error } = await t.run('contact', 'update', {
			contactId: user.cId,
			updateFields: { name: 'B' },
		});
		expect(error?.message).toBe('Bangwo8 100500: Internal error');
		expect(t.fake.requestsTo('PUT', `/api/v1/users/${user.cId}.json`)).toHaveLength(1);
		expect(t.fake.users.get(user.cId)?.name).toBe('A');
		expectNoSecret(error);
	});

	it('a 500 on a read is retried, then reported with continueOnFail as an error item', async () => {
		t.fake.failNext(10, {
			status: 500,
			body: { errcode: '100500', errmsg: 'Internal error' },
		});
		const result = await t.run('ticket', 'getMany', { returnAll: true }, { continueOnFail: true });
		expect(outputOf(result)).toEqual([{ error: 'Bangwo8 100500: Internal error' }]);
		expect(t.fake.requestsTo('GET', '/api/v1/tickets.json')).toHaveLength(4);
	});

	it('a create still failing after its retries made at most one record', async () => {
		const body = { errcode: '100500', errmsg: 'Internal error' };
		t.fake.failNext(1, { status: 500, body, afterHandling: true });
		t.fake.failNext(9, { status: 500, body });
		const { error } = await t.run('company', 'create', { companyName: 'A' });
		expect(error?.message).toBe('Bangwo8 100500: Internal error');
		const posts = t.fake.requestsTo('POST', '/api/v1/companies.json');
		expect(posts).toHaveLength(4);
		expect(new Set(posts.map((post) => post.headers.requestid)).size).toBe(1);
		expect(t.fake.companies.size).toBe(1);
	});
});

describe('custom field option text', () => {
	it('lists a dropdown field\'s options as "name (value)"', () => {
		expect(
			describeFieldOptions([
				{ id: '1', name: '否', value: '0' },
				{ id: '2', name: '是', value: '1' },
			]),
		).toBe('Options: 否 (0), 是 (1)');
		expect(describeFieldOptions([])).toBeUndefined();
	});
});

describe('Bangwo8 that cannot be reached', () => {
	it('names the URL it tried and says to check the Base URL (Basic Auth on a closed port)', async () => {
		const { createServer } = await import('node:net');
		// A port that was free a moment ago: nothing listens on it, so the connection is refused.
		const port = await new Promise<number>((resolve) => {
			const server = createServer().listen(0, '127.0.0.1', () => {
				const address = server.address() as { port: number };
				server.close(() => resolve(address.port));
			});
		});
		const { CredentialStore } = await import('../harness/engine');
		const { BANGWO8_NODE, createEngine } = await import('../support/package');
		const store = new CredentialStore();
		const credential = store.add('bangwo8BasicAuthApi', { baseUrl: `http://127.0.0.1:${port}/api/v1`, account: 'a', password: PASSWORD });
		const result = await createEngine(store).runNode({
			type: BANGWO8_NODE,
			parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'get', contactId: '1' },
			credentials: { bangwo8BasicAuthApi: credential },
		});
		expect(result.error?.message).toBe(
			`Bangwo8: could not reach http://127.0.0.1:${port}/api/v1 (connection refused). Check the Base URL of the credential.`,
		);
		expect(JSON.stringify(result.error)).not.toContain(PASSWORD);
	});
});
