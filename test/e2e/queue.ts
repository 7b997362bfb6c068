/**
 * n8n 2.41.1 in queue mode, on 127.0.0.1, for the queue-mode e2e leg (test/e2e/queue.e2e.ts,
 * run by scripts/e2e/queue.sh): a private PostgreSQL cluster and a private Redis from Debian's
 * packages, then n8n main (`n8n start`), N workers (`n8n worker`) and one webhook processor
 * (`n8n webhook`), each with its OWN user folder into which the packed package is installed the
 * way n8n installs a community package (installCommunityPackage from ./n8n), all sharing the
 * database, Redis and N8N_ENCRYPTION_KEY. Main is driven with the existing harness (startN8n).
 *
 * NOTES (n8n 2.41.1 queue mode, read from its dist/):
 *  - `n8n worker` (commands/worker.js) forces executions.mode=queue, loads community packages,
 *    runs the DB migrations check, starts a task runner (so it needs its own
 *    N8N_RUNNERS_BROKER_PORT) and takes Bull jobs from Redis (concurrency 10 by default). Its
 *    HTTP server exists only with QUEUE_HEALTH_CHECK_ACTIVE=true, on QUEUE_HEALTH_CHECK_PORT
 *    (default 5678 = main's default port!) and N8N_WORKER_SERVER_ADDRESS (default '::');
 *    GET /healthz/readiness answers 200 once DB + Redis are connected and the worker listens.
 *  - `n8n webhook` (commands/webhook.js) refuses to start unless EXECUTIONS_MODE=queue; serves
 *    production webhooks on N8N_PORT and /healthz/readiness; no task runner.
 *  - Main with EXECUTIONS_MODE=queue enqueues every non-manual execution; manual ones too with
 *    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true (then main starts no task runner).
 *    N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true keeps main from serving /webhook/* (404 there).
 *    Without OFFLOAD_... n8n 2.41 prints a deprecation: manual runs will always go to workers.
 *  - Poll triggers (legacy in-memory scheduler, the default): the leader main runs the node's
 *    poll() itself on the cron and stores the workflow's static data; the execution it emits is
 *    enqueued and run by a worker. A webhook trigger's webhook() runs in the webhook processor,
 *    the execution on a worker.
 *  - Which worker ran an execution: each worker logs (level info) "Worker started execution <id>
 *    (job <job>)" (scaling/job-processor.js). whoRan() reads that from the workers' logs.
 *  - Credentials are read from the database on every getCredentials (CredentialsHelper, no
 *    cache), and preAuthentication results / OAuth2 tokens are written straight back to the
 *    database by whichever process ran the request: workers share them through Postgres.
 *  - Every process runs the migrations check at start; start main first (it migrates a fresh
 *    database, ~150 migrations) and the others once main is ready.
 *  - Bull hands jobs to the workers in turn: one-at-a-time webhook calls alternate between the
 *    two workers, a burst of 8 splits 4/4.
 *  - Timings on the 2-core dev machine: initdb ~1 s, postgres + redis ready ~1-2 s; main ready
 *    15-23 s on a fresh database; then both workers + the webhook processor together 10-18 s;
 *    a worker restart (graceful stop + start) 8-11 s. Stopping everything ~2 s.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type N8n, type N8nInstallation, callWebhookAt, childEnv, freePort, installCommunityPackage, n8nEnv, n8nInstallation, startN8n } from './n8n';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: every child is the leader of its own process group. Groups are killed on
// exit/SIGINT/SIGTERM of this process, and listed in <runDir>/pids ("<pgid> <signal> <name>") so
// that scripts/e2e/queue.sh can reap them even if this process is SIGKILLed (with that signal:
// SIGKILL for n8n, whose graceful stop can hang once the database is gone; postgres SIGINT = fast
// shutdown; redis SIGTERM).

const groups = new Map<number, string>();
let pidFile = '';
let hooked = false;

function track(pid: number | undefined, name: string, reapSignal: NodeJS.Signals = 'SIGKILL'): void {
  if (!pid || pid <= 0) return; // never 0: kill(-0) would hit our own process group
  groups.set(pid, name);
  if (pidFile) appendFileSync(pidFile, `${pid} ${reapSignal} ${name}\n`);
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pgid of groups.keys()) killGroup(pgid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => process.exit(130));
  }
}

function untrack(pid: number | undefined): void {
  if (pid !== undefined) groups.delete(pid);
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  if (!(pgid > 0)) return;
  try { process.kill(-pgid, signal); } catch { /* gone */ }
}

