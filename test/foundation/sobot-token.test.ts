/**
 * The Sobot token lifecycle, proven in n8n's real engine against a fake Sobot that, like the real
 * one, invalidates the previous token whenever a new one is issued — one execution at a time,
 * and in bursts of executions sharing one credential (as in one n8n process, or in queue mode's
 * workers sharing the database).
 *
 * The credentials helper here is the harness's replica of n8n 2.41's (test/harness/credentials.ts:
 * it runs `authenticate`, runs `preAuthentication` when the token is empty and persists what it
 * returns), not n8n's own. The same cases — renewal, a token taken by another client, 8
 * executions right after an expiry, workers in queue mode — run against the real one in
 * test/e2e/package.e2e.ts and test/e2e/queue.e2e.ts.
 */
import { createHash } from 'node:crypto';

import { TOKEN_RENEWAL_TIMING } from '../../nodes/Sobot/transport/renewal';
import { signSobotTokenRequest, writeRenewalRecord } from '../../nodes/Sobot/transport/token';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
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

	const run = async (credential: CredentialRef, on: Engine = engine) =>
		await on.runNode({ type: SOBOT_NODE, parameters: listStages, credentials: { sobotApi: credential } });

	/** `n` executions started at the same moment, split over the given engines (processes). */
	const burst = async (credential: CredentialRef, n: number, engines: Engine[] = [engine]) =>
		await Promise.all(Array.from({ length: n }, async (_, index) => await run(credential, engines[index % engines.length])));

	const stageCalls = () => fake.requestsTo('GET', '/api/scrm/5/user_stage/query_list_by_type');
	/** Business calls that carried a token (claims travel with an empty one, which Sobot refuses). */
	const callsWithToken = () => fake.requests.filter((request) => request.path !== '/api/get_token' && request.headers.token);
	const stored = (credential: CredentialRef) => store.dataOf(credential.id);

	it('signs get_token as the seed’s worked example does', () => {
		expect(signSobotTokenRequest('1', '1569397773', '2')).toBe('258eec3118705112b2c53dc8043d4d34');
	});

	it('sends appid, create_time in seconds and the signature, never the app key', async () => {
		const credential = addSobotCredential(store, fake, {}, { token: 'none' });
		const before = Math.floor(Date.now() / 1000);
		await run(credential);
		const [tokenCall] = fake.requestsTo('GET', '/api/get_token');
		const createTime = Number(tokenCall.query.create_time);
		expect(createTime).toBeGreaterThanOrEqual(before);
		expect(createTime).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
		expect(tokenCall.query.appid).toBe('app-1');
		// md5(appid + create_time + app key), computed here rather than by the code under test.
		expect(tokenCall.query.sign).toBe(createHash('md5').update(`app-1${tokenCall.query.create_time}${APP_KEY}`).digest('hex'));
		expect(JSON.stringify(fake.requests)).not.toContain(APP_KEY);
	});

	it('fetches one token for 100 executions in a row and sends it in the token header', async () => {
		const credential = addSobotCredential(store, fake, {}, { token: 'none' });
		for (let execution = 0; execution < 100; execution++) {
			const { items, error } = await run(credential);
			expect(error).toBeUndefined();
			expect(items.length).toBe(fake.stages.length);
		}
		expect(fake.tokenRequests).toBe(1);
		expect(callsWithToken()).toHaveLength(100);
		expect(new Set(callsWithToken().map((request) => request.headers.token))).toEqual(new Set([fake.currentToken]));
		expect(stored(credential)).toMatchObject({
			token: fake.currentToken,
			// The owner, and a digest of the token the expiry belongs to (never the token itself).
			issuedFor: `app-1@${fake.origin}#${createHash('sha256').update(fake.currentToken!).digest('hex').slice(0, 12)}`,
			renewal: '',
		});
	});

	it('on 900002 fetches exactly one new token and the next execution fetches none', async () => {
		const credential = addSobotCredential(store, fake);
		const first = stored(credential).token;
		fake.expireToken();
		const { items, error } = await run(credential);
		expect(error).toBeUndefined();
		expect(items.length).toBe(fake.stages.length);
		expect(fake.tokenRequests).toBe(1);
		expect(callsWithToken().map((request) => request.headers.token)).toEqual([first, fake.currentToken]);
		expect(stored(credential).token).toBe(fake.currentToken);

		fake.clearRequests();
		await run(credential);
		expect(fake.tokenRequests).toBe(1);
		expect(stageCalls()).toHaveLength(1);
	});

	it('on 900001 also renews once', async () => {
		const credential = addSobotCredential(store, fake);
		fake.failNextWithRetCode(1, '900001');
		const { error } = await run(credential);
		expect(error).toBeUndefined();
		expect(fake.tokenRequests).toBe(1);
	});

	it('uses a token another execution stored meanwhile instead of fetching again', async () => {
		const credential = addSobotCredential(store, fake);
		const firstToken = stored(credential).token;

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
		store.set(credential.id, { ...stored(credential), token: answer.item.token });

		const { error } = await running;
		expect(error).toBeUndefined();
		expect(answer.item.token).not.toBe(firstToken);
		expect(fake.tokenRequests).toBe(1); // the other execution's: none by this one
		expect(stageCalls().at(-1)?.headers.token).toBe(answer.item.token);
	});

	it('gives up, bounded, when Sobot keeps refusing every token, naming 900002 and what to check', async () => {
		const credential = addSobotCredential(store, fake);
		fake.failNextWithRetCode(100, '900002');
		const started = Date.now();
		const { error } = await run(credential);
		expect(error?.message).toMatch(/^Sobot 900002: token is invalid or has expired: Sobot kept refusing the API token/);
		expect(error?.message).toContain('give it its own App ID');
		expect(fake.tokenRequests).toBeLessThanOrEqual(2);
		// Within seconds (about 1 s here), not after waiting out a claim or the 45 s budget: jest's
		// 30 s time-out would stop the test before a bound of budgetMs could ever fail.
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
		expect(JSON.stringify(error)).not.toContain(fake.issuedTokens[0]);
	});

	it('does not renew early: a token near its expiry is still used, by 8 executions at once', async () => {
		const credential = addSobotCredential(store, fake);
		store.set(credential.id, { ...stored(credential), expiresAt: Date.now() + 5 * 60_000 });
		const results = await burst(credential, 8);
		expect(results.filter((result) => result.error)).toHaveLength(0);
		expect(fake.tokenRequests).toBe(0);
	});

	it('a short token lifetime (expires_in 60 s) still gives one token for many executions', async () => {
		const shortLived = new FakeSobot({ appId: 'app-1', appKey: APP_KEY, tokenTtlSeconds: 60 });
		await shortLived.start();
		try {
			const credential = addSobotCredential(store, shortLived, {}, { token: 'none' });
			for (let execution = 0; execution < 10; execution++) expect((await run(credential)).error).toBeUndefined();
			expect(shortLived.tokenRequests).toBe(1);
		} finally {
			await shortLived.stop();
		}
	});

	it('a token past its expiry is renewed without being sent first', async () => {
		const credential = addSobotCredential(store, fake);
		const old = stored(credential).token;
		store.set(credential.id, { ...stored(credential), expiresAt: Date.now() - 1000 });
		const { error } = await run(credential);
		expect(error).toBeUndefined();
		expect(fake.tokenRequests).toBe(1);
		expect(callsWithToken().map((request) => request.headers.token)).toEqual([fake.currentToken]);
		expect(callsWithToken().some((request) => request.headers.token === old)).toBe(false);
	});

	it('a token stored for another App ID or data centre is never sent', async () => {
		const credential = addSobotCredential(store, fake);
		const old = stored(credential).token;
		const other = new FakeSobot({ appId: 'app-1', appKey: APP_KEY });
		await other.start();
		try {
			// The user points the credential at another data centre; n8n keeps the hidden token.
			store.set(credential.id, { ...stored(credential), customUrl: other.origin });
			const { error } = await run(credential);
			expect(error).toBeUndefined();
			expect(other.tokenRequests).toBe(1);
			expect(other.requests.some((request) => request.headers.token === old)).toBe(false);
			expect(stored(credential).issuedFor).toMatch(new RegExp(`^app-1@${other.origin.replace(/\./g, '\\.')}#[0-9a-f]{12}$`));
		} finally {
			await other.stop();
		}
	});

	// The election is timing-based: on a loaded machine two executions can both win, and one extra
	// token is then refused once before all converge. What must hold is no failure and about one
	// token per expiry, so the bound is 2, not exactly 1.
	const ABOUT_ONE = 2;

	describe('bursts: executions started together share one renewal', () => {
		beforeEach(() => {
			fake.tokenLatencyMs = 150; // the race between renewals is real
			store.ioLatencyMs = 5; // every credential read and write is a database round trip
		});

		it.each([2, 4, 8, 16])('%i executions right after the token expired: all succeed, about 1 token request', async (n) => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			const results = await burst(credential, n);
			expect(results.map((result) => result.error?.message)).toEqual(Array(n).fill(undefined));
			expect(results.every((result) => result.items.length === fake.stages.length)).toBe(true);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
			expect(stored(credential)).toMatchObject({ token: fake.currentToken, renewal: '' });
		});

		it('8 executions split over two engines sharing the store (queue-mode workers), three expiries in a row', async () => {
			const credential = addSobotCredential(store, fake);
			const secondWorker = createEngine(store);
			for (let round = 1; round <= 3; round++) {
				fake.expireToken();
				const results = await burst(credential, 8, [engine, secondWorker]);
				expect(results.filter((result) => result.error)).toHaveLength(0);
				expect(fake.tokenRequests).toBeLessThanOrEqual(round * ABOUT_ONE);
			}
		});

		it('16 executions on a new credential (no token yet): about 1 token request', async () => {
			const credential = addSobotCredential(store, fake, {}, { token: 'none' });
			const results = await burst(credential, 16);
			expect(results.filter((result) => result.error)).toHaveLength(0);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
		});

		it('8 executions after a token past its expiry by the clock: about 1 token request', async () => {
			const credential = addSobotCredential(store, fake);
			store.set(credential.id, { ...stored(credential), expiresAt: Date.now() - 1 });
			const results = await burst(credential, 8);
			expect(results.filter((result) => result.error)).toHaveLength(0);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
		});

		it('a credential test (or anyone) replacing the token while 8 run: all recover', async () => {
			const credential = addSobotCredential(store, fake);
			fake.delayNext(8, 200);
			const running = burst(credential, 8);
			await new Promise((resolve) => setTimeout(resolve, 50));
			fake.issueToken(); // what a credential test does: a new token, not stored
			const results = await running;
			expect(results.filter((result) => result.error)).toHaveLength(0);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
		});

		it('when the one renewal fails, every waiting execution reports its reason at once', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			// Twice: a second winner of the election (see ABOUT_ONE) meets the same refusal.
			fake.failNextToken('900003');
			fake.failNextToken('900003');
			const started = Date.now();
			const results = await burst(credential, 8);
			expect(results.map((result) => result.error?.message)).toEqual(
				Array(8).fill('Sobot 900003: signature is wrong: check the App ID and App Key'),
			);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
			expect(Date.now() - started).toBeLessThan(5000);
			expect(JSON.stringify(results.map((result) => result.error))).not.toContain(APP_KEY);
		});

		it('a claim left long ago (an execution that died) is ignored', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			store.set(credential.id, {
				...stored(credential),
				renewal: writeRenewalRecord({
					state: 'renewing',
					by: 'a-worker-that-crashed',
					at: Date.now() - TOKEN_RENEWAL_TIMING.claimTtlMs - TOKEN_RENEWAL_TIMING.clockSkewMs - 1000,
				}),
			});
			const results = await burst(credential, 4);
			expect(results.filter((result) => result.error)).toHaveLength(0);
			expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
		});

		it(
			'a claim left just now by an execution that died is taken over once it has not moved for its time-out',
			async () => {
				const credential = addSobotCredential(store, fake);
				fake.expireToken();
				store.set(credential.id, {
					...stored(credential),
					renewal: writeRenewalRecord({ state: 'renewing', by: 'a-worker-that-crashed', at: Date.now() }),
				});
				const started = Date.now();
				const results = await burst(credential, 4);
				expect(results.filter((result) => result.error)).toHaveLength(0);
				expect(fake.tokenRequests).toBeLessThanOrEqual(ABOUT_ONE);
				expect(Date.now() - started).toBeGreaterThanOrEqual(TOKEN_RENEWAL_TIMING.claimTtlMs);
			},
			TOKEN_RENEWAL_TIMING.claimTtlMs + 10_000,
		);
	});

	it.each([
		['900003', 'Sobot 900003: signature is wrong: check the App ID and App Key'],
		['900004', 'Sobot 900004: no API configuration found for this company: check the App ID and the data centre'],
		['700046', 'Sobot 700046: your Sobot plan does not include API access'],
	])('a token refused with %s fails with its meaning and no secret', async (code, message) => {
		const credential = addSobotCredential(store, fake, {}, { token: 'none' });
		fake.failNextToken(code);
		const { error } = await run(credential);
		expect(error?.message).toBe(message);
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
		expect(fake.tokenRequests).toBe(1);
		expect(callsWithToken()).toHaveLength(0);
	});

	it('a wrong app key is reported as a bad signature', async () => {
		const credential = addSobotCredential(store, fake, { appSecretKey: 'wrong-key-wrong-key' }, { token: 'none' });
		const { error } = await run(credential);
		expect(error?.message).toContain('Sobot 900003');
		expect(JSON.stringify(error)).not.toContain('wrong-key-wrong-key');
	});

	it('an unreachable data centre says so without leaking the signature or key', async () => {
		const credential = addSobotCredential(store, fake, { customUrl: 'http://127.0.0.1:9' }, { token: 'none' });
		const { error } = await run(credential);
		expect(error?.message).toMatch(/could not get an API token from http:\/\/127\.0\.0\.1:9/);
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
	});
});
