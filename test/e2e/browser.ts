/**
 * Drive n8n's editor in a real browser for test/e2e/editor.e2e.ts: Debian's headless Chromium
 * through playwright-core (no browser is downloaded: the executable is /usr/bin/chromium, or env
 * CHROMIUM_PATH). What the editor test reads from the page, and the rules it judges by:
 *  - the labels of the parameters shown in a node's panel, and when one is a raw parameter
 *    name (`rawParameterName`);
 *  - a resource locator's "From list" and a dropdown whose options are loaded from the API,
 *    and whether they listed something or showed an error / nothing;
 *  - browser console errors, page errors and failed requests, and which of them our package
 *    caused (`causedByPackage`).
 *
 * NOTES (n8n 2.41.1's editor, read from its pages and its bundle's data-test-id attributes):
 *  - Elements carry `data-test-id` (not Playwright's default `data-testid`): `tid()` builds the
 *    CSS selector. Sign-in: /signin, inputs #emailOrLdapLoginId and #password, button
 *    `form-submit-button`. The session is the `n8n-auth` cookie bound to a browser id the page
 *    keeps in localStorage, so the browser signs in itself rather than reuse the REST cookie.
 *  - Canvas nodes: `canvas-node` with `data-node-name`; double-click opens the panel (dialog
 *    `ndv`), `ndv-close-button` closes it. Parameter labels: `label.n8n-input-label`, the name
 *    in its first span; the Settings tab's labels are in the page too but hidden.
 *  - Resource locator `resource-locator-<name>`: `rlc-input` opens the list (a popover with
 *    `rlc-search` and one `rlc-item` per result); a failed search shows `rlc-error-container`
 *    ("Could not load list"), an empty one "No results".
 *  - Dropdowns (`parameter-input-<name>`) are Element Plus selects: the open list is the
 *    visible `.el-select__popper`, options `li.el-select-dropdown__item`. Their options are
 *    requested when the panel opens (POST /rest/dynamic-node-parameters/options), the
 *    locator's list when it is opened (…/resource-locator-results); a failed load answers 4xx/5xx.
 *  - A GET /rest/login 401 is logged before sign-in: n8n's own, not ours.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core';

import { PKG } from './workflows';

export const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(__dirname, '.artifacts'));

/** `[data-test-id="…"]`, n8n's test attribute. */
export const tid = (id: string): string => `[data-test-id="${id}"]`;

export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(path)) {
		throw new Error(`no Chromium at ${path}: run bash scripts/e2e/install-chromium.sh (Debian chromium + fonts-noto-cjk) or set CHROMIUM_PATH`);
	}
	return path;
}

export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		// root in CI containers: no sandbox; small /dev/shm: no shared memory; no GPU
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=en-US'],
		timeout: 60_000,
	});
}

/** Writes a PNG of the page into ARTIFACTS; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(ARTIFACTS, { recursive: true });
	const path = join(ARTIFACTS, `${name}.png`);
	await page.screenshot({ path });
	return path;
}

/** The page's HTML into ARTIFACTS (for a failing check). */
export async function saveHtml(page: Page, name: string): Promise<string> {
	mkdirSync(ARTIFACTS, { recursive: true });
	const path = join(ARTIFACTS, `${name}.html`);
	writeFileSync(path, await page.content());
	return path;
}

export async function signIn(page: Page, baseUrl: string, owner: { email: string; password: string }): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(owner.email);
	await page.locator('#password').fill(owner.password);
	await page.locator(tid('form-submit-button')).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Waits until `locator` stops moving (a panel sliding in), at most `timeoutMs`. */
export async function settled(locator: Locator, timeoutMs = 5_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < end) {
		const box = JSON.stringify(await locator.boundingBox().catch(() => null));
		if (box !== 'null' && box === last) return;
		last = box;
		await new Promise((r) => setTimeout(r, 120));
	}
}

