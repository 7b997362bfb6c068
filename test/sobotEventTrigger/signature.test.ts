/**
 * Sobot Event Trigger protection: Sobot's X-Log-Sign (good, wrong, missing, stale, replay), the
 * credential test, and the Sobot Trigger's other protections on this node.
 */
import { COMPANY_ID, FORWARDING_KEY, chatMessage, emitted, makeEnv, push, signedHeaders, ACK } from './helpers';
import { testSignatureCredential } from '../../nodes/SobotEventTrigger/signature';

const body = (msgid: string) => ({ type: 'msg', content: [chatMessage(0, { msgid })] });

describe('Sobot signature', () => {
	const { engine, signature, store } = makeEnv();

	test('good: md5(companyId + timestamp + randomCode + key), upper-case hex accepted too', async () => {
		expect(emitted(await push(engine, signature, body('good')))).toHaveLength(1);
		const headers = signedHeaders();
		headers['X-Log-Sign'] = headers['X-Log-Sign'].toUpperCase();
		expect(emitted(await push(engine, signature, body('upper'), { headers }))).toHaveLength(1);
	});

	test.each([
		['a wrong key', { key: 'another-key' }],
		['another company', { companyId: 'ffffffffffffffffffffffffffffffff' }],
	])('wrong (%s) → 403, no execution, nothing secret in the answer', async (_name, sign) => {
		const result = await push(engine, signature, body('wrong'), { headers: signedHeaders(sign) });
		expect(result.response.status).toBe(403);
		expect(result.workflowData).toBeUndefined();
		const text = JSON.stringify(result.response.body);
		expect(text).toContain('X-Log-Sign is wrong');
		expect(text).not.toContain(FORWARDING_KEY);
		expect(text).not.toContain(signedHeaders({ timestamp: 1, randomCode: '1' })['X-Log-Sign']);
	});

	test('a signature for another random code → 403', async () => {
		const headers = signedHeaders({ randomCode: '635' });
		headers['X-Log-RandomCode'] = '636';
		expect((await push(engine, signature, body('rc'), { headers })).response.status).toBe(403);
	});

	test.each([['X-Log-Sign'], ['X-Log-TimeStamp'], ['X-Log-RandomCode']])('missing %s → 401 naming it, no execution', async (header) => {
		const headers = signedHeaders();
		delete headers[header];
		const result = await push(engine, signature, body('missing'), { headers });
		expect(result.response.status).toBe(401);
		expect(JSON.stringify(result.response.body)).toContain(header);
		expect(result.workflowData).toBeUndefined();
	});

	test('no signature at all → 401', async () => {
		const result = await push(engine, signature, body('none'), { headers: {} });
		expect(result.response).toMatchObject({ status: 401, body: { code: 401 } });
		expect(result.workflowData).toBeUndefined();
	});

	test('stale: a timestamp older (or newer) than the window → 403; the window is an option', async () => {
		const old = signedHeaders({ timestamp: Date.now() - 301_000 });
		const stale = await push(engine, signature, body('stale'), { headers: old });
		expect(stale.response.status).toBe(403);
		expect(JSON.stringify(stale.response.body)).toMatch(/300 seconds/);
		expect(stale.workflowData).toBeUndefined();
		expect((await push(engine, signature, body('ahead'), { headers: signedHeaders({ timestamp: Date.now() + 301_000 }) })).response.status).toBe(403);
		const wider = await push(engine, signature, body('wider'), { headers: old, parameters: { options: { maxAgeSeconds: 600 } } });
		expect(emitted(wider)).toHaveLength(1);
		expect((await push(engine, signature, body('nan'), { headers: { ...signedHeaders(), 'X-Log-TimeStamp': 'yesterday' } })).response.status).toBe(403);
	});

	test('replay: the same signed request again is acknowledged without a second execution; its headers with another body → 403', async () => {
		const headers = signedHeaders();
		const first = await push(engine, signature, body('replay'), { headers });
		expect(emitted(first)).toHaveLength(1);
		const again = await push(engine, signature, body('replay'), { headers });
		expect(again.response).toMatchObject({ status: 200, body: ACK });
		expect(again.workflowData).toBeUndefined();
		const forged = await push(engine, signature, body('forged'), { headers });
		expect(forged.response.status).toBe(403);
		expect(JSON.stringify(forged.response.body)).toContain('already used');
		expect(forged.workflowData).toBeUndefined();
	});

	test('a credential without a key → 500 "not set up", no execution', async () => {
		const incomplete = store.add('sobotPushSignatureApi', { companyId: COMPANY_ID, forwardingSecret: '' });
		const result = await push(engine, signature, body('unset'), { credentials: { sobotPushSignatureApi: incomplete } });
		expect(result.response.status).toBe(500);
		expect(result.workflowData).toBeUndefined();
	});

	test('credential test (testedBy): complete → OK; empty company ID or key → Error naming the field', () => {
		const test = (data: Record<string, string>) => testSignatureCredential({ id: '1', name: 'c', type: 'sobotPushSignatureApi', data });
		expect(test({ companyId: COMPANY_ID, forwardingSecret: 'k' }).status).toBe('OK');
		expect(test({ companyId: '', forwardingSecret: 'k' })).toEqual({ status: 'Error', message: 'Company ID must not be empty' });
		expect(test({ companyId: COMPANY_ID, forwardingSecret: '' })).toEqual({ status: 'Error', message: 'Forwarding Key must not be empty' });
	});
});

describe('other protections (the Sobot Trigger\'s)', () => {
	const { engine, signature } = makeEnv();

	test('Query Secret: right → runs; missing → 401; wrong → 403; signature headers not needed', async () => {
		const parameters = { authentication: 'querySecret', secret: 's3cret-value' };
		expect(emitted(await push(engine, signature, body('q1'), { parameters, headers: {}, request: { query: { secret: 's3cret-value' } } }))).toHaveLength(1);
		expect((await push(engine, signature, body('q2'), { parameters, headers: {} })).response.status).toBe(401);
		expect((await push(engine, signature, body('q3'), { parameters, headers: {}, request: { query: { secret: 'nope' } } })).response.status).toBe(403);
	});

	test('None: an unsigned push runs', async () => {
		expect(emitted(await push(engine, signature, body('n1'), { parameters: { authentication: 'none' }, headers: {} }))).toHaveLength(1);
	});
});
