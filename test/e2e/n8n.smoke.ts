/**
 * Smoke test of the n8n harness (test/e2e/n8n.ts): built-in nodes only, then the tiny fixture
 * package in fixtures/n8n-nodes-e2e-fixture installed from an `npm pack` tarball.
 * A node:test file (not jest: its name does not match *.test.ts, so `npm test` skips it). Run:
 *     bash scripts/e2e/smoke.sh
 * i.e. <node24> -r ./scripts/ts-register.js --test-reporter=spec test/e2e/n8n.smoke.ts
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type N8n, N8nHttpError, nodeOutput, packPackage, startN8n } from './n8n';

const FIXTURE = join(__dirname, 'fixtures', 'n8n-nodes-e2e-fixture');

/** A stand-in for a vendor server: echoes what it received (only on 127.0.0.1). */
async function startEchoServer(): Promise<{ url: string; server: Server; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
        const auth = req.headers['x-e2e-auth'] ?? null;
      if (req.url?.startsWith('/check') || req.url?.startsWith('/hello')) {
        // the fixture package's "vendor": wants X-E2E-Auth: s3cret
        res.writeHead(auth === 's3cret' ? 200 : 401, { 'content-type': 'application/json' });
        const who = new URL(req.url, 'http://x').searchParams.get('who');
        res.end(JSON.stringify(auth === 's3cret' ? { ok: true, hello: who } : { error: 'bad token' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, auth, body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, requests };
}

describe('n8n harness smoke (built-in nodes)', { timeout: 300_000 }, () => {
  let n8n: N8n;
  let echo: Awaited<ReturnType<typeof startEchoServer>>;

  before(async () => {
    echo = await startEchoServer();
    const t0 = performance.now();
    n8n = await startN8n({});
    console.log(`# n8n ${n8n.install.n8nVersion} (node ${n8n.install.nodeVersion}) ready in ${n8n.timings.readyMs} ms, ` +
      `owner+login+API key in ${n8n.timings.setupMs} ms, startN8n total ${Math.round(performance.now() - t0)} ms, ${n8n.baseUrl}`);
  });

  after(async () => {
    const t0 = performance.now();
    await n8n?.stop();
    console.log(`# n8n stopped in ${Math.round(performance.now() - t0)} ms`);
    echo?.server.close();
  });

  test('owner, cookie and API key work', async () => {
    assert.match(n8n.cookie, /^n8n-auth=/);
    assert.ok(n8n.apiKey.length > 20);
    const me = await n8n.rest<{ email: string; role: string }>('GET', '/login');
    assert.equal(me.email, n8n.owner.email);
    assert.equal(me.role, 'global:owner');
    const wfs = await n8n.api<{ data: unknown[] }>('GET', '/workflows');
    assert.ok(Array.isArray(wfs.data));
    await assert.rejects(
      fetch(`${n8n.baseUrl}/api/v1/workflows`, { headers: { 'X-N8N-API-KEY': 'wrong' } }).then((r) => {
        if (!r.ok) throw new N8nHttpError('GET', 'workflows', r.status, '');
      }),
      (e: N8nHttpError) => e.status === 401,
    );
  });

  test('node and credential types are listed', async () => {
    const types = await n8n.nodeTypes();
    assert.ok(types.some((t) => t.name === 'n8n-nodes-base.webhook'));
    const creds = await n8n.credentialTypes();
    assert.ok(creds.some((t) => t.name === 'httpHeaderAuth'));
  });

  test('credential test as the UI does it (n8nApi credential against this instance)', async () => {
    const good = await n8n.createCredential({
      name: 'self', type: 'n8nApi', data: { apiKey: n8n.apiKey, baseUrl: `${n8n.baseUrl}/api/v1` },
    });
    assert.deepEqual((await n8n.testCredential(good)).status, 'OK');
    const bad = await n8n.createCredential({
      name: 'self-bad', type: 'n8nApi', data: { apiKey: 'nope', baseUrl: `${n8n.baseUrl}/api/v1` },
    });
    const r = await n8n.testCredential(bad);
    assert.equal(r.status, 'Error');
    console.log(`# failing credential test message: ${r.message}`);
  });

  test('webhook -> Set workflow, activated and called (response = last node)', async () => {
    const wf = await n8n.createWorkflow({
      name: 'smoke webhook',
      nodes: [
        {
          name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0],
          webhookId: 'e2e-smoke-hook',
          parameters: { httpMethod: 'POST', path: 'smoke', responseMode: 'lastNode', options: {} },
        },
        {
          name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0],
          parameters: {
            mode: 'manual',
            assignments: { assignments: [
              { id: 'a1', name: 'greeting', type: 'string', value: '=Hello {{ $json.body.name }}' },
              { id: 'a2', name: 'n', type: 'number', value: '={{ $json.body.n * 2 }}' },
            ] },
            options: {},
          },
        },
      ],
      connections: { Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
    });
    const active = await n8n.activateWorkflow(wf.id);
    assert.equal(active.active, true);
    const r = await n8n.callWebhook('smoke', { body: { name: 'Sobot', n: 21 } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { greeting: 'Hello Sobot', n: 42 });
    // the production execution is stored and readable through the public API
    let execs = await n8n.listExecutions(wf.id);
    for (let i = 0; i < 50 && execs.length === 0; i++) { await new Promise((res) => setTimeout(res, 100)); execs = await n8n.listExecutions(wf.id); }
    assert.equal(execs.length, 1);
    const ex = await n8n.waitForExecution(execs[0].id);
    assert.equal(ex.status, 'success');
    assert.deepEqual(nodeOutput(ex, 'Set'), [{ greeting: 'Hello Sobot', n: 42 }]);
    await n8n.deactivateWorkflow(wf.id);
  });

  test('manual workflow with an httpHeaderAuth credential calling a local fake server', async () => {
    const cred = await n8n.createCredential({ name: 'fake vendor', type: 'httpHeaderAuth', data: { name: 'X-E2E-Auth', value: 's3cret' } });
    const wf = await n8n.createWorkflow({
      name: 'smoke manual',
      nodes: [
        { name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        {
          name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0],
          parameters: {
            method: 'POST', url: `${echo.url}/v1/ping`,
            authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth',
            sendBody: true, specifyBody: 'json', jsonBody: '{"hello":"world"}', options: {},
          },
          credentials: { httpHeaderAuth: { id: cred.id, name: cred.name } },
        },
      ],
      connections: { Manual: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
    });
    const ex = await n8n.runWorkflow(wf.id);
    assert.equal(ex.status, 'success', JSON.stringify(ex.data?.resultData.error));
    const out = nodeOutput(ex, 'HTTP');
    assert.equal(out.length, 1);
    assert.equal(out[0].auth, 's3cret');
    assert.equal(out[0].url, '/v1/ping');
    assert.deepEqual(JSON.parse(out[0].body as string), { hello: 'world' });
    assert.equal(echo.requests.length, 1);
  });

  test('a Code-free workflow executed with the n8n CLI next to the running server', async () => {
    const wf = await n8n.createWorkflow({
      name: 'smoke cli',
      nodes: [
        { name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0],
          parameters: { mode: 'manual', assignments: { assignments: [{ id: 'a', name: 'x', type: 'number', value: 7 }] }, options: {} } },
      ],
      connections: { Manual: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
    });
    const t0 = performance.now();
    const ex = await n8n.executeWorkflowCli(wf.id);
    console.log(`# n8n execute (CLI) took ${Math.round(performance.now() - t0)} ms`);
    assert.equal(ex.status, 'success');
    assert.deepEqual(nodeOutput(ex, 'Set'), [{ x: 7 }]);
  });

  test('a failing node shows up as an execution error', async () => {
    const wf = await n8n.createWorkflow({
      name: 'smoke failing',
      nodes: [
        { name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        {
          name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0],
          parameters: { method: 'GET', url: `${echo.url.replace(/:\d+$/, ':1')}/nothing-listens-here`, options: {} },
        },
      ],
      connections: { Manual: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
    });
    const ex = await n8n.runWorkflow(wf.id);
    assert.equal(ex.status, 'error');
    assert.ok(ex.data?.resultData.error?.message, 'error message present');
    console.log(`# failing node error: ${ex.data?.resultData.error?.message}`);
  });
});

describe('community package installed from an npm pack tarball (fixture package)', { timeout: 300_000 }, () => {
  let n8n: N8n;
  let echo: Awaited<ReturnType<typeof startEchoServer>>;

  let tarball = '';

  before(async () => {
    echo = await startEchoServer();
    tarball = packPackage(FIXTURE);
    n8n = await startN8n({ packageTarball: tarball });
    console.log(`# with package ${n8n.packages[0].name}@${n8n.packages[0].version}: ready in ${n8n.timings.readyMs} ms`);
  });
  after(async () => {
    await n8n?.stop();
    echo?.server.close();
    if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  });

  test('unpacked where n8n 2.x loads community packages from', () => {
    const dir = join(n8n.userFolder, '.n8n', 'nodes');
    assert.ok(existsSync(join(dir, 'node_modules', 'n8n-nodes-e2e-fixture', 'lib', 'nodes', 'E2eHello.node.js')));
    const list = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(list.dependencies, { 'n8n-nodes-e2e-fixture': '0.0.1' });
  });

  test('node and credential types are registered as <package>.<node>', async () => {
    const types = await n8n.nodeTypes();
    assert.ok(types.some((t) => t.name === 'n8n-nodes-e2e-fixture.e2eHello'), 'node type loaded');
    const creds = await n8n.credentialTypes();
    assert.ok(creds.some((t) => t.name === 'e2eHelloApi'), 'credential type loaded');
  });

  test('credential test of the package credential against a fake vendor server', async () => {
    const good = await n8n.createCredential({ name: 'vendor', type: 'e2eHelloApi', data: { baseUrl: echo.url, token: 's3cret' } });
    assert.deepEqual(await n8n.testCredential(good), { status: 'OK', message: 'Connection successful!' });
    const bad = await n8n.createCredential({ name: 'vendor-bad', type: 'e2eHelloApi', data: { baseUrl: echo.url, token: 'wrong' } });
    assert.equal((await n8n.testCredential(bad)).status, 'Error');
  });

  test('the package node runs behind an activated webhook', async () => {
    const cred = await n8n.createCredential({ name: 'vendor2', type: 'e2eHelloApi', data: { baseUrl: echo.url, token: 's3cret' } });
    const wf = await n8n.createWorkflow({
      name: 'fixture node',
      nodes: [
        { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: 'e2e-fixture-hook',
          parameters: { httpMethod: 'POST', path: 'fixture', responseMode: 'lastNode', options: {} } },
        { name: 'Hello', type: 'n8n-nodes-e2e-fixture.e2eHello', typeVersion: 1, position: [220, 0],
          parameters: { who: '={{ $json.body.who }}' }, credentials: { e2eHelloApi: { id: cred.id, name: cred.name } } },
      ],
      connections: { Webhook: { main: [[{ node: 'Hello', type: 'main', index: 0 }]] } },
    });
    await n8n.activateWorkflow(wf.id);
    const r = await n8n.callWebhook('fixture', { body: { who: 'sobot' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { ok: true, hello: 'sobot' });
  });

  test('the package node runs in a manual run, output read back', async () => {
    const cred = await n8n.createCredential({ name: 'vendor3', type: 'e2eHelloApi', data: { baseUrl: echo.url, token: 's3cret' } });
    const wf = await n8n.createWorkflow({
      name: 'fixture node manual',
      nodes: [
        { name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { name: 'Hello', type: 'n8n-nodes-e2e-fixture.e2eHello', typeVersion: 1, position: [220, 0],
          parameters: { who: 'manual' }, credentials: { e2eHelloApi: { id: cred.id, name: cred.name } } },
      ],
      connections: { Manual: { main: [[{ node: 'Hello', type: 'main', index: 0 }]] } },
    });
    const ex = await n8n.runWorkflow(wf.id);
    assert.equal(ex.status, 'success', JSON.stringify(ex.data?.resultData.error));
    assert.deepEqual(nodeOutput(ex, 'Hello'), [{ ok: true, hello: 'manual' }]);
  });
});
