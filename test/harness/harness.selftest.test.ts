/**
 * Self-test of the engine harness: own node + credential types, a local node:http server,
 * everything executed by n8n-core's real WorkflowExecute / PollContext / WebhookContext.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeType,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CredentialStore, Engine } from './engine';

// ---------------------------------------------------------------------------------------------
// Local server
// ---------------------------------------------------------------------------------------------

interface Seen {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

const server = {
	baseUrl: '',
	seen: [] as Seen[],
	tokenCalls: 0,
	oauthTokenCalls: 0,
	validTokens: new Set<string>(),
	validOAuthTokens: new Set<string>(),
};

function send(res: http.ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

const httpServer = http.createServer((req, res) => {
	let body = '';
	req.on('data', (c: Buffer) => (body += c.toString()));
	req.on('end', () => {
		const url = new URL(req.url ?? '/', 'http://x');
		server.seen.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
		const auth = req.headers.authorization ?? '';
		switch (url.pathname) {
			case '/generic':
				return send(res, 200, { apiKey: req.headers['x-api-key'] ?? null, q: url.searchParams.get('sig') });
			case '/token': {
				server.tokenCalls++;
				const token = `tok-${server.tokenCalls}`;
				server.validTokens.add(token);
				return send(res, 200, { token });
			}
			case '/data': {
				const token = auth.replace(/^Bearer /, '');
				if (!server.validTokens.has(token)) return send(res, 401, { error: 'bad token' });
				return send(res, 200, { token });
			}
			case '/oauth/token': {
				server.oauthTokenCalls++;
				const token = `oat-${server.oauthTokenCalls}`;
				server.validOAuthTokens.add(token);
				return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
			}
			case '/oauth/data': {
				const token = auth.replace(/^Bearer /, '');
				if (!server.validOAuthTokens.has(token)) return send(res, 401, { error: 'expired' });
				return send(res, 200, { token });
			}
			default:
				return send(res, 404, { error: 'not found' });
		}
	});
});

beforeAll(async () => {
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
	server.baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

// ---------------------------------------------------------------------------------------------
// Credential types
// ---------------------------------------------------------------------------------------------

const genericApi: ICredentialType = {
	name: 'genericApi',
	displayName: 'Generic API',
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.apiKey}}' },
			qs: { sig: '=s-{{$credentials.apiKey.length}}' },
		},
	},
};

let preAuthInvocations = 0;
const tokenApi: ICredentialType = {
	name: 'tokenApi',
	displayName: 'Token API',
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Token', name: 'token', type: 'hidden', typeOptions: { expirable: true }, default: '' },
	],
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		preAuthInvocations++;
		const res = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { secret: credentials.secret },
			json: true,
		})) as { token: string };
		return { token: res.token };
	},
	authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } } },
};

const myOAuth2Api: ICredentialType = {
	name: 'myOAuth2Api',
	displayName: 'My OAuth2 API',
	extends: ['oAuth2Api'],
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"]}}/oauth/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	],
};

// ---------------------------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------------------------

function nodeType(name: string, credential: string | undefined, execute: INodeType['execute']): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name },
			inputs: ['main'],
			outputs: ['main'],
			credentials: credential ? [{ name: credential, required: true }] : undefined,
			properties: [{ displayName: 'Force Refresh', name: 'forceRefresh', type: 'boolean', default: false }],
		},
		execute,
	};
}

const genericNode = nodeType('generic', 'genericApi', async function (this: IExecuteFunctions) {
	const creds = await this.getCredentials('genericApi');
	const res = (await this.helpers.httpRequestWithAuthentication.call(this, 'genericApi', {
		url: `${creds.baseUrl as string}/generic`,
		json: true,
	})) as IDataObject;
	return [[{ json: res, pairedItem: { item: 0 } }]];
});

const tokenNode = nodeType('token', 'tokenApi', async function (this: IExecuteFunctions) {
	const creds = await this.getCredentials('tokenApi');
	const url = `${creds.baseUrl as string}/data`;
	let res: IDataObject;
	if (this.getNodeParameter('forceRefresh', 0) as boolean) {
		const ref = this.getNode().credentials!.tokenApi;
		res = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'tokenApi',
			{ url, json: true },
			{ credentialsDecrypted: { id: ref.id!, name: ref.name, type: 'tokenApi', data: { ...creds, token: '' } } },
		)) as IDataObject;
	} else {
		res = (await this.helpers.httpRequestWithAuthentication.call(this, 'tokenApi', { url, json: true })) as IDataObject;
	}
	return [[{ json: res, pairedItem: { item: 0 } }]];
});

const oauthNode = nodeType('oauth', 'myOAuth2Api', async function (this: IExecuteFunctions) {
	const creds = await this.getCredentials('myOAuth2Api');
	const res = (await this.helpers.httpRequestWithAuthentication.call(this, 'myOAuth2Api', {
		url: `${creds.baseUrl as string}/oauth/data`,
		json: true,
	})) as IDataObject;
	return [[{ json: { ...res, accessTokenUrl: creds.accessTokenUrl as string }, pairedItem: { item: 0 } }]];
});

/** Per-item: items with `fail` throw (or become error items with continueOnFail). */
const perItemNode = nodeType('perItem', undefined, async function (this: IExecuteFunctions) {
	const out: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let i = 0; i < items.length; i++) {
		try {
			if (items[i].json.fail) throw new NodeOperationError(this.getNode(), `item ${i} failed`, { itemIndex: i });
			out.push({ json: { n: items[i].json.n as number, ok: true }, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
				continue;
			}
			throw error;
		}
	}
	return [out];
});

