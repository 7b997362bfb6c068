/**
 * The Sobot token lifecycle, proven in n8n's real engine against a fake Sobot that, like the real
 * one, invalidates the previous token whenever a new one is issued.
 */
import { signSobotTokenRequest } from '../../nodes/Sobot/transport/token';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type Engine } from '../harness/engine';
import { addSobotCredential, createEngine, SOBOT_NODE } from '../support/package';

const APP_KEY = 'app-key-that-must-never-leak';
const listStages = { resource: 'stage', operation: 'getMany', returnAll: true };

describe('Sobot token', () => {
	let fake: FakeSobot;
	let store: CredentialStore;
	let engine: Engine;

	beforeEach(async () => {
		fake = new FakeSobot({ appId: 'app-1', appKey: APP_KEY });
		await fake.start();
		store = new CredentialStore();
		engine = createEngine(store);
	});
	afterEach(async () => await fake.stop());

	const run = async (credential: { id: string; name: string }) =>
		await engine.runNode({ type: SOBOT_NODE, parameters: listStages, credentials: { sobotApi: credential } });

	const stageCalls = () => fake.requestsTo('GET', '/api/scrm/5/user_stage/query_list_by_type');

	it('signs get_token as the seed’s worked example does', () => {
		expect(signSobotTokenRequest('1', '1569397773', '2')).toBe('258eec3118705112b2c53dc8043d4d34');
	});

	it('sends appid, create_time in seconds and the signature, never the app key', async () => {
		const credential = addSobotCredential(store, fake);
		const before = Math.floor(Date.now() / 1000);
		await run(credential);
		const [tokenCall] = fake.requestsTo('GET', '/api/get_token');
		const createTime = Number(tokenCall.query.create_time);
		expect(createTime).toBeGreaterThanOrEqual(before);
		expect(createTime).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
		expect(tokenCall.query.appid).toBe('app-1');
		expect(tokenCall.query.sign).toBe(signSobotTokenRequest('app-1', tokenCall.query.create_time, APP_KEY));
		expect(JSON.stringify(fake.requests)).not.toContain(APP_KEY);
	});

	it('fetches one token for 20 executions and sends it in the token header', async () => {
		const credential = addSobotCredential(store, fake);
		for (let execution = 0; execution < 20; execution++) {
			const { items, error } = await run(credential);
			expect(error).toBeUndefined();
			expect(items.length).toBe(fake.stages.length);
		}
		expect(fake.tokenRequests).toBe(1);
		expect(stageCalls()).toHaveLength(20);
		expect(new Set(stageCalls().map((request) => request.headers.token))).toEqual(new Set([fake.currentToken]));
		expect(store.dataOf(credential.id).token).toBe(fake.currentToken);
	});

	it('on 900002 fetches exactly one new token, retries once, and the next execution fetches none', async () => {
		const credential = addSobotCredential(store, fake);
		await run(credential);
		expect(fake.tokenRequests).toBe(1);

		fake.expireToken();
		fake.clearRequests();
		const { items, error } = await run(credential);
		expect(error).toBeUndefined();
		expect(items.length).toBe(fake.stages.length);
		expect(fake.tokenRequests).toBe(2);
		expect(stageCalls().map((request) => request.headers.token)).toEqual([
			expect.any(String),
			fake.currentToken,
		]);
		expect(store.dataOf(credential.id).token).toBe(fake.currentToken);

		fake.clearRequests();
		await run(credential);
		expect(fake.tokenRequests).toBe(2);
		expect(stageCalls()).toHaveLength(1);
	});

	it('on 900001 also refreshes once', async () => {
		const credential = addSobotCredential(store, fake);
		await run(credential);
		fake.failNextWithRetCode(1, '900001');
		const { error } = await run(credential);
		expect(error).toBeUndefined();
		expect(fake.tokenRequests).toBe(2);
	});

	it('uses a token another execution stored meanwhile instead of fetching again', async () => {
		const credential = addSobotCredential(store, fake);
		await run(credential);
		const firstToken = store.dataOf(credential.id).token;

		// While this execution's request is in flight with the first token, "another execution"
		// gets a new token (which invalidates the first) and stores it.
		fake.delayNext(1, 300);
		const running = run(credential);
		await new Promise((resolve) => setTimeout(resolve, 100));
		const createTime = String(Math.floor(Date.now() / 1000));
		const answer = (await (
			await fetch(
				`${fake.origin}/api/get_token?appid=app-1&create_time=${createTime}&sign=${signSobotTokenRequest('app-1', createTime, APP_KEY)}`,
			)
		).json()) as { item: { token: string } };
		store.set(credential.id, { ...store.dataOf(credential.id), token: answer.item.token });

		const { error } = await running;
		expect(error).toBeUndefined();
		expect(answer.item.token).not.toBe(firstToken);
		expect(fake.tokenRequests).toBe(2); // the first one and the other execution's: none by the retry
		expect(stageCalls().at(-1)?.headers.token).toBe(answer.item.token);
	});

	it('gives up after one refresh when Sobot keeps rejecting the token', async () => {
		const credential = addSobotCredential(store, fake);
		await run(credential);
		fake.failNextWithRetCode(2, '900002');
		const { error } = await run(credential);
		expect(error?.message).toBe('Sobot 900002: token is invalid or has expired');
		expect(fake.tokenRequests).toBe(2);
	});

	it('renews a token that is about to expire before using it', async () => {
		const credential = addSobotCredential(store, fake);
		await run(credential);
		store.set(credential.id, { ...store.dataOf(credential.id), expiresAt: Date.now() + 60_000 });
		fake.clearRequests();
		const { error } = await run(credential);
		expect(error).toBeUndefined();
		expect(fake.tokenRequests).toBe(2);
		expect(stageCalls()).toHaveLength(1); // no failing call first
		expect(Number(store.dataOf(credential.id).expiresAt)).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
	});

	it.each([
		['900003', 'Sobot 900003: signature is wrong: check the App ID and App Key'],
		['900004', 'Sobot 900004: no API configuration found for this company: check the App ID and the data centre'],
		['700046', 'Sobot 700046: your Sobot plan does not include API access'],
	])('a token refused with %s fails with its meaning and no secret', async (code, message) => {
		const credential = addSobotCredential(store, fake);
		fake.failNextToken(code);
		const { error } = await run(credential);
		expect(error?.message).toContain(message);
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
		expect(stageCalls()).toHaveLength(0);
	});

	it('a wrong app key is reported as a bad signature', async () => {
		const credential = addSobotCredential(store, fake, { appSecretKey: 'wrong-key-wrong-key' });
		const { error } = await run(credential);
		expect(error?.message).toContain('Sobot 900003');
		expect(JSON.stringify(error)).not.toContain('wrong-key-wrong-key');
	});

	it('an unreachable data centre says so without leaking the signature or key', async () => {
		const credential = addSobotCredential(store, fake, { customUrl: 'http://127.0.0.1:9' });
		const { error } = await run(credential);
		expect(error?.message).toMatch(/could not get an API token from http:\/\/127\.0\.0\.1:9/);
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
	});
});