// ---------------------------------------------------------------------------------------------
// A long-running child with a log file and a readiness probe.

export interface ManagedProcessSpec {
  name: string;
  cmd: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** How to tell it is ready: an URL answering 200, or a line in its output. */
  ready: { url: string } | { line: RegExp };
  uid?: number;
  gid?: number;
  /** Signal for a clean stop (postgres: SIGINT = fast shutdown). Default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** Signal scripts/e2e/queue.sh sends if it finds the process still running. Default SIGKILL. */
  reapSignal?: NodeJS.Signals;
  startTimeoutMs?: number;
  verbose?: boolean;
}

export class ManagedProcess {
  readonly name: string;
  /** Output of every start of this process (restarts append). */
  private text = '';
  private child: ChildProcess | undefined;
  private exitPromise: Promise<void> = Promise.resolve();
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private log: WriteStream | undefined;
  /** Milliseconds from spawn to ready, per start. */
  readonly readyMs: number[] = [];

  constructor(readonly spec: ManagedProcessSpec) {
    this.name = spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.exited === null;
  }

  logs(): string {
    return this.text;
  }

  tail(lines = 40): string {
    return this.text.split('\n').filter((l) => !/Python task runner|virtual environment/.test(l)).slice(-lines).join('\n');
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} already running`);
    const s = this.spec;
    this.log = createWriteStream(s.logFile, { flags: 'a' });
    const t0 = performance.now();
    this.exited = null;
    const child = spawn(s.cmd, s.args, {
      cwd: s.cwd, env: s.env, uid: s.uid, gid: s.gid, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    this.child = child;
    track(child.pid, this.name, s.reapSignal ?? 'SIGKILL');
    this.exitPromise = new Promise<void>((res) => {
      child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        untrack(child.pid);
        res();
      });
      child.on('error', (e) => {
        this.exited = { code: -1, signal: null };
        this.text += `\n[spawn error] ${e.message}\n`;
        res();
      });
    });
    for (const st of [child.stdout!, child.stderr!]) {
      st.on('data', (b: Buffer) => {
        const t = b.toString();
        this.text += t;
        if (this.text.length > 6_000_000) this.text = this.text.slice(-3_000_000);
        this.log?.write(b);
        if (s.verbose) process.stderr.write(t.replace(/^/gm, `[${this.name}] `));
      });
    }
    const mark = this.text.length;
    const deadline = Date.now() + (s.startTimeoutMs ?? 180_000);
    for (;;) {
      if (this.exited) throw new Error(`${this.name} exited during startup (${JSON.stringify(this.exited)})\n--- ${s.logFile} ---\n${this.tail(60)}`);
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`${this.name} not ready after ${s.startTimeoutMs ?? 180_000} ms\n--- ${s.logFile} ---\n${this.tail(60)}`);
      }
      if ('line' in s.ready) {
        if (s.ready.line.test(this.text.slice(mark))) break;
      } else {
        try {
          const r = await fetch(s.ready.url, { signal: AbortSignal.timeout(2000) });
          if (r.ok) break;
        } catch { /* not listening yet */ }
      }
      await sleep(200);
    }
    this.readyMs.push(Math.round(performance.now() - t0));
  }

  /** Clean stop (its stop signal, then SIGKILL of the group after `graceMs`). */
  async stop(graceMs = 25_000): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    if (!this.exited) {
      try { process.kill(child.pid, this.spec.stopSignal ?? 'SIGTERM'); } catch { /* gone */ }
      const t = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), graceMs);
      await this.exitPromise;
      clearTimeout(t);
    }
    killGroup(child.pid, 'SIGKILL'); // task runner & co.
    untrack(child.pid);
    this.child = undefined;
    const log = this.log;
    this.log = undefined;
    if (log) await new Promise<void>((r) => log.end(() => r()));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL and Redis from Debian's packages

/** Directory with initdb/postgres/createdb: E2E_PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBinDir(): string {
  if (process.env.E2E_PG_BIN) return process.env.E2E_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL server not found under /usr/lib/postgresql (apt-get install postgresql)');
  return join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: then run it as the `postgres` OS user. */
function postgresIds(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) throw new Error('running as root but there is no `postgres` OS user');
  return { uid, gid };
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', uid: opts.uid, gid: opts.gid, env: opts.env ?? process.env, cwd: '/' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
}

export interface Postgres { port: number; dataDir: string; database: string; user: string; process: ManagedProcess; initMs: number }

export async function startPostgres(runDir: string, verbose = false): Promise<Postgres> {
  const bin = postgresBinDir();
  const ids = postgresIds();
  const dir = join(runDir, 'postgres');
  const dataDir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (ids.uid !== undefined) run('chown', [`${ids.uid}:${ids.gid}`, dir]);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
  const t0 = performance.now();
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions'], { ...ids, env });
  const initMs = Math.round(performance.now() - t0);
  const port = await freePort();
  const pg = new ManagedProcess({
    name: 'postgres',
    cmd: join(bin, 'postgres'),
    args: ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1',
      // a throwaway cluster: durability off, enough connections for 4 n8n processes
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100',
      '-c', 'shared_buffers=64MB'],
    cwd: dir, env, ...ids,
    logFile: join(runDir, 'postgres.log'),
    ready: { line: /database system is ready to accept connections/ },
    stopSignal: 'SIGINT',
    reapSignal: 'SIGINT',
    startTimeoutMs: 60_000,
    verbose,
  });
  await pg.start();
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { env });
  return { port, dataDir, database: 'n8n', user: 'postgres', process: pg, initMs };
}

export interface Redis { port: number; process: ManagedProcess }

export async function startRedis(runDir: string, verbose = false): Promise<Redis> {
  const dir = join(runDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const redis = new ManagedProcess({
    name: 'redis',
    cmd: process.env.E2E_REDIS_SERVER || 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    logFile: join(runDir, 'redis.log'),
    ready: { line: /Ready to accept connections/ },
    reapSignal: 'SIGTERM',
    startTimeoutMs: 30_000,
    verbose,
  });
  await redis.start();
  return { port, process: redis };
}

// ---------------------------------------------------------------------------------------------
// The cluster

export interface QueueClusterOptions {
  /** `npm pack` tarball installed into every process's user folder. */
  packageTarball: string;
  /** Default: E2E_QUEUE_RUN_DIR (set by queue.sh), else a new temp dir. Removed by stop() if we made it. */
  runDir?: string;
  workers?: number;
  /** Extra env for every n8n process. */
  env?: Record<string, string>;
  verbose?: boolean;
}

export interface N8nQueueProcess extends ManagedProcess {
  /** Its user folder (the package is installed in <userFolder>/.n8n/nodes). */
  userFolder: string;
}

export interface QueueCluster {
  runDir: string;
  encryptionKey: string;
  postgres: Postgres;
  redis: Redis;
  /** Main, driven through the existing harness (REST, public API, workflows, executions). */
  main: N8n;
  workers: N8nQueueProcess[];
  webhook: N8nQueueProcess;
  /** http://127.0.0.1:<port> of the webhook processor (production webhooks go there). */
  webhookUrl: string;
  timings: Record<string, number>;
  /** Calls a production webhook on the webhook processor: /webhook/<path>. */
  callWebhook(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; query?: Record<string, string> }): Promise<{ status: number; body: unknown; headers: Headers }>;
  /**
   * Names of the workers whose log says they started this execution (normally exactly one),
   * waiting up to `timeoutMs` for the line to show up.
   */
  whoRan(executionId: string, timeoutMs?: number): Promise<string[]>;
  /** Log tails of every process, for a failure report. */
  logTails(lines?: number): string;
  stop(): Promise<void>;
}

function n8nProcess(
  install: N8nInstallation, name: string, command: 'worker' | 'webhook', userFolder: string,
  env: Record<string, string>, readyUrl: string, verbose: boolean,
): N8nQueueProcess {
  const p = new ManagedProcess({
    name,
    cmd: install.nodeBin,
    args: [install.n8nBin, command],
    cwd: userFolder,
    env: childEnv(env),
    logFile: join(userFolder, 'n8n.log'),
    ready: { url: readyUrl },
    startTimeoutMs: 180_000,
    verbose,
  }) as N8nQueueProcess;
  p.userFolder = userFolder;
  return p;
}

export async function startQueueCluster(opts: QueueClusterOptions): Promise<QueueCluster> {
  const install = n8nInstallation();
  const ownRunDir = !opts.runDir && !process.env.E2E_QUEUE_RUN_DIR;
  const runDir = opts.runDir ?? process.env.E2E_QUEUE_RUN_DIR ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-queue-'));
  mkdirSync(runDir, { recursive: true });
  chmodSync(runDir, 0o755); // the postgres OS user must reach its directory inside
  pidFile = join(runDir, 'pids');
  const verbose = opts.verbose ?? process.env.N8N_E2E_VERBOSE === '1';
  const timings: Record<string, number> = {};
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const s of stoppers.reverse()) {
      try { await s(); } catch { /* keep going */ }
    }
    stoppers.length = 0;
  };

  try {
    let t0 = performance.now();
    const [postgres, redis] = await Promise.all([startPostgres(runDir, verbose), startRedis(runDir, verbose)]);
    stoppers.push(() => postgres.process.stop(), () => redis.process.stop());
    timings.postgresMs = Math.round(performance.now() - t0);
    timings.postgresInitdbMs = postgres.initMs;

    const encryptionKey = randomBytes(24).toString('hex');
    const webhookPort = await freePort();
    const webhookUrl = `http://127.0.0.1:${webhookPort}`;
    const shared: Record<string, string> = {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(postgres.port),
      DB_POSTGRESDB_DATABASE: postgres.database,
      DB_POSTGRESDB_USER: postgres.user,
      DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(redis.port),
      N8N_ENCRYPTION_KEY: encryptionKey,
      OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
      // URLs shown in the editor / given to nodes: production webhooks live on the webhook processor
      WEBHOOK_URL: `${webhookUrl}/`,
      N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL || 'info',
      ...(opts.env ?? {}),
    };

