/**
 * Sobot Trigger protection (Sobot signs nothing): None, a query secret, Header Auth and Basic Auth
 * credentials — each accepted and rejected through n8n-core's real WebhookContext — plus the
 * webhook lifecycle hooks (n8n-core HookContext) and the credentials' node-side test.
 */
import * as crypto from 'node:crypto';

import type { ICredentialsDecrypted, INode } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { CredentialTestContext, HookContext } from 'n8n-core';

import { SobotTrigger } from '../../nodes/SobotTrigger/SobotTrigger.node';
import { CredentialStore } from '../harness/engine';
import { ACK, MERGED_CUSTOMER, TRIGGER_TYPE, crmPush, emitted, makeEngine, push } from './helpers';

// The real node:crypto, with timingSafeEqual wrapped so a test can see the comparison use it.
jest.mock('node:crypto', () => {
	const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const store = new CredentialStore();
const engine = makeEngine(store);
const body = crmPush([MERGED_CUSTOMER]);

const SECRET = 'Zq8-very-long-random-secret';
const HEADER = { headerName: 'X-Sobot-Token', headerSecret: 'h3ader-s3cret' };
const BASIC = { user: 'sobot', password: 'pa:ss word' };
const headerCred = store.add('sobotTriggerHeaderAuthApi', HEADER);
const basicCred = store.add('sobotTriggerBasicAuthApi', BASIC);

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function expectAccepted(result: Awaited<ReturnType<typeof push>>) {
	expect(result.response).toMatchObject({ status: 200, body: ACK, ended: true });
	expect(emitted(result)).toEqual([{ event: 'customerMerged', ...MERGED_CUSTOMER }]);
}

function expectRejected(result: Awaited<ReturnType<typeof push>>, status: number, message: RegExp) {
	expect(result.response.status).toBe(status);
	expect(result.response.ended).toBe(true);
	expect(result.response.body).toEqual({ code: status, message: expect.stringMatching(message) });
	expect(result.workflowData).toBeUndefined();
	expect(result.noWebhookResponse).toBe(true);
	// the answer never echoes a secret
	const text = JSON.stringify(result.response);
	for (const secret of [SECRET, HEADER.headerSecret, BASIC.password]) expect(text).not.toContain(secret);
}

describe('None', () => {
	test('any push is accepted', async () => {
		expectAccepted(await push(engine, body, { parameters: { authentication: 'none' } }));
	});
});

describe('Query Secret', () => {
	const parameters = { authentication: 'querySecret', secret: SECRET };

	test('the right secret in ?secret= is accepted, compared with crypto.timingSafeEqual', async () => {
		const timingSafeEqual = crypto.timingSafeEqual as jest.MockedFunction<typeof crypto.timingSafeEqual>;
		timingSafeEqual.mockClear();
		expectAccepted(await push(engine, body, { parameters, request: { query: { secret: SECRET } } }));
		expect(timingSafeEqual).toHaveBeenCalledTimes(1);
		const [given, expected] = timingSafeEqual.mock.calls[0] as [Buffer, Buffer];
		// digests, not the secret itself: equal lengths whatever was sent
		expect(given.length).toBe(32);
		expect(expected.equals(crypto.createHash('sha256').update(SECRET).digest())).toBe(true);
	});

	test('no secret → 401', async () => {
		expectRejected(await push(engine, body, { parameters }), 401, /"secret" query parameter is missing/);
		expectRejected(await push(engine, body, { parameters, request: { query: { secret: '' } } }), 401, /missing/);
	});

	test('a wrong secret → 403, whether or not its length matches', async () => {
		const sameLength = SECRET.slice(0, -1) + (SECRET.endsWith('x') ? 'y' : 'x');
		for (const wrong of [sameLength, 'short', `${SECRET}extra`, SECRET.toUpperCase()]) {
			expectRejected(await push(engine, body, { parameters, request: { query: { secret: wrong } } }), 403, /secret is wrong/);
		}
	});

	test('the secret in a header instead of the query does not count → 401', async () => {
		expectRejected(await push(engine, body, { parameters, request: { headers: { secret: SECRET } } }), 401, /missing/);
	});

	test('an empty configured secret refuses every push → 500', async () => {
		const result = await push(engine, body, {
			parameters: { authentication: 'querySecret', secret: '' },
			request: { query: { secret: '' } },
		});
		expectRejected(result, 500, /protection is not set up: the secret is empty/);
	});

	test('protection is checked before the body: an unauthorised malformed push gets 401, not 400', async () => {
		expectRejected(await push(engine, { nonsense: true }, { parameters }), 401, /missing/);
	});
});

describe('Header Auth credential', () => {
	const parameters = { authentication: 'headerAuth' };
	const credentials = { sobotTriggerHeaderAuthApi: headerCred };

	test('the right header (name case-insensitive) is accepted', async () => {
		expectAccepted(
			await push(engine, body, { parameters, credentials, request: { headers: { 'x-sobot-token': HEADER.headerSecret } } }),
		);
		expectAccepted(
			await push(engine, body, { parameters, credentials, request: { headers: { 'X-SOBOT-TOKEN': HEADER.headerSecret } } }),
		);
	});

	test('no header → 401', async () => {
		expectRejected(await push(engine, body, { parameters, credentials }), 401, /"X-Sobot-Token" header is missing/);
	});

	test('a wrong value → 403', async () => {
		for (const wrong of ['nope', `${HEADER.headerSecret} `, '']) {
			expectRejected(
				await push(engine, body, { parameters, credentials, request: { headers: { 'X-Sobot-Token': wrong } } }),
				403,
				/header is wrong/,
			);
		}
	});

	test('no credential selected → 500, nothing started', async () => {
		expectRejected(
			await push(engine, body, { parameters, request: { headers: { 'X-Sobot-Token': HEADER.headerSecret } } }),
			500,
			/not set up/,
		);
	});
});

describe('Basic Auth credential', () => {
	const parameters = { authentication: 'basicAuth' };
	const credentials = { sobotTriggerBasicAuthApi: basicCred };

	test('the right user and password (a colon in the password is fine) are accepted', async () => {
		expectAccepted(
			await push(engine, body, {
				parameters,
				credentials,
				request: { headers: { Authorization: basic(BASIC.user, BASIC.password) } },
			}),
		);
	});

	test('no Authorization header, or not Basic, or undecodable → 401 with a WWW-Authenticate challenge', async () => {
		for (const authorization of [undefined, `Bearer ${BASIC.password}`, 'Basic', `Basic ${Buffer.from('nocolon').toString('base64')}`]) {
			const result = await push(engine, body, {
				parameters,
				credentials,
				request: { headers: authorization === undefined ? {} : { Authorization: authorization } },
			});
			expectRejected(result, 401, /Basic authentication is required/);
			expect(result.response.headers['www-authenticate']).toBe('Basic realm="Sobot Trigger"');
		}
	});

	test('a wrong password or user → 403', async () => {
		for (const [user, password] of [
			[BASIC.user, 'wrong'],
			['someone', BASIC.password],
			[BASIC.user, `${BASIC.password}x`],
		]) {
			expectRejected(
				await push(engine, body, { parameters, credentials, request: { headers: { Authorization: basic(user, password) } } }),
				403,
				/user or password is wrong/,
			);
		}
	});

	test('no credential selected → 500, nothing started', async () => {
		expectRejected(
			await push(engine, body, { parameters, request: { headers: { Authorization: basic(BASIC.user, BASIC.password) } } }),
			500,
			/not set up/,
		);
	});
});

describe('webhook lifecycle (nothing is registered with Sobot)', () => {
	const trigger = new SobotTrigger();

	function hookContext(parameters: INode['parameters']): HookContext {
		const node: INode = {
			id: 'trigger',
			name: 'Sobot Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const nodeTypes = {
			getByName: () => trigger,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(trigger, 1),
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: true, nodeTypes });
		return new HookContext(workflow, node, engine.buildAdditionalData('exec', 'wf'), 'trigger', 'activate');
	}

	test('checkExists reports "not registered", create checks the set-up and succeeds, delete succeeds', async () => {
		const ctx = hookContext({ authentication: 'none', events: ['customerSaved'] });
		const hooks = trigger.webhookMethods.default;
		await expect(hooks.checkExists.call(ctx)).resolves.toBe(false);
		await expect(hooks.create.call(ctx)).resolves.toBe(true);
		await expect(hooks.delete.call(ctx)).resolves.toBe(true);
		await expect(
			hooks.create.call(hookContext({ authentication: 'querySecret', secret: SECRET, events: ['customerMerged'] })),
		).resolves.toBe(true);
	});

	test('activation fails with a clear error when no event is selected or the query secret is empty', async () => {
		const hooks = trigger.webhookMethods.default;
		await expect(hooks.create.call(hookContext({ authentication: 'none', events: [] }))).rejects.toThrow(
			'Select at least one event in "Events"',
		);
		await expect(
			hooks.create.call(hookContext({ authentication: 'querySecret', secret: '', events: ['customerSaved'] })),
		).rejects.toThrow('Enter a secret in "Secret"');
	});
});

describe('credential test (node-side, nothing to call)', () => {
	const trigger = new SobotTrigger();
	const check = (type: string, data: ICredentialsDecrypted['data']) =>
		trigger.methods.credentialTest.sobotTriggerProtection.call(new CredentialTestContext(), {
			id: '1',
			name: 'c',
			type,
			data,
		});

	test('complete credentials pass', async () => {
		await expect(check('sobotTriggerHeaderAuthApi', HEADER)).resolves.toMatchObject({ status: 'OK' });
		await expect(check('sobotTriggerBasicAuthApi', BASIC)).resolves.toMatchObject({ status: 'OK' });
	});

	test('unusable values fail with the reason', async () => {
		await expect(check('sobotTriggerHeaderAuthApi', { headerName: 'X Sobot', headerSecret: 'v' })).resolves.toEqual({
			status: 'Error',
			message: expect.stringMatching(/valid HTTP header name/),
		});
		await expect(check('sobotTriggerHeaderAuthApi', { headerName: 'X-Sobot', headerSecret: '' })).resolves.toMatchObject({
			status: 'Error',
			message: 'Header Value must not be empty',
		});
		await expect(check('sobotTriggerBasicAuthApi', { user: 'a:b', password: 'p' })).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/colon/),
		});
		await expect(check('sobotTriggerBasicAuthApi', { user: 'a', password: '' })).resolves.toMatchObject({
			status: 'Error',
			message: 'Password must not be empty',
		});
	});
});