/** Presses Escape until `locator` is hidden (a list, then its panel), at most `times` times. */
export async function escapeUntilHidden(page: Page, locator: Locator, times = 4): Promise<void> {
	for (let i = 0; i < times && (await locator.isVisible()); i++) {
		await page.keyboard.press('Escape');
		await locator.waitFor({ state: 'hidden', timeout: 1_000 }).catch(() => undefined);
	}
}

// ----------------------------------------------------------------------------- console watch

export interface BrowserProblem {
	kind: 'console' | 'pageerror' | 'response';
	text: string;
	url: string;
}

/** A request to the editor's dynamic-parameter endpoints and its answer. */
export interface DynamicRequest {
	endpoint: string;
	methodName: string;
	status: number;
	body: string;
	/** Milliseconds from request to answer. */
	ms: number;
}

/**
 * Whether a problem is ours: it mentions our package (its name, a node type, its icons) or the
 * endpoints that run our loadOptions / listSearch methods, on n8n's own origin. n8n's own noise
 * (a 401 before sign-in) mentions neither; requests to other hosts are n8n's editor calling out
 * (it asks registry.npmjs.org about each community package whose panel opens), which the
 * test blocks.
 */
export function causedByPackage(p: BrowserProblem, origin: string): boolean {
	if (p.url && !p.url.startsWith(origin)) return false; // another host: see BrowserWatch
	const text = `${p.text} ${p.url}`;
	return new RegExp(`${PKG}|sobot|bangwo8|/rest/dynamic-node-parameters/`, 'i').test(text);
}

/** Collects console errors, page errors and failed requests of a page, and its dynamic-parameter requests. */
export class BrowserWatch {
	readonly problems: BrowserProblem[] = [];
	readonly dynamic: DynamicRequest[] = [];
	private pending: Array<Promise<void>> = [];
	private started = new WeakMap<object, number>();
	private inflight = 0;

	/** `origin`: n8n's, e.g. http://127.0.0.1:5678. */
	constructor(
		page: Page,
		private readonly origin: string,
	) {
		const dynamic = (url: string) => url.includes('/rest/dynamic-node-parameters/');
		page.on('request', (r) => {
			this.started.set(r, Date.now());
			if (dynamic(r.url())) this.inflight++;
		});
		const finished = (r: Request) => {
			if (dynamic(r.url())) this.inflight--;
		};
		page.on('requestfinished', finished);
		page.on('requestfailed', finished);
		page.on('console', (m) => {
			if (m.type() === 'error') this.problems.push({ kind: 'console', text: m.text(), url: m.location().url ?? '' });
		});
		page.on('pageerror', (e) => this.problems.push({ kind: 'pageerror', text: e.stack || e.message, url: '' }));
		page.on('response', (r) => {
			const url = r.url();
			const status = r.status();
			if (status >= 400) {
				this.problems.push({ kind: 'response', text: `HTTP ${status} ${r.request().method()} ${new URL(url).pathname}`, url });
			}
			const m = /\/rest\/dynamic-node-parameters\/([\w-]+)/.exec(url);
			if (m) {
				let methodName = '';
				try {
					methodName = String((JSON.parse(r.request().postData() ?? '{}') as { methodName?: unknown }).methodName ?? '');
				} catch {
					/* not JSON */
				}
				const entry: DynamicRequest = { endpoint: m[1], methodName, status, body: '', ms: Date.now() - (this.started.get(r.request()) ?? Date.now()) };
				this.dynamic.push(entry);
				this.pending.push(
					r.text().then(
						(b) => void (entry.body = b.slice(0, 500)),
						() => undefined,
					),
				);
			}
		});
	}