    // main first: it runs the migrations on the fresh database
    t0 = performance.now();
    const main = await startN8n({
      userFolder: join(runDir, 'main'),
      packageTarball: opts.packageTarball,
      env: { ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
      verbose,
    });
    track(main.pid, 'main'); // for the pid file (startN8n also kills it if this process exits)
    stoppers.push(async () => { await main.stop(); untrack(main.pid); });
    timings.mainMs = Math.round(performance.now() - t0);
    timings.mainReadyMs = main.timings.readyMs;

    const workers: N8nQueueProcess[] = [];
    for (let i = 1; i <= (opts.workers ?? 2); i++) {
      const folder = join(runDir, `worker-${i}`);
      mkdirSync(folder, { recursive: true });
      installCommunityPackage(folder, { packageTarball: opts.packageTarball }, install);
      const healthPort = await freePort();
      const env = {
        ...n8nEnv(install, folder, await freePort(), await freePort()),
        ...shared,
        QUEUE_HEALTH_CHECK_ACTIVE: 'true',
        QUEUE_HEALTH_CHECK_PORT: String(healthPort),
        N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
      };
      workers.push(n8nProcess(install, `worker-${i}`, 'worker', folder, env, `http://127.0.0.1:${healthPort}/healthz/readiness`, verbose));
    }
    const webhookFolder = join(runDir, 'webhook');
    mkdirSync(webhookFolder, { recursive: true });
    installCommunityPackage(webhookFolder, { packageTarball: opts.packageTarball }, install);
    const webhook = n8nProcess(install, 'webhook', 'webhook', webhookFolder,
      { ...n8nEnv(install, webhookFolder, webhookPort, await freePort()), ...shared },
      `${webhookUrl}/healthz/readiness`, verbose);

    t0 = performance.now();
    for (const p of [...workers, webhook]) stoppers.push(() => p.stop());
    await Promise.all([...workers, webhook].map((p) => p.start()));
    timings.workersAndWebhookMs = Math.round(performance.now() - t0);
    for (const p of [...workers, webhook]) timings[`${p.name}ReadyMs`] = p.readyMs[0];

    const cluster: QueueCluster = {
      runDir, encryptionKey, postgres, redis, main, workers, webhook, webhookUrl, timings,
      async callWebhook(path, init = {}) {
        return await callWebhookAt(webhookUrl, path, init);
      },
      async whoRan(executionId, timeoutMs = 5000) {
        const re = new RegExp(`Worker started execution ${executionId} \\(job `);
        const end = Date.now() + timeoutMs;
        for (;;) {
          const names = workers.filter((w) => re.test(w.logs())).map((w) => w.name);
          if (names.length > 0 || Date.now() > end) return names;
          await sleep(100);
        }
      },
      logTails(lines = 40) {
        const parts = [`main:\n${main.logs().split('\n').filter((l) => !/Python task runner|virtual environment/.test(l)).slice(-lines).join('\n')}`];
        for (const p of [...workers, webhook]) parts.push(`${p.name}:\n${p.tail(lines)}`);
        return parts.join('\n').replace(/^/gm, '# ');
      },
      async stop() {
        await stopAll();
        pidFile = '';
        if (ownRunDir && process.env.E2E_QUEUE_KEEP !== '1') rmSync(runDir, { recursive: true, force: true });
      },
    };
    return cluster;
  } catch (e) {
    await stopAll();
    throw e;
  }
}
