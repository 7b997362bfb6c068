/**
 * `npm run dev` (scripts/dev.sh runs this under the cached Node 24 with scripts/ts-register.js):
 * n8n 2.41.1 on http://127.0.0.1:5678 with this package loaded and rebuilt on every change,
 * and by default a sandbox: the fake Sobot and Bangwo8 servers with demo data, credentials for
 * them, the example workflows imported (the two Sobot Trigger ones active), the owner's login.
 *
 *   npm run dev                     sandbox (throwaway n8n user folder, recreated every run)
 *   npm run dev -- --no-sandbox     your real accounts (persistent user folder, owner kept)
 *   options: --port=5678 (0: any free port)  --no-watch (build once, no rebuild)
 *            --fresh (wipe the persistent folder)  --exit (stop once everything is up: a smoke
 *            check for CI, exit status 1 if a node type is missing or a credential test fails)
 *   env:     N8N_DEV_HOME (default ~/.cache/n8n-bangwo8-sobot-dev), N8N_DEV_PORT, DEV_SANDBOX=0,
 *            N8N_E2E_VERBOSE=1 (n8n's log on stderr; it is always in <user folder>/n8n.log)
 *
 * How the package gets into n8n: like a community package (so node types are
 * `n8n-nodes-bangwo8-sobot.*`, as in a real install and in the examples), in
 * <user folder>/.n8n/nodes/node_modules/n8n-nodes-bangwo8-sobot: our package.json plus a dist/
 * that `tsc --watch` writes directly (icons copied after every compile). n8n runs with
 * N8N_DEV_RELOAD=true: in 2.41 that watches every loaded package folder (@parcel/watcher, shipped
 * prebuilt), drops its modules from require's cache and reloads the package's nodes and
 * credentials, then tells open editors (reload the browser tab to see a changed description).
 * `n8n-node dev` of @n8n/node-cli does the same with a symlink into ~/.n8n/custom, but there
 * n8n names the nodes `CUSTOM.*` and it runs `npx n8n@latest` (network, a different n8n).
 *
 * Ctrl-C stops n8n, the compiler and the fakes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

import { N8nHttpError, n8nInstallation, startN8n, type N8n } from '../test/e2e/n8n';
import {
	SANDBOX,
	bindCredentials,
	createSandboxCredentials,
	crmPushOf,
	loadExamples,
	seedDemoData,
	sobotTriggerPath,
	startSandboxFakes,
	type SandboxFakes,
} from './dev.sandbox';

const REPO = resolve(__dirname, '..');
const PKG = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };

const args = new Set(process.argv.slice(2));
const argValue = (name: string): string | undefined =>
	process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sandbox = !args.has('--no-sandbox') && process.env.DEV_SANDBOX !== '0';
const exitWhenUp = args.has('--exit');
const watch = !args.has('--no-watch') && !exitWhenUp;
const port = Number(argValue('port') ?? process.env.N8N_DEV_PORT ?? 5678);
const home = process.env.N8N_DEV_HOME || join(homedir(), '.cache', 'n8n-bangwo8-sobot-dev');
const userFolder = join(home, sandbox ? 'sandbox' : 'n8n');
const OWNER = sandbox
	? { email: 'owner@sandbox.test', password: 'Sandbox-Passw0rd', firstName: 'Sandbox', lastName: 'Owner' }
	: { email: 'owner@localhost.test', password: 'Dev-Passw0rd', firstName: 'Dev', lastName: 'Owner' };

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[dev +${since()}] ${line}\n`);

let tsc: ChildProcess | undefined;
let n8n: N8n | undefined;
let fakes: SandboxFakes | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		say('stopping n8n, the compiler and the fakes …');
		if (tsc && tsc.exitCode === null) tsc.kill('SIGTERM');
		await n8n?.stop().catch(() => undefined);
		await fakes?.stop().catch(() => undefined);
		say('stopped');
	}
	process.exit(code);
}
process.on('exit', () => {
	if (tsc && tsc.exitCode === null) tsc.kill('SIGKILL');
});

/** The package folder n8n loads: our package.json (as n8n installs it: no dev/peer deps) + dist/. */
function preparePackageFolder(): string {
	const dir = join(userFolder, '.n8n', 'nodes', 'node_modules', PKG.name);
	rmSync(join(dir, 'dist'), { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const { devDependencies, peerDependencies, scripts, ...pj } = PKG;
	void devDependencies; void peerDependencies; void scripts;
	writeFileSync(join(dir, 'package.json'), JSON.stringify(pj, null, 2));
	const list = join(userFolder, '.n8n', 'nodes', 'package.json');
	writeFileSync(list, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PKG.name]: PKG.version } }, null, 2));
	return dir;
}

