/**
 * Time-outs and what may be re-sent: every request has a time-out (the node's Request Timeout);
 * reads and de-duplicated creates are retried after it, other writes are sent once and their
 * error says the write may have happened (Sobot has no idempotency key).
 */
import type { INodeParameters } from 'n8n-workflow';

import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
import { addBangwo8BasicCredential, addSobotCredential, BANGWO8_NODE, createEngine, SOBOT_NODE } from '../support/package';

const HANG_MS = 4000;
const TIMEOUT_S = 1;

describe('Sobot: time-outs and writes', () => {
	let fake: FakeSobot;
	let engine: Engine;
	let credential: CredentialRef;
	beforeEach(async () => {
		fake = new FakeSobot();
		await fake.start();
		const store = new CredentialStore();
		engine = createEngine(store);
		credential = addSobotCredential(store, fake);
	});
	afterEach(async () => await fake.stop());

	const run = async (parameters: INodeParameters) =>
		await engine.runNode({
			type: SOBOT_NODE,
			parameters: { requestTimeout: TIMEOUT_S, ...parameters },
			credentials: { sobotApi: credential },
		});
	const createGroup = { resource: 'labelGroup', operation: 'create', name: 'VIP' };
	const groupSaves = () => fake.requestsTo('POST', '/api/scrm/5/label_group/save');

	it('a read that hangs once is retried after the time-out and succeeds', async () => {
		fake.delayNext(1, HANG_MS);
		const started = Date.now();
		const { items, error } = await run({ resource: 'stage', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(fake.stages.length);
		expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_S * 1000);
		expect(Date.now() - started).toBeLessThan(HANG_MS);
	});

	it('a server that never answers ends the execution after the bounded retries, saying so', async () => {
		fake.delayNext(10, 60_000);
		const started = Date.now();
		const { error } = await run({ resource: 'stage', operation: 'getMany', returnAll: true });
		expect(error?.message).toBe('Sobot request failed (no answer in time)');
		expect(error?.description).toBe(
			"Sobot did not answer within 1 s; retried with backoff. Raise the node's Request Timeout if Sobot is slow.",
		);
		expect(fake.requestsTo('GET', '/api/scrm/5/user_stage/query_list_by_type')).toHaveLength(4);
		expect(Date.now() - started).toBeLessThan(4 * TIMEOUT_S * 1000 + 3000);
	}, 20_000);

	it('a create that gets no answer is sent once and the error says it may have happened', async () => {
		fake.delayNext(1, HANG_MS);
		const { error } = await run(createGroup);
		expect(error?.message).toBe('Sobot request failed (no answer in time)');
		expect(error?.description).toBe(
			'Sobot did not answer within 1 s. This write was sent once and not retried: it may have been carried out anyway. Check in Sobot before running it again.',
		);
		expect(groupSaves()).toHaveLength(1);
	});

	it.each([500, 502, 503])('a create answered %i is not re-sent, and says it may have happened', async (status) => {
		fake.failNext(1, { status, afterHandling: true });
		const { error } = await run(createGroup);
		expect(error?.description).toContain('it may have been carried out anyway');
		expect(groupSaves()).toHaveLength(1);
		expect(fake.labelGroups.size).toBe(1); // it did happen: the error was right to say so
	});

	it('a create refused with 429 is retried: the server did nothing', async () => {
		fake.failNext(1, { status: 429, retryAfterSeconds: 0 });
		const { error } = await run(createGroup);
		expect(error).toBeUndefined();
		expect(groupSaves()).toHaveLength(2);
		expect(fake.labelGroups.size).toBe(1);
	});

	it('a delete (a GET in Sobot) is not re-sent after a 500, so a lost answer is not turned into "no longer exists"', async () => {
		const [group] = fake.seedLabelGroups(1, 0);
		fake.failNext(1, { status: 500, afterHandling: true });
		const { error } = await run({ resource: 'labelGroup', operation: 'delete', labelGroupId: group.id });
		expect(error?.description).toContain('it may have been carried out anyway');
		expect(fake.requestsTo('GET', /label_group\/remove/)).toHaveLength(1);
	});

	it('a read sent as POST (labels of customers) is retried after a 500', async () => {
		const [customer] = fake.seedCustomers(1);
		fake.failNext(1, { status: 500 });
		const { error } = await run({ resource: 'customerLabel', operation: 'get', customerIds: customer.id });
		expect(error).toBeUndefined();
		expect(fake.requestsTo('POST', '/api/scrm/5/label/userlabels')).toHaveLength(2);
	});
});

describe('Bangwo8: time-outs and writes', () => {
	let fake: FakeBangwo8;
	let engine: Engine;
	let credential: CredentialRef;
	beforeEach(async () => {
		fake = new FakeBangwo8();
		await fake.start();
		const store = new CredentialStore();
		engine = createEngine(store);
		credential = addBangwo8BasicCredential(store, fake);
	});
	afterEach(async () => await fake.stop());

	const run = async (parameters: INodeParameters) =>
		await engine.runNode({
			type: BANGWO8_NODE,
			parameters: { authentication: 'basicAuth', requestTimeout: TIMEOUT_S, ...parameters },
			credentials: { bangwo8BasicAuthApi: credential },
		});

	it('a create whose answer is lost is retried with the same Requestid: one contact', async () => {
		fake.failNext(1, { status: 502, afterHandling: true });
		const before = fake.users.size;
		const { error } = await run({ resource: 'contact', operation: 'create', name: '王伟' });
		expect(error).toBeUndefined();
		const creates = fake.requestsTo('POST', '/api/v1/users.json');
		expect(creates).toHaveLength(2);
		expect(creates[0].headers.requestid).toBe(creates[1].headers.requestid);
		expect(fake.users.size).toBe(before + 1);
	});

	it("n8n's own Retry On Fail, after the transport gave up, sends the same Requestid: one contact", async () => {
		fake.failNext(4, { status: 502, afterHandling: true }); // the create happened, every answer is lost
		const before = fake.users.size;
		const { error } = await engine.runNode({
			type: BANGWO8_NODE,
			parameters: { authentication: 'basicAuth', requestTimeout: TIMEOUT_S, resource: 'contact', operation: 'create', name: '张敏' },
			credentials: { bangwo8BasicAuthApi: credential },
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
		const creates = fake.requestsTo('POST', '/api/v1/users.json');
		expect(creates).toHaveLength(5); // 4 by the transport, 1 by n8n's retry of the node
		expect(new Set(creates.map((request) => request.headers.requestid)).size).toBe(1);
		expect(fake.users.size).toBe(before + 1);
	}, 20_000);

	it('different creates never share a Requestid: two items, and the same item in two executions', async () => {
		const before = fake.users.size;
		const create = async () =>
			await engine.runNode({
				type: BANGWO8_NODE,
				parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'create', name: '={{ $json.name }}' },
				credentials: { bangwo8BasicAuthApi: credential },
				items: [{ name: '王伟' }, { name: '王伟' }],
			});
		await create();
		await create();
		const ids = fake.requestsTo('POST', '/api/v1/users.json').map((request) => request.headers.requestid);
		expect(new Set(ids).size).toBe(4);
		expect(fake.users.size).toBe(before + 4);
	});

	it('a create that hangs is retried after the time-out with the same Requestid', async () => {
		fake.delayNext(1, HANG_MS);
		const started = Date.now();
		const { error } = await run({ resource: 'contact', operation: 'create', name: '李娜' });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(HANG_MS); // the answer to the hanging request was not waited for
		const creates = fake.requestsTo('POST', '/api/v1/users.json');
		expect(creates).toHaveLength(2);
		expect(new Set(creates.map((request) => request.headers.requestid)).size).toBe(1);
	});

	it('an update answered 500 is sent once and says it may have happened', async () => {
		const [user] = fake.seedUsers(1);
		fake.failNext(1, { status: 500 });
		const { error } = await run({ resource: 'contact', operation: 'update', contactId: user.cId, updateFields: { note: 'VIP' } });
		expect(error?.description).toContain('This write was sent once and not retried: it may have been carried out anyway');
		expect(fake.requestsTo('PUT', `/api/v1/users/${user.cId}.json`)).toHaveLength(1);
	});

	it('a list page that hangs every time ends the execution within the retries', async () => {
		fake.seedUsers(10);
		fake.delayNext(10, 60_000);
		const started = Date.now();
		const { error } = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(error?.message).toMatch(/^Bangwo8/);
		expect(error?.description).toContain('Bangwo8 did not answer within 1 s; retried with backoff');
		expect(Date.now() - started).toBeLessThan(4 * TIMEOUT_S * 1000 + 3000);
	}, 20_000);
});
