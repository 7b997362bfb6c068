/**
 * The Sobot token when something goes wrong around it (issue 22): a short outage of get_token, a
 * 502 on the request that carries a renewal claim, hidden fields restored by an edit of the
 * credential, a claimer that died, the credential test, and answers that are not Sobot's JSON.
 * n8n's real engine, the harness's replica of n8n's credentials helper (see sobot-token.test.ts),
 * a fake Sobot that kills the previous token whenever it issues one.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { TOKEN_RENEWAL_TIMING } from '../../nodes/Sobot/transport/renewal';
import { issuedForToken, writeRenewalRecord } from '../../nodes/Sobot/transport/token';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
import { addSobotCredential, createEngine, SOBOT_NODE } from '../support/package';

const APP_KEY = 'app-key-that-must-never-leak';
const listStages = { resource: 'stage', operation: 'getMany', returnAll: true };

describe('Sobot token: faults around it', () => {
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

	const run = async (credential: CredentialRef) =>
		await engine.runNode({ type: SOBOT_NODE, parameters: listStages, credentials: { sobotApi: credential } });
	const burst = async (credential: CredentialRef, n: number) =>
		await Promise.all(Array.from({ length: n }, async () => await run(credential)));
	const stored = (credential: CredentialRef) => store.dataOf(credential.id);

	describe('an outage of get_token is not shared', () => {
		it('8 executions during an outage of four 502s: at most the one that met it fails', async () => {
			fake.tokenLatencyMs = 50;
			store.ioLatencyMs = 5;
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			fake.failNextTokenHttp(4, 502);
			const results = await burst(credential, 8);
			const failed = results.filter((result) => result.error);
			expect(failed.length).toBeLessThanOrEqual(1);
			for (const { error } of failed) expect(error?.message).toMatch(/could not get an API token .*HTTP 502/);
			expect(results.filter((result) => !result.error).every((result) => result.items.length === fake.stages.length)).toBe(true);
			// Four 502s, then the renewal that worked (and at most one more from a double election).
			expect(fake.tokenRequests).toBeGreaterThanOrEqual(5);
			expect(fake.tokenRequests).toBeLessThanOrEqual(6);
			expect(stored(credential).token).toBe(fake.currentToken);
		});

		it('after an outage, the next execution tries again at once instead of repeating the failure', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			fake.failNextTokenHttp(4, 503);
			const first = await run(credential);
			expect(first.error?.message).toMatch(/could not get an API token .*HTTP 503/);
			const second = await run(credential);
			expect(second.error).toBeUndefined();
			expect(fake.tokenRequests).toBe(5);
		});

		it('a refusal of the credential (900003) is still shared: the next execution reports it without asking', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			fake.failNextToken('900003');
			expect((await run(credential)).error?.message).toBe('Sobot 900003: signature is wrong: check the App ID and App Key');
			expect((await run(credential)).error?.message).toBe('Sobot 900003: signature is wrong: check the App ID and App Key');
			expect(fake.tokenRequests).toBe(1);
		});

		it('a refusal recorded for a wrong key does not outlive the correction of the key', async () => {
			const credential = addSobotCredential(store, fake, { appSecretKey: 'a-wrong-key' }, { token: 'none' });
			expect((await run(credential)).error?.message).toMatch(/^Sobot 900003/);
			store.set(credential.id, { ...stored(credential), appSecretKey: APP_KEY }); // the user fixes it and saves
			expect((await run(credential)).error).toBeUndefined();
			expect(fake.tokenRequests).toBe(2);
		});
	});

	describe('the request that carries a claim is never retried into a fetch', () => {
		/** The first `n` requests meet the dead token; the next one, a claim carrier, gets a 502. */
		const claimCarrierFails = (n = 1) => {
			fake.expireToken();
			fake.delayNext(n, 0);
			fake.failNext(1, { status: 502 });
		};

		it('a 502 on the claim carrier: it is not sent again, the token comes from the election', async () => {
			const credential = addSobotCredential(store, fake);
			const dead = stored(credential).token;
			claimCarrierFails();
			const { error, items } = await run(credential);
			expect(error).toBeUndefined();
			expect(items.length).toBe(fake.stages.length);
			const stages = '/api/scrm/5/user_stage/query_list_by_type';
			// A retried carrier would have run preAuthentication again: a token fetched outside the
			// election, then the carrier re-sent with it before the original request.
			expect(fake.requests.map((request) => [request.path, request.headers.token ?? ''])).toEqual([
				[stages, dead],
				[stages, ''],
				['/api/get_token', ''],
				[stages, fake.currentToken],
			]);
		});

		it('a 502 on the claim carrier and a refused credential: 4 executions fail in seconds with the refusal', async () => {
			const credential = addSobotCredential(store, fake);
			claimCarrierFails(4);
			fake.failNextToken('900004');
			const started = Date.now();
			const results = await burst(credential, 4);
			expect(results.map((result) => result.error?.message)).toEqual(
				Array(4).fill('Sobot 900004: no API configuration found for this company: check the App ID and the data centre'),
			);
			expect(fake.tokenRequests).toBe(1);
			expect(Date.now() - started).toBeLessThan(5000);
		});
	});

	describe('hidden fields restored by an edit of the credential', () => {
		it('an old expiry beside a newer token (saved from a dialog opened before a renewal) does not renew', async () => {
			const credential = addSobotCredential(store, fake);
			const before = stored(credential);
			const current = fake.issueToken(); // a renewal while the dialog was open
			// Saving: the token (a password field) is merged back from the database; expiresAt and
			// issuedFor come back as the dialog loaded them, for the earlier token, now past.
			store.set(credential.id, { ...before, token: current, expiresAt: Date.now() - 1000 });
			const { error } = await run(credential);
			expect(error).toBeUndefined();
			expect(fake.tokenRequests).toBe(0);
			expect(fake.requests.map((request) => request.headers.token)).toEqual([current]);
		});

		it('the same expiry stored for this very token still counts', async () => {
			const credential = addSobotCredential(store, fake);
			const token = String(stored(credential).token);
			store.set(credential.id, { ...stored(credential), expiresAt: Date.now() - 1000, issuedFor: issuedForToken(stored(credential) as never, token) });
			expect((await run(credential)).error).toBeUndefined();
			expect(fake.tokenRequests).toBe(1);
		});

		it('a claim restored from a dialog opened 30 s ago is past its deadline: no wait', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			const at = Date.now() - 30_000;
			store.set(credential.id, {
				...stored(credential),
				renewal: writeRenewalRecord({ state: 'renewing', by: 'an-execution-long-done', at, until: at + TOKEN_RENEWAL_TIMING.claimTtlMs }),
			});
			const started = Date.now();
			expect((await run(credential)).error).toBeUndefined();
			expect(Date.now() - started).toBeLessThan(3000);
			expect(fake.tokenRequests).toBe(1);
		});

		it(
			'a claimer that died just now stalls the others for its claim time at most',
			async () => {
				const credential = addSobotCredential(store, fake);
				fake.expireToken();
				const at = Date.now();
				store.set(credential.id, {
					...stored(credential),
					renewal: writeRenewalRecord({ state: 'renewing', by: 'a-worker-that-crashed', at, until: at + 2000 }),
				});
				const started = Date.now();
				const results = await burst(credential, 4);
				expect(results.filter((result) => result.error)).toHaveLength(0);
				// Its own deadline (2 s) counts, not the longest a claim may stand (claimTtlMs).
				expect(Date.now() - started).toBeLessThan(TOKEN_RENEWAL_TIMING.claimTtlMs);
				expect(fake.tokenRequests).toBeLessThanOrEqual(2);
			},
			TOKEN_RENEWAL_TIMING.claimTtlMs + 10_000,
		);
	});

	describe('the credential test asks about the App ID and key as they are now', () => {
		const credentialType = new SobotApi();
		/** The test request as n8n sends it: through the credential's authenticate, to the data centre. */
		const runTest = async (data: ICredentialDataDecryptedObject) => {
			const { request, rules } = credentialType.test;
			const signed = await credentialType.authenticate(data, { url: request.url!, method: request.method, qs: {} });
			const query = new URLSearchParams(signed.qs as Record<string, string>).toString();
			const answer = (await (await fetch(`${fake.origin}${signed.url}?${query}`, { headers: signed.headers as Record<string, string> })).json()) as Record<string, unknown>;
			const failed = (rules ?? []).find((rule) => rule.type === 'responseSuccessBody' && answer[rule.properties.key] === rule.properties.value);
			return failed ? { status: 'Error', message: failed.properties.message } : { status: 'OK' };
		};

		it('OK when the stored token has expired but the App ID and key are right', async () => {
			const credential = addSobotCredential(store, fake);
			fake.expireToken();
			expect(await runTest(stored(credential))).toEqual({ status: 'OK' });
			expect(fake.tokenRequests).toBe(1);
			expect(fake.requests[0].query).toMatchObject({ appid: 'app-1' });
			expect(JSON.stringify(fake.requests)).not.toContain(APP_KEY);
		});

		it('Error when the App ID was changed, although the stored token still works', async () => {
			const credential = addSobotCredential(store, fake);
			expect(await runTest({ ...stored(credential), appId: 'someone-else' })).toEqual({
				status: 'Error',
				message: 'Sobot 900004: no API configuration found for this company: check the App ID and the data centre',
			});
		});

		it('Error when the key was changed', async () => {
			const credential = addSobotCredential(store, fake);
			expect((await runTest({ ...stored(credential), appSecretKey: 'another-key' })).message).toMatch(/^Sobot 900003/);
		});

		it('running executions recover from the token the test took', async () => {
			const credential = addSobotCredential(store, fake);
			expect(await runTest(stored(credential))).toEqual({ status: 'OK' });
			const results = await burst(credential, 4);
			expect(results.filter((result) => result.error)).toHaveLength(0);
			expect(stored(credential).token).toBe(fake.currentToken);
		});
	});

	describe('an answer that is not Sobot JSON says what came back and where', () => {
		it.each([
			['an HTML error page', '<html><body>502 Bad Gateway</body></html>', /is not Sobot's JSON \(got: <html><body>502 Bad Gateway/],
			['an empty body', '', /is not Sobot's JSON \(got: (an empty body|nothing)\)/],
			['truncated JSON', '{"ret_code":"000000","items":[{"id":', /is not Sobot's JSON \(got: \{"ret_code":"000000","items":\[\{"id":/],
			['JSON without ret_code', '{"status":"ok"}', /holds no ret_code \(got: \{"status":"ok"\}\)/],
		])('%s', async (_what, raw, message) => {
			const credential = addSobotCredential(store, fake);
			fake.failNext(1, { status: 200, raw });
			const { error } = await engine.runNode({
				type: SOBOT_NODE,
				parameters: { resource: 'stage', operation: 'getMany', returnAll: false, limit: 5 },
				credentials: { sobotApi: credential },
			});
			expect(error?.message).toMatch(message);
			expect(error?.message).toContain('GET /api/scrm/5/user_stage/query_list_by_type');
			expect(error?.message).not.toContain('no ret_code: unknown error');
		});
	});
});