/** Icons (tsc emits the .node.json codex files itself: tsconfig includes nodes/**\/*.json). */
function copyAssets(pkgDir: string): number {
	let n = 0;
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const p = join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (/\.(svg|png)$/.test(e.name)) {
				const dest = join(pkgDir, 'dist', relative(REPO, p));
				mkdirSync(dirname(dest), { recursive: true });
				cpSync(p, dest);
				n++;
			}
		}
	};
	for (const top of ['nodes', 'credentials']) if (existsSync(join(REPO, top))) walk(join(REPO, top));
	return n;
}

/** Starts `tsc --watch` (or one `tsc`) into the package folder; resolves after the first compile. */
function startCompiler(nodeBin: string, pkgDir: string): Promise<void> {
	const tscJs = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
	const tscArgs = [tscJs, '-p', join(REPO, 'tsconfig.json'), '--outDir', join(pkgDir, 'dist'), '--pretty', 'false'];
	if (watch) tscArgs.push('--watch', '--preserveWatchOutput');
	return new Promise((res, rej) => {
		let first = true;
		let buffer = '';
		tsc = spawn(nodeBin, tscArgs, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
		tsc.on('error', rej);
		tsc.on('exit', (code) => {
			if (!watch) {
				copyAssets(pkgDir);
				say(`compiled into ${pkgDir}/dist (exit ${code})`);
				if (code === 0) res();
				else rej(new Error(`tsc exited with ${code}`));
			} else if (!stopping) {
				say(`tsc --watch exited (${code}); stopping`);
				void shutdown(1);
			}
		});
		tsc.stdout!.on('data', (b: Buffer) => {
			buffer += b.toString();
			let nl: number;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const line = buffer.slice(0, nl).trim();
				buffer = buffer.slice(nl + 1);
				if (!line) continue;
				const done = /Found (\d+) errors?\. Watching for file changes/.exec(line);
				if (/error TS\d+/.test(line)) process.stdout.write(`[tsc] ${line}\n`);
				else if (done) {
					copyAssets(pkgDir);
					if (first) {
						first = false;
						say(`compiled (${done[1]} errors) into ${pkgDir}/dist; watching for changes`);
						res();
					} else {
						say(`recompiled (${done[1]} errors); n8n reloads the package (reload the editor tab)`);
					}
				} else if (/File change detected/.test(line)) say('change detected, compiling …');
			}
		});
	});
}

/** Owner: created on a new user folder, else logged in (the persistent folder keeps it). */
async function ensureOwner(inst: N8n): Promise<void> {
	try {
		await inst.login();
		return;
	} catch (e) {
		if (!(e instanceof N8nHttpError)) throw e;
	}
	await inst.rest('POST', '/owner/setup', OWNER);
	await inst.login();
}

