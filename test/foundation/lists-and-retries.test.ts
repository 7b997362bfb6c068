/**
 * Paging, limits, retries and error mapping of both transports, in the real engine against the
 * fake vendor servers: request counts are the minimum the APIs allow.
 */
import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
import {
	addBangwo8BasicCredential,
	addBangwo8OAuth2Credential,
	addSobotCredential,
	BANGWO8_NODE,
	createEngine,
	SOBOT_NODE,
} from '../support/package';

const SOBOT_KEY = 'sobot-app-key-secret-value';
const BANGWO8_PASSWORD = 'bangwo8-password-secret';
const BANGWO8_CLIENT_SECRET = 'bangwo8-client-secret-value';

/** [records, the minimum number of list requests at 100 a page] — the same for both vendors. */
const PAGE_COUNT_CASES: Array<[number, number]> = [
	[0, 1],
	[1, 1],
	[100, 1],
	[101, 2],
	[1000, 10],
];

describe('Sobot lists and retries (customer.getMany)', () => {
	let fake: FakeSobot;
	let engine: Engine;
	let credential: CredentialRef;

	beforeEach(async () => {
		fake = new FakeSobot({ appKey: SOBOT_KEY });
		await fake.start();
		const store = new CredentialStore();
		engine = createEngine(store);
		credential = addSobotCredential(store, fake);
	});
	afterEach(async () => await fake.stop());

	const listCustomers = async (parameters: Record<string, unknown>) =>
		await engine.runNode({
			type: SOBOT_NODE,
			parameters: { resource: 'customer', operation: 'getMany', ...parameters },
			credentials: { sobotApi: credential },
		});
	const listCalls = () => fake.requestsTo('GET', '/api/scrm/5/user/list_by_page');

	it.each(PAGE_COUNT_CASES)('Return All over %i customers makes %i list request(s) of 100', async (records, requests) => {
		fake.seedCustomers(records);
		const { items, error } = await listCustomers({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(records);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(records);
		expect(listCalls()).toHaveLength(requests);
		expect(listCalls().map((request) => request.query.page_size)).toEqual(Array(requests).fill('100'));
		expect(listCalls().map((request) => request.query.page_no)).toEqual(
			Array.from({ length: requests }, (_, index) => String(index + 1)),
		);
		expect(fake.tokenRequests).toBe(0); // the credential already holds a working token
	});

	it('a limit below a page asks for just that many, once', async () => {
		fake.seedCustomers(300);
		const { items } = await listCustomers({ returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(listCalls()).toHaveLength(1);
		expect(listCalls()[0].query.page_size).toBe('5');
	});

	it('a limit above a page stops as soon as it has enough', async () => {
		fake.seedCustomers(1000);
		const { items } = await listCustomers({ returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(listCalls()).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual(Array(150).fill({ item: 0 }));
	});

	it('sends every filter as Sobot expects: times in Unix seconds, labels comma-separated', async () => {
		await listCustomers({
			returnAll: true,
			filters: {
				search_type: '4',
				search_value: '13800000000',
				stageid: 'stage-1',
				create_start_time: '2021-07-01T11:24:37.000Z',
				create_end_time: '2021-07-04T11:24:37.000Z',
				user_label: ['label-a', 'label-b'],
				isblack: '0',
				module_type: '3',
				wx_build_unionId: 'union-1',
			},
		});
		expect(listCalls()[0].query).toMatchObject({
			search_type: '4',
			search_value: '13800000000',
			stageid: 'stage-1',
			create_start_time: '1625138677',
			create_end_time: '1625397877',
			user_label: 'label-a,label-b',
			isblack: '0',
			module_type: '3',
			wx_build_unionId: 'union-1',
		});
	});

	it('retries a 429 after Retry-After and succeeds', async () => {
		fake.seedCustomers(3);
		fake.failNext(2, { status: 429, retryAfterSeconds: 0 });
		const { items, error } = await listCustomers({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(listCalls()).toHaveLength(3);
	});

	it('a persistent 500 fails after a bounded number of tries with a clear message and no secret', async () => {
		fake.seedCustomers(3);
		fake.failNext(10, { status: 500, body: { message: 'boom' } });
		const { error } = await listCustomers({ returnAll: true });
		expect(error?.message).toBe('Sobot request failed (HTTP 500)');
		expect(error?.description).toBe('Sobot had a server error; retried with backoff.');
		expect(listCalls()).toHaveLength(4);
		const serialized = JSON.stringify(error);
		expect(serialized).not.toContain(SOBOT_KEY);
		expect(serialized).not.toContain(String(fake.currentToken));
	});

	it('a vendor error names the code and its meaning', async () => {
		fake.failNextWithRetCode(1, '999999', '系统未知异常');
		const { error } = await listCustomers({ returnAll: true });
		expect(error?.message).toBe('Sobot 999999: unknown system error on the Sobot side');
		expect(error?.description).toContain('系统未知异常');
	});

	it("Sobot's catch-all 999999 with a message of its own puts that message in the headline", async () => {
		fake.failNextWithRetCode(1, '999999', '客户不存在');
		const { error } = await listCustomers({ returnAll: true });
		expect(error?.message).toBe("Sobot 999999: 客户不存在 (Sobot's own message for its catch-all code)");
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('an unreadable date is refused before any request, naming the filter', async () => {
		const { error } = await listCustomers({ returnAll: true, filters: { create_start_time: 'yesterday-ish' } });
		expect(error?.message).toContain('"Created After" is not a valid date');
		expect(listCalls()).toHaveLength(0);
	});
});

describe.each([
	['OAuth2', 'oAuth2'],
	['Basic Auth', 'basicAuth'],
])('Bangwo8 lists and retries with %s (contact.getMany)', (_label, authentication) => {
	let fake: FakeBangwo8;
	let engine: Engine;
	let credentials: Record<string, CredentialRef>;

	beforeEach(async () => {
		fake = new FakeBangwo8({ password: BANGWO8_PASSWORD, clientSecret: BANGWO8_CLIENT_SECRET });
		await fake.start();
		const store = new CredentialStore();
		engine = createEngine(store);
		credentials =
			authentication === 'oAuth2'
				? { bangwo8OAuth2Api: addBangwo8OAuth2Credential(store, fake, { clientSecret: BANGWO8_CLIENT_SECRET }) }
				: { bangwo8BasicAuthApi: addBangwo8BasicCredential(store, fake, { password: BANGWO8_PASSWORD }) };
	});
	afterEach(async () => await fake.stop());

	const listContacts = async (parameters: Record<string, unknown>) =>
		await engine.runNode({
			type: BANGWO8_NODE,
			parameters: { authentication, resource: 'contact', operation: 'getMany', ...parameters },
			credentials,
		});
	const listCalls = () => fake.requestsTo('GET', '/api/v1/users.json');

	it.each(PAGE_COUNT_CASES)('Return All over %i contacts makes %i list request(s) of 100', async (records, requests) => {
		fake.seedUsers(records);
		const { items, error } = await listContacts({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(records);
		expect(new Set(items.map((item) => item.json.cId)).size).toBe(records);
		expect(listCalls()).toHaveLength(requests);
		expect(listCalls().map((request) => request.query.per_page)).toEqual(Array(requests).fill('100'));
	});

	it('a limit stops early', async () => {
		fake.seedUsers(350);
		const { items } = await listContacts({ returnAll: false, limit: 120 });
		expect(items).toHaveLength(120);
		expect(listCalls()).toHaveLength(2);
	});

	it('sends the date filters as whole days, the orders and deStat', async () => {
		await listContacts({
			returnAll: true,
			filters: {
				created_start: '2024-03-01T00:00:00',
				created_end: '2024-03-31',
				created_order: 'desc',
				updated_start: '2024-04-01T10:00:00',
				updated_end: '2024-04-02',
				updated_order: 'asc',
				includeDeleted: true,
			},
		});
		expect(listCalls()[0].query).toMatchObject({
			created_start: '2024-03-01',
			created_end: '2024-03-31',
			created_order: 'desc',
			updated_start: '2024-04-01',
			updated_end: '2024-04-02',
			updated_order: 'asc',
			deStat: '1',
		});
	});

	it('retries a 429 and succeeds', async () => {
		fake.seedUsers(2);
		fake.failNext(1, { status: 429, retryAfterSeconds: 0 });
		const { items, error } = await listContacts({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});

	it('a persistent 500 fails with a clear message and no secret', async () => {
		fake.failNext(10, { status: 500, body: { errcode: '100500', errmsg: 'Internal error' } });
		const { error } = await listContacts({ returnAll: true });
		expect(error?.message).toBe('Bangwo8 100500: Internal error');
		expect(listCalls()).toHaveLength(4);
		const serialized = JSON.stringify(error);
		expect(serialized).not.toContain(BANGWO8_PASSWORD);
		expect(serialized).not.toContain(BANGWO8_CLIENT_SECRET);
	});

	it('maps errcode/errmsg of a 404', async () => {
		fake.failNext(1, { status: 404, body: { errcode: '100047', errmsg: 'Invalid resource URI' } });
		const { error } = await listContacts({ returnAll: true });
		expect(error?.message).toBe('Bangwo8 100047: Invalid resource URI');
		expect(error?.description).toBe('HTTP 404: the resource does not exist');
	});
});

describe('Bangwo8 authentication on the wire', () => {
	let fake: FakeBangwo8;
	let store: CredentialStore;
	let engine: Engine;

	beforeEach(async () => {
		fake = new FakeBangwo8({ password: BANGWO8_PASSWORD, clientSecret: BANGWO8_CLIENT_SECRET });
		await fake.start();
		store = new CredentialStore();
		engine = createEngine(store);
	});
	afterEach(async () => await fake.stop());

	const run = async (authentication: string, credentials: Record<string, CredentialRef>) =>
		await engine.runNode({
			type: BANGWO8_NODE,
			parameters: { authentication, resource: 'contact', operation: 'getMany', returnAll: false, limit: 1 },
			credentials,
		});

	it('Basic sends base64(account:password)', async () => {
		const credential = addBangwo8BasicCredential(store, fake, { password: BANGWO8_PASSWORD });
		const { error } = await run('basicAuth', { bangwo8BasicAuthApi: credential });
		expect(error).toBeUndefined();
		expect(fake.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`acct:${BANGWO8_PASSWORD}`).toString('base64')}`,
		);
	});

	it('a wrong password fails with the vendor’s answer, and the password is not in it', async () => {
		const credential = addBangwo8BasicCredential(store, fake, { password: 'not-the-password' });
		const { error } = await run('basicAuth', { bangwo8BasicAuthApi: credential });
		expect(error?.message).toMatch(/^Bangwo8 \d+: /);
		expect(error?.description).toBe('HTTP 401: authentication failed: check the credential');
		expect(JSON.stringify(error)).not.toContain('not-the-password');
	});

	it('OAuth2 fetches one token (client credentials, Basic client auth) and reuses it across executions', async () => {
		const credential = addBangwo8OAuth2Credential(store, fake, { clientSecret: BANGWO8_CLIENT_SECRET });
		for (let execution = 0; execution < 10; execution++) {
			const { error } = await run('oAuth2', { bangwo8OAuth2Api: credential });
			expect(error).toBeUndefined();
		}
		expect(fake.tokenRequests).toBe(1);
		const [tokenRequest] = fake.requestsTo('POST', '/api/token.php');
		expect(tokenRequest.headers.authorization).toBe(
			`Basic ${Buffer.from(`cid:${BANGWO8_CLIENT_SECRET}`).toString('base64')}`,
		);
		expect(tokenRequest.body).toMatchObject({ grant_type: 'client_credentials' });
		const token = (store.dataOf(credential.id).oauthTokenData as { access_token: string }).access_token;
		const calls = fake.requestsTo('GET', '/api/v1/users.json');
		expect(calls).toHaveLength(10);
		expect(calls.every((request) => request.headers.authorization === `Bearer ${token}`)).toBe(true);
	});

	it('OAuth2 fetches a new token once when Bangwo8 answers 401, and keeps using it', async () => {
		const credential = addBangwo8OAuth2Credential(store, fake, { clientSecret: BANGWO8_CLIENT_SECRET });
		await run('oAuth2', { bangwo8OAuth2Api: credential });
		fake.expireTokens();
		const { error } = await run('oAuth2', { bangwo8OAuth2Api: credential });
		expect(error).toBeUndefined();
		expect(fake.tokenRequests).toBe(2);
		await run('oAuth2', { bangwo8OAuth2Api: credential });
		expect(fake.tokenRequests).toBe(2);
	});

	it('OAuth2 with a wrong secret fails clearly without the secret', async () => {
		const credential = addBangwo8OAuth2Credential(store, fake, { clientSecret: 'wrong-client-secret' });
		const { error } = await run('oAuth2', { bangwo8OAuth2Api: credential });
		expect(error?.message).toMatch(/^Bangwo8: Failed to acquire OAuth2 access token: Client authentication failed/);
		expect(JSON.stringify(error)).not.toContain('wrong-client-secret');
		expect(fake.requestsTo('GET', '/api/v1/users.json')).toHaveLength(0);
	});
});