	/** Waits until no dynamic-parameter request has been open for `quietMs` (at most `timeoutMs`). */
	async idle(quietMs = 400, timeoutMs = 15_000): Promise<void> {
		const end = Date.now() + timeoutMs;
		let quietSince = Date.now();
		while (Date.now() < end) {
			if (this.inflight > 0) quietSince = Date.now();
			else if (Date.now() - quietSince >= quietMs) return;
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	/** Waits for the bodies of the answers seen so far. */
	async settle(): Promise<void> {
		await Promise.all(this.pending);
	}

	/** Problems our package caused, from index `from` on. */
	ours(from = 0): BrowserProblem[] {
		return this.problems.slice(from).filter((p) => causedByPackage(p, this.origin));
	}
}

// ------------------------------------------------------------------------------------ labels

/**
 * When a label shown in the editor is a raw parameter name rather than words, the word that
 * gives it away; undefined for a good label. n8n's labels are Title Case words ("Customer",
 * "Ticket Template Name or ID", "WeChat UnionID (Self-Built App)"), so a label is raw when
 *  - a word joins letters or digits with `_` (snake_case: `wx_build_unionid`, `crm_status`), or
 *  - a word starts lower-case and has a capital later (camelCase: `additionalFields`,
 *    `ticketTemplateId`), or
 *  - the label itself starts lower-case (a one-word name: `email`, `tel`).
 * Brand spellings with a capital first (WeChat, UnionID) pass; so do small words inside a
 * label ("Name or ID").
 */
export function rawParameterName(label: string): string | undefined {
	const text = label.trim();
	for (const word of text.split(/[\s()/,:;.?!"']+/).filter(Boolean)) {
		if (/[A-Za-z0-9]_[A-Za-z0-9]/.test(word)) return word;
		if (/^[a-z][a-z0-9]*[A-Z]/.test(word)) return word;
	}
	if (/^[a-z]/.test(text)) return text.split(/\s+/)[0];
	return undefined;
}

/** The labels of the parameters visible in the open node panel (Parameters tab). */
export async function panelLabels(page: Page): Promise<string[]> {
	const labels = page.locator(`${tid('ndv')} label.n8n-input-label`).filter({ visible: true });
	const texts = await labels.evaluateAll((els) =>
		els.map((el) => (el.querySelector('span')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()),
	);
	return texts.filter((t) => t !== '');
}

/** Labels (or option names) that are raw parameter names, as "label (word)". */
export function rawLabels(labels: string[]): string[] {
	return labels.flatMap((l) => {
		const word = rawParameterName(l);
		return word ? [`"${l}" (${word})`] : [];
	});
}

// ------------------------------------------------------------------------------------- panels

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`${tid('canvas-node')}[data-node-name="${name}"]`);
}

/** Closes the open panel if any, then opens the panel of the canvas node `name` by double-click. */
export async function openPanel(page: Page, name: string): Promise<void> {
	await closePanel(page);
	await canvasNode(page, name).dblclick();
	const ndv = page.locator(tid('ndv'));
	await ndv.waitFor({ state: 'visible', timeout: 15_000 });
	await ndv.locator(tid('parameter-input')).first().waitFor({ state: 'visible', timeout: 15_000 });
}

export async function closePanel(page: Page): Promise<void> {
	const ndv = page.locator(tid('ndv'));
	if (!(await ndv.isVisible())) return;
	await page.keyboard.press('Escape'); // closes an open list first
	if (await ndv.isVisible()) await ndv.locator(tid('ndv-close-button')).click();
	await ndv.waitFor({ state: 'hidden', timeout: 10_000 });
}

// ------------------------------------------------------------------------------ list checks

/** What an opened list showed. */
export interface ListShown {
	/** The entries' texts (first 20). */
	items: string[];
	/** Error text the list showed, or '' */
	error: string;
	/** "No results" or a similar empty state, or '' */
	empty: string;
}

/** Why a list fails the check (empty or an error), or '' when it listed something. */
export function listProblem(shown: ListShown): string {
	if (shown.error) return `shows an error: ${shown.error}`;
	if (shown.items.length === 0) return `is empty${shown.empty ? ` ("${shown.empty}")` : ''}`;
	return '';
}

async function poll<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await read();
		if (v !== undefined || Date.now() > end) return v;
		await new Promise((r) => setTimeout(r, 150));
	}
}

/**
 * Opens the "From list" of resource locator `name` in the open panel and reads what it lists
 * (one list is open at a time, so its entries and error box are the visible ones).
 */
export async function openLocatorList(page: Page, name: string, timeoutMs = 20_000): Promise<ListShown> {
	const rl = page.locator(`${tid('ndv')} ${tid(`resource-locator-${name}`)}`);
	const input = rl.locator(tid('rlc-input'));
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	const items = page.locator(tid('rlc-item')).filter({ visible: true });
	const errorBox = page.locator(tid('rlc-error-container')).filter({ visible: true }).first();
	const search = page.locator(tid('rlc-search')).filter({ visible: true }).first();
	let clickedAt = 0;
	const shown = await poll(async (): Promise<ListShown | undefined> => {
		if (await errorBox.isVisible()) return { items: [], error: (await errorBox.innerText()).replace(/\s+/g, ' ').trim(), empty: '' };
		const n = await items.count();
		if (n > 0) return { items: (await items.allInnerTexts()).slice(0, 20).map((t) => t.trim()), error: '', empty: '' };
		if (!(await search.isVisible())) {
			// not open yet: a click while the page is still busy can be lost, so click again
			// (only while the list is closed: a click on an open one closes it)
			const open = await page.locator('[aria-haspopup="dialog"][aria-expanded="true"]').filter({ has: input }).count();
			if (open === 0 && Date.now() - clickedAt > 2000) {
				clickedAt = Date.now();
				await input.click({ timeout: 5_000 }).catch(() => undefined);
			}
			return undefined;
		}
		const popover = page.locator('[role="dialog"]').filter({ has: search }).first();
		const text = (await popover.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
		if (/No results|Enter a search term/.test(text)) return { items: [], error: '', empty: text.slice(0, 200) };
		return undefined;
	}, timeoutMs);
	return shown ?? { items: [], error: '', empty: `nothing after ${timeoutMs} ms` };
}

/**
 * Opens dropdown `name` in the open panel (options loaded from the API) and reads what it lists.
 * A failed load shows no list at all: the select becomes a disabled input reading "Error
 * fetching options from <node>".
 */
export async function openDropdown(page: Page, name: string, timeoutMs = 20_000): Promise<ListShown> {
	const param = page.locator(`${tid('ndv')} ${tid(`parameter-input-${name}`)}`);
	await param.waitFor({ state: 'visible', timeout: 10_000 });
	// The open list is the popper holding the listbox the select's combobox controls.
	const combobox = param.locator('input[role="combobox"]').first();
	const popper = page.locator('.el-select__popper').filter({ visible: true }).filter({
		has: page.locator('[role="listbox"]').filter({ visible: true }),
	});
	const listOf = async () => {
		const id = await combobox.getAttribute('aria-controls', { timeout: 1000 }).catch(() => null);
		return id ? page.locator('.el-select__popper').filter({ has: page.locator(`[id="${id}"]`) }).first() : popper.first();
	};
	const loadError = async (): Promise<string> => {
		const values = await param.locator('input').evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
		return values.find((v) => /error|problem loading/i.test(v)) ?? '';
	};
	let clickedAt = 0;
	const shown = await poll(async (): Promise<ListShown | undefined> => {
		const error = await loadError();
		if (error) return { items: [], error, empty: '' };
		const list = await listOf();
		if (!(await list.isVisible())) {
			// The select ignores clicks while it is still mounting or loading: click again.
			if (Date.now() - clickedAt > 1500) {
				clickedAt = Date.now();
				await combobox.click({ timeout: 5_000 }).catch(() => undefined);
			}
			return undefined;
		}
		const text = (await list.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
		if (/Loading options/i.test(text)) return undefined;
		const options = list.locator('li.el-select-dropdown__item');
		const n = await options.count();
		if (n > 0) return { items: (await options.allInnerTexts()).slice(0, 20).map((t) => t.replace(/\s+/g, ' ').trim()), error: '', empty: '' };
		if (text) return { items: [], error: '', empty: text.slice(0, 200) };
		return undefined;
	}, timeoutMs);
	return shown ?? { items: [], error: '', empty: `nothing after ${timeoutMs} ms` };
}