async function main(): Promise<void> {
	say(`${PKG.name} ${PKG.version}: ${sandbox ? 'sandbox (fake Sobot + Bangwo8)' : 'no sandbox (your real accounts)'}, port ${port}`);
	const install = n8nInstallation({ install: true }); // runs scripts/e2e/install-n8n.sh once (~8 min cold)
	say(`n8n ${install.n8nVersion} under Node ${install.nodeVersion} from ${dirname(dirname(install.n8nBin))}`);

	if (sandbox || args.has('--fresh')) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const pkgDir = preparePackageFolder();
	await startCompiler(install.nodeBin, pkgDir);

	if (sandbox) {
		fakes = await startSandboxFakes();
		const counts = seedDemoData(fakes);
		say(`fake Sobot ${fakes.sobot.origin}: ${JSON.stringify(counts.sobot)}`);
		say(`fake Bangwo8 ${fakes.bangwo8.origin}: ${JSON.stringify(counts.bangwo8)}`);
	}

	say(`starting n8n (log: ${join(userFolder, 'n8n.log')}) …`);
	n8n = await startN8n({
		userFolder,
		port: port === 0 ? undefined : port,
		owner: OWNER,
		setup: false,
		cleanup: false,
		env: { N8N_DEV_RELOAD: 'true' },
	});
	// startN8n's SIGINT hook kills n8n at once; ours stops everything in order.
	for (const sig of ['SIGINT', 'SIGTERM'] as const) {
		process.removeAllListeners(sig);
		process.once(sig, () => void shutdown(130));
	}
	await ensureOwner(n8n);
	say(`n8n ready in ${(n8n.timings.readyMs / 1000).toFixed(1)} s`);

	const types = new Set((await n8n.nodeTypes()).filter((t) => t.name.startsWith(`${PKG.name}.`)).map((t) => t.name));
	say(`our node types: ${[...types].join(', ') || 'NONE (see the log)'}`);
	const n8nSection = PKG.n8n as { nodes: string[] };
	let problems = n8nSection.nodes
		.map((f) => f.replace(/^.*\/([^/]+)\.node\.js$/, '$1'))
		.map((cls) => `${PKG.name}.${cls[0].toLowerCase()}${cls.slice(1)}`)
		.filter((type) => !types.has(type))
		.map((type) => `node type ${type} not loaded`);

	const lines: string[] = [];
	if (sandbox && fakes) {
		const creds = await createSandboxCredentials(n8n, fakes);
		for (const c of Object.values(creds)) {
			const r = await n8n.testCredential(c);
			lines.push(`  credential ${c.name}: test ${r.status}${r.status === 'OK' ? '' : ` (${r.message})`}`);
			if (r.status !== 'OK') problems = [...problems, `credential test of ${c.name}: ${r.message}`];
		}
		const customer = fakes.sobot.customers.values().next().value!;
		for (const { file, workflow } of loadExamples()) {
			const wf = await n8n.createWorkflow(bindCredentials(workflow, creds));
			let extra = '';
			if (workflow.nodes.some((n) => n.type.endsWith('.sobotTrigger'))) {
				await n8n.activateWorkflow(wf.id);
				const url = `${n8n.baseUrl}/webhook/${sobotTriggerPath(workflow)}?secret=${SANDBOX.triggerSecret}`;
				extra =
					`\n      active; push a Sobot customer to it:\n      curl -s -H 'content-type: application/json' ` +
					`'${url}' -d '${JSON.stringify(crmPushOf(customer))}'`;
			}
			lines.push(`  workflow "${wf.name}" (${file}): ${n8n.baseUrl}/workflow/${wf.id}${extra}`);
		}
	}

	const bar = '='.repeat(78);
	process.stdout.write(
		[
			'',
			bar,
			`  n8n ${install.n8nVersion} with ${PKG.name}: ${n8n.baseUrl}   (ready after ${since()})`,
			`  log in: ${OWNER.email} / ${OWNER.password}`,
			...(sandbox
				? [
						`  sandbox: fake Sobot ${fakes!.sobot.origin}, fake Bangwo8 ${fakes!.bangwo8.origin} (data lives in this process)`,
						...lines,
						`  the sandbox user folder ${userFolder} is recreated on every run: export what you build`,
					]
				: [`  user folder (kept between runs; --fresh wipes it): ${userFolder}`, '  add your Sobot / Bangwo8 credentials under Credentials → Add credential']),
			exitWhenUp ? '  --exit: stopping now' : watch ? '  editing nodes/ or credentials/ recompiles and n8n reloads the package' : '  --no-watch: built once',
			...(exitWhenUp ? [] : ['  Ctrl-C stops everything']),
			bar,
			'',
		].join('\n'),
	);
	if (exitWhenUp) {
		for (const p of problems) process.stderr.write(`[dev] PROBLEM: ${p}\n`);
		await shutdown(problems.length ? 1 : 0);
	}
}

main().catch(async (e: unknown) => {
	process.stderr.write(`[dev] ${(e as Error).stack ?? String(e)}\n`);
	await shutdown(1);
});