const throwingNode = nodeType('throwing', undefined, async function (this: IExecuteFunctions) {
	throw new NodeOperationError(this.getNode(), 'whole node failed');
});

const pollNode: INodeType = {
	description: {
		displayName: 'Poll',
		name: 'poll',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Poll' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async poll(this: IPollFunctions) {
		const data = this.getWorkflowStaticData('node');
		const last = (data.last as number | undefined) ?? 0;
		if (this.getMode() === 'manual') return [[{ json: { n: last, manual: true } }]];
		data.last = last + 1;
		if (last + 1 === 3) return null;
		return [[{ json: { n: last + 1 } }]];
	},
};

const webhookNode: INodeType = {
	description: {
		displayName: 'Hook',
		name: 'hook',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Hook' },
		inputs: [],
		outputs: ['main'],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'hook' }],
		properties: [],
	},
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const body = this.getBodyData();
		if (req.headers['x-sig'] !== 'good') {
			this.getResponseObject().status(403).json({ error: 'bad signature' });
			return { noWebhookResponse: true };
		}
		return { workflowData: [[{ json: { body, raw: (req as unknown as { rawBody: Buffer }).rawBody.toString() } }]] };
	},
};

const P = 'test-pkg';
const makeEngine = (store: CredentialStore) =>
	new Engine({
		nodeTypes: {
			[`${P}.generic`]: genericNode,
			[`${P}.token`]: tokenNode,
			[`${P}.oauth`]: oauthNode,
			[`${P}.perItem`]: perItemNode,
			[`${P}.throwing`]: throwingNode,
			[`${P}.poll`]: pollNode,
			[`${P}.hook`]: webhookNode,
		},
		credentialTypes: [genericApi, tokenApi, myOAuth2Api],
		credentials: store,
	});

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('engine harness', () => {
	test('(a) generic authenticate puts header + qs on the request (expressions resolved)', async () => {
		const store = new CredentialStore();
		const cred = store.add('genericApi', { baseUrl: server.baseUrl, apiKey: 'k-123' });
		const engine = makeEngine(store);
		const { items, error } = await engine.runNode({
			type: `${P}.generic`,
			parameters: {},
			credentials: { genericApi: cred },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ apiKey: 'k-123', q: 's-5' }]);
	});

	test('(b) preAuthentication: first run fetches + persists the token, 10 later runs reuse it', async () => {
		const store = new CredentialStore();
		const cred = store.add('tokenApi', { baseUrl: server.baseUrl, secret: 's' });
		const engine = makeEngine(store);
		preAuthInvocations = 0;
		const before = server.tokenCalls;
		const tokens: unknown[] = [];
		for (let run = 0; run < 11; run++) {
			const { items, error } = await engine.runNode({
				type: `${P}.token`,
				parameters: {},
				credentials: { tokenApi: cred },
			});
			expect(error).toBeUndefined();
			tokens.push(items[0].json.token);
		}
		expect(preAuthInvocations).toBe(1);
		expect(server.tokenCalls - before).toBe(1);
		expect(new Set(tokens).size).toBe(1);
		expect(store.updates.filter((u) => u.id === cred.id)).toHaveLength(1);
		expect(store.dataOf(cred.id)).toEqual({ baseUrl: server.baseUrl, secret: 's', token: tokens[0] });
		// n8n-core asks on every request; the helper only invokes the hook when needed.
		const calls = engine.credentialsHelper.preAuthenticationCalls;
		expect(calls).toHaveLength(11);
		expect(calls.filter((c) => c.invoked)).toHaveLength(1);
	});

	test('(c) credentialsDecrypted with token "" forces exactly one new token, persisted', async () => {
		const store = new CredentialStore();
		const cred = store.add('tokenApi', { baseUrl: server.baseUrl, secret: 's' });
		const engine = makeEngine(store);
		await engine.runNode({ type: `${P}.token`, parameters: {}, credentials: { tokenApi: cred } });
		const first = store.dataOf(cred.id).token;
		preAuthInvocations = 0;
		const before = server.tokenCalls;
		const { items, error } = await engine.runNode({
			type: `${P}.token`,
			parameters: { forceRefresh: true },
			credentials: { tokenApi: cred },
		});
		expect(error).toBeUndefined();
		expect(preAuthInvocations).toBe(1);
		expect(server.tokenCalls - before).toBe(1);
		const second = store.dataOf(cred.id).token;
		expect(second).not.toBe(first);
		expect(items[0].json.token).toBe(second);
		expect(store.updates.filter((u) => u.id === cred.id)).toHaveLength(2);
		// and the next normal run reuses the new token
		const next = await engine.runNode({ type: `${P}.token`, parameters: {}, credentials: { tokenApi: cred } });
		expect(next.items[0].json.token).toBe(second);
		expect(server.tokenCalls - before).toBe(1);
	});

	test('(d) OAuth2 client credentials (extends oAuth2Api, expression accessTokenUrl): one token, refetch after 401', async () => {
		const store = new CredentialStore();
		const cred = store.add('myOAuth2Api', { baseUrl: server.baseUrl, clientId: 'cid', clientSecret: 'csecret' });
		const engine = makeEngine(store);
		const before = server.oauthTokenCalls;
		const seenBefore = server.seen.length;
		const tokens: unknown[] = [];
		for (let run = 0; run < 4; run++) {
			const { items, error } = await engine.runNode({
				type: `${P}.oauth`,
				parameters: {},
				credentials: { myOAuth2Api: cred },
			});
			expect(error).toBeUndefined();
			tokens.push(items[0].json.token);
			expect(items[0].json.accessTokenUrl).toBe(`${server.baseUrl}/oauth/token`);
		}
		expect(server.oauthTokenCalls - before).toBe(1);
		expect(new Set(tokens).size).toBe(1);
		const tokenReq = server.seen.slice(seenBefore).find((s) => s.path === '/oauth/token')!;
		expect(tokenReq.headers.authorization).toBe(`Basic ${Buffer.from('cid:csecret').toString('base64')}`);
		expect(tokenReq.body).toContain('grant_type=client_credentials');
		const stored = store.dataOf(cred.id);
		expect((stored.oauthTokenData as IDataObject).access_token).toBe(tokens[0]);
		expect(stored.accessTokenUrl).toBeUndefined(); // only oauthTokenData is persisted
		expect(store.updates.filter((u) => u.kind === 'oauthTokenData')).toHaveLength(1);

		// server forgets the token → 401 → n8n-core refetches (client credentials) and retries
		server.validOAuthTokens.clear();
		const { items, error } = await engine.runNode({
			type: `${P}.oauth`,
			parameters: {},
			credentials: { myOAuth2Api: cred },
		});
		expect(error).toBeUndefined();
		expect(server.oauthTokenCalls - before).toBe(2);
		expect(items[0].json.token).not.toBe(tokens[0]);
		expect((store.dataOf(cred.id).oauthTokenData as IDataObject).access_token).toBe(items[0].json.token);
		expect(store.updates.filter((u) => u.kind === 'oauthTokenData')).toHaveLength(2);
	});

	test('(e) continueOnFail + pairedItem through the engine', async () => {
		const engine = makeEngine(new CredentialStore());
		const input = [{ n: 1 }, { n: 2, fail: true }, { n: 3 }];
		const ok = await engine.runNode({ type: `${P}.perItem`, parameters: {}, items: input, continueOnFail: true });
		expect(ok.error).toBeUndefined();
		expect(ok.items.map((i) => i.json)).toEqual([{ n: 1, ok: true }, { error: 'item 1 failed' }, { n: 3, ok: true }]);
		expect(ok.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const failed = await engine.runNode({ type: `${P}.perItem`, parameters: {}, items: input });
		expect(failed.error?.message).toBe('item 1 failed');
		expect(failed.items).toEqual([]);
		expect(failed.result.status).toBe('error');

		const thrown = await engine.runNode({ type: `${P}.throwing`, parameters: {}, continueOnFail: true });
		// n8n records the error on the node's task data and continues with the node's INPUT items
		// passed through unchanged (no { error } item!) — nodes must catch per item themselves.
		expect(thrown.error?.message).toBe('whole node failed');
		// n8n 2.41 quirk: when the LAST node throws as a whole under continueOnFail, the execution is
		// still marked status 'error' with resultData.error set, although the error item was output.
		expect(thrown.result.status).toBe('error');
		expect(thrown.result.error?.message).toBe('whole node failed');
		expect(thrown.items.map((i) => i.json)).toEqual([{}]);
	});

	test('(f) poll: workflow static data persists between polls', async () => {
		const engine = makeEngine(new CredentialStore());
		const first = await engine.poll({ type: `${P}.poll`, parameters: {} });
		expect(first.items?.[0].map((i) => i.json)).toEqual([{ n: 1 }]);
		const second = await engine.poll({ type: `${P}.poll`, parameters: {}, staticData: first.staticData });
		expect(second.items?.[0].map((i) => i.json)).toEqual([{ n: 2 }]);
		const third = await engine.poll({ type: `${P}.poll`, parameters: {}, staticData: second.staticData });
		expect(third.items).toBeNull();
		expect(third.staticData).toEqual({ 'node:Trigger': { last: 3 } });
		const manual = await engine.poll({ type: `${P}.poll`, parameters: {}, staticData: third.staticData, mode: 'manual' });
		expect(manual.items?.[0][0].json).toEqual({ n: 3, manual: true });
	});

	test('webhook: response written via getResponseObject, or workflowData returned', async () => {
		const engine = makeEngine(new CredentialStore());
		const bad = await engine.webhook({
			type: `${P}.hook`,
			parameters: {},
			request: { method: 'POST', headers: { 'X-Sig': 'nope' }, body: { a: 1 } },
		});
		expect(bad.noWebhookResponse).toBe(true);
		expect(bad.response).toMatchObject({ status: 403, body: { error: 'bad signature' } });
		const good = await engine.webhook({
			type: `${P}.hook`,
			parameters: {},
			request: { method: 'POST', headers: { 'x-sig': 'good' }, body: { a: 1 }, rawBody: '{"a":1}' },
		});
		expect(good.workflowData?.[0][0].json).toEqual({ body: { a: 1 }, raw: '{"a":1}' });
	});

	test('workflow run: output() per node, execution order, speed', async () => {
		const engine = makeEngine(new CredentialStore());
		const t0 = Date.now();
		const result = await engine.run({
			nodes: [
				{ id: '1', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: '[{"n":5}]' } },
				{ id: '2', name: 'Per', type: `${P}.perItem`, typeVersion: 1, position: [1, 0], parameters: {} },
			],
			connections: { Items: { main: [[{ node: 'Per', type: 'main', index: 0 }]] } },
		});
		expect(Date.now() - t0).toBeLessThan(500);
		expect(result.output('Items').map((i) => i.json)).toEqual([{ n: 5 }]);
		expect(result.output('Per').map((i) => i.json)).toEqual([{ n: 5, ok: true }]);
		expect(result.executionOrder).toEqual(['Items', 'Per']);
		expect(result.status).toBe('success');
	});
});
