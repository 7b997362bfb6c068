/**
 * End-to-end in n8n's editor: the packed package inside a real n8n 2.41.1 (test/e2e/n8n.ts),
 * the fake vendors holding the sandbox's demo data (scripts/dev.sandbox.ts), and Debian's
 * headless Chromium driven by playwright-core (test/e2e/browser.ts) doing what a user does:
 * sign in, open a workflow holding each of our five node types and open each node's panel.
 *
 * Checks (one test each, in order, sharing one browser page):
 *  - the node picker, over an example workflow (examples/), finds our nodes and lists their
 *    actions grouped per resource;
 *  - every panel's parameter labels are words, not raw parameter names (rule in
 *    browser.ts `rawParameterName`), including the names in Sobot customer Create's "Add Field";
 *  - per action node, one resource locator "From list" and one dropdown loaded from the API
 *    list something and show no error;
 *  - a node saved before its ID became a resource locator (a plain string) shows that ID
 *    (and what older dropdown values look like is printed);
 *  - the browser console shows no error caused by the package;
 *  - the same checks DO fail on a broken case (credentials pointing at a closed port), so a
 *    check that passes above is not a check that cannot fail.
 * Screenshots of the main panels go to E2E_ARTIFACTS (default test/e2e/.artifacts/: a dot-folder,
 * which `n8n-node build` does not copy into dist/ as it does every other *.png).
 *
 * Run by scripts/e2e/run.sh (one closing line "e2e: N passed, N failed" for all files).
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_ARTIFACTS.
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import {
	SANDBOX,
	bindCredentials,
	createSandboxCredentials,
	loadExamples,
	seedDemoData,
	startSandboxFakes,
	type SandboxCredentials,
	type SandboxFakes,
} from '../../scripts/dev.sandbox';
import {
	ARTIFACTS,
	BrowserWatch,
	canvasNode,
	escapeUntilHidden,
	launchChromium,
	listProblem,
	openDropdown,
	openLocatorList,
	openPanel,
	panelLabels,
	rawLabels,
	rawParameterName,
	saveHtml,
	screenshot,
	settled,
	signIn,
	tid,
	type ListShown,
} from './browser';
import { type Credential, type N8n, type Workflow, type WorkflowNode, freePort, packPackage, startN8n } from './n8n';
import { ms, T } from './workflows';

const REPO = resolve(__dirname, '..', '..');

let n8n: N8n;
let fakes: SandboxFakes;
let creds: SandboxCredentials;
let broken: { sobotApi: Credential; bangwo8OAuth2Api: Credential };
let tarball = '';
let browser: Browser;
let page: Page;
let watch: BrowserWatch;
let workflow: Workflow;
/** An example workflow (examples/): a realistic canvas behind the node picker. */
let exampleWorkflow: Workflow;

/** A node at (x, y) with credentials given as n8n answered them. */
function at(name: string, type: string, [x, y]: [number, number], parameters: Record<string, unknown>, credentials?: Record<string, Credential>): WorkflowNode {
	const n: WorkflowNode = { name, type, typeVersion: 1, position: [x, y], parameters };
	if (credentials) n.credentials = Object.fromEntries(Object.entries(credentials).map(([k, c]) => [k, { id: c.id, name: c.name }]));
	return n;
}

/** The node names of the workflow the editor opens. */
const N = {
	sobotTrigger: 'Sobot Trigger',
	sobotTicketTrigger: 'Sobot Ticket Trigger',
	bangwo8Trigger: 'Bangwo8 Trigger',
	sobotGet: 'Get Sobot Customer',
	sobotAssign: 'Assign Sobot Customers',
	sobotCreate: 'Create Sobot Customer',
	bangwo8ContactGet: 'Get Bangwo8 Contact',
	bangwo8TicketCreate: 'Create Bangwo8 Ticket',
	oldGet: 'Get Customer (saved before locators)',
	oldStage: 'Set Stage (saved before locators)',
	oldAssign: 'Assign (saved with old dropdown values)',
	brokenSobot: 'Get Sobot Customer (credential pointing nowhere)',
	brokenBangwo8: 'Create Bangwo8 Ticket (credential pointing nowhere)',
} as const;

function editorWorkflowNodes(c: SandboxCredentials, f: SandboxFakes, nowhere: typeof broken): WorkflowNode[] {
	const sobot = { sobotApi: c.sobotApi };
	const bangwo8 = { bangwo8OAuth2Api: c.bangwo8OAuth2Api };
	return [
		at(N.sobotTrigger, T.sobotTrigger, [0, 0], { authentication: 'querySecret', secret: 'a-long-random-secret-for-the-editor-test' }),
		at(N.sobotTicketTrigger, T.sobotTicketTrigger, [300, 0], { event: 'ticketCreated' }, sobot),
		at(N.bangwo8Trigger, T.bangwo8Trigger, [600, 0], { authentication: 'oAuth2', event: 'contactCreated' }, bangwo8),
		at(N.sobotGet, T.sobot, [0, 220], { resource: 'customer', operation: 'get' }, sobot),
		at(N.sobotAssign, T.sobot, [300, 220], { resource: 'customer', operation: 'assign', customerIds: '' }, sobot),
		at(N.sobotCreate, T.sobot, [600, 220], { resource: 'customer', operation: 'create' }, sobot),
		at(N.bangwo8ContactGet, T.bangwo8, [900, 220], { authentication: 'oAuth2', resource: 'contact', operation: 'get' }, bangwo8),
		at(N.bangwo8TicketCreate, T.bangwo8, [1200, 220], {
			authentication: 'oAuth2', resource: 'ticket', operation: 'create', subject: 'Printer does not start', replyMsg: 'It beeps twice.',
			// picked values, as a user leaves them (an added but empty dropdown is flagged until picked)
			additionalFields: { ticketTemplateId: f.bangwo8.ticketTemplates[0].tId, servicerUserId: [...f.bangwo8.agents.values()][0].sId },
		}, bangwo8),
		// As saved before these parameters were resource locators / held plain IDs:
		// the customer ID was a text field, the stage and agents dropdowns stored JSON.
		at(N.oldGet, T.sobot, [0, 440], { resource: 'customer', operation: 'get', customerId: '123' }, sobot),
		at(N.oldStage, T.sobot, [300, 440], {
			resource: 'customer', operation: 'setStage', customerId: '123',
			stage: JSON.stringify({ id: SANDBOX.stageId, name: '初步沟通' }), stage_type: 1,
		}, sobot),
		at(N.oldAssign, T.sobot, [600, 440], {
			resource: 'customer', operation: 'assign', customerIds: '123',
			agents: [JSON.stringify({ id: SANDBOX.agentId, name: 'SCRM测试' })],
		}, sobot),
		// The broken case the checks must fail on: credentials pointing at a closed port.
		at(N.brokenSobot, T.sobot, [0, 660], { resource: 'customer', operation: 'get' }, { sobotApi: nowhere.sobotApi }),
		at(N.brokenBangwo8, T.bangwo8, [300, 660], {
			authentication: 'oAuth2', resource: 'ticket', operation: 'create', subject: 's', replyMsg: 'r', additionalFields: { ticketTemplateId: '' },
		}, { bangwo8OAuth2Api: nowhere.bangwo8OAuth2Api }),
	];
}

/** Opens node `name`'s panel and checks its labels; returns them. */
async function openAndCheckLabels(name: string): Promise<string[]> {
	await openPanel(page, name);
	await watch.idle(); // options loaded, the panel settled
	const labels = await panelLabels(page);
	assert.ok(labels.length >= 2, `${name}: the panel shows its parameters (labels: ${JSON.stringify(labels)})`);
	assert.deepEqual(rawLabels(labels), [], `${name}: labels that are raw parameter names`);
	return labels;
}

function assertListed(what: string, shown: ListShown): void {
	const problem = listProblem(shown);
	assert.equal(problem, '', `${what} ${problem}`);
}

/** The answer n8n gave the editor for a loadOptions / listSearch method (the last one). */
function dynamicAnswer(methodName: string) {
	return [...watch.dynamic].reverse().find((d) => d.methodName === methodName);
}

const failed: string[] = [];

describe('the package in n8n\'s editor (headless Chromium)', { timeout: 10 * 60_000 }, () => {
	before(async () => {
		assert.ok(existsSync(join(REPO, 'dist', 'nodes', 'Sobot', 'Sobot.node.js')), 'dist/ missing: run npm run build first');
		let t0 = performance.now();
		tarball = packPackage(REPO);
		fakes = await startSandboxFakes();
		seedDemoData(fakes);
		const [started, launched] = await Promise.all([startN8n({ packageTarball: tarball }), launchChromium()]);
		n8n = started;
		browser = launched;
		creds = await createSandboxCredentials(n8n, fakes);
		const nowhere = `http://127.0.0.1:${await freePort()}`; // nothing listens there
		broken = {
			sobotApi: await n8n.createCredential({
				name: 'Sobot (nowhere)', type: 'sobotApi',
				data: { dataCenter: 'custom', customUrl: nowhere, appId: 'x', appSecretKey: 'y' },
			}),
			bangwo8OAuth2Api: await n8n.createCredential({
				name: 'Bangwo8 OAuth2 (nowhere)', type: 'bangwo8OAuth2Api',
				data: { baseUrl: `${nowhere}/api/v1`, clientId: 'x', clientSecret: 'y' },
			}),
		};
		const example = loadExamples().find((e) => e.file === 'sobot-new-customer-label-stage-assign.json');
		assert.ok(example, 'examples/sobot-new-customer-label-stage-assign.json');
		exampleWorkflow = await n8n.createWorkflow(bindCredentials(example.workflow, creds));
		workflow = await n8n.createWorkflow({ name: 'Editor test: our five node types', nodes: editorWorkflowNodes(creds, fakes, broken), connections: {} });
		console.log(`# n8n ${n8n.install.n8nVersion} at ${n8n.baseUrl} ready in ${n8n.timings.readyMs} ms, ${browser.browserType().name()} ${browser.version()}; set-up ${ms(t0)}`);
		t0 = performance.now();
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
		context.setDefaultTimeout(20_000);
		// Hermetic: the page talks to n8n only. (n8n's editor asks registry.npmjs.org about each
		// community package whose panel opens; CI machines may have no way out.)
		await context.route((url) => url.origin !== n8n.baseUrl, (route) => route.abort('blockedbyclient'));
		page = await context.newPage();
		watch = new BrowserWatch(page, n8n.baseUrl);
		console.log(`# screenshots: ${relative(process.cwd(), ARTIFACTS) || '.'}/`);
	});

	afterEach(async (t) => {
		// `passed` exists at run time in Node 24 but not yet in @types/node 24.19
		if ((t as unknown as { passed?: boolean }).passed === false) {
			failed.push(t.name);
			if (page) {
				const slug = t.name.replace(/[^\w]+/g, '-').slice(0, 60);
				await screenshot(page, `failed-${slug}`).catch(() => undefined);
				await saveHtml(page, `failed-${slug}`).catch(() => undefined);
			}
		}
	});

	after(async () => {
		if (failed.length > 0 && watch) {
			for (const p of watch.problems) console.log(`# browser ${p.kind}: ${p.text.slice(0, 300)} ${p.url}`);
		}
		await browser?.close();
		await n8n?.stop();
		await fakes?.stop();
		if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
	});

	test('sign in as the owner', async () => {
		const t0 = performance.now();
		await signIn(page, n8n.baseUrl, n8n.owner);
		console.log(`# signed in in ${ms(t0)}`);
	});

	test('node picker: "Sobot" and "Bangwo8" are found and list their actions grouped per resource', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/${exampleWorkflow.id}`);
		await canvasNode(page, 'Sobot Trigger').waitFor({ state: 'visible', timeout: 30_000 });
		const pickers = [
			{ query: 'Sobot', shot: 'node-picker-sobot', groups: ['Agent', 'Contact (Customer Centre)', 'Conversation', 'Custom Field', 'Customer', 'Customer Label', 'Label', 'Label Group', 'Live Chat', 'Region', 'Satisfaction', 'Source', 'Stage', 'Statistic', 'Ticket'], action: 'Get a customer' },
			{ query: 'Bangwo8', shot: 'node-picker-bangwo8', groups: ['Agent', 'Chat', 'Company', 'Contact', 'Contact Field', 'Customer Group', 'Ticket'], action: 'Create a ticket' },
		];
		for (const { query, shot, groups, action } of pickers) {
			await page.locator(tid('node-creator-plus-button')).click();
			const creator = page.locator(tid('node-creator'));
			await creator.waitFor({ state: 'visible' });
			await creator.locator(tid('node-creator-search-bar')).fill(query);
			const names = creator.locator(tid('node-creator-item-name'));
			let found: string[] = [];
			for (const end = Date.now() + 10_000; Date.now() < end && !found.includes(query); await page.waitForTimeout(150)) {
				found = (await names.allInnerTexts()).map((t) => t.trim());
			}
			assert.ok(found.includes(query), `searching "${query}" finds "${query}" (${JSON.stringify(found)})`);
			console.log(`# "${query}" finds: ${found.join(', ')}`);
			await names.filter({ hasText: new RegExp(`^${query}$`) }).first().click();
			const actionItem = creator.getByText(action, { exact: true }).first();
			await actionItem.waitFor({ state: 'visible' });
			await settled(actionItem); // the details slide in
			await screenshot(page, shot);
			const text = (await creator.innerText()).replace(/\s+/g, ' ');
			// group headers are shown upper-case: "CUSTOMER LABEL ACTIONS", "CONTACT (CUSTOMER CENTRE) ACTIONS"
			const headers = [...text.matchAll(/\b([A-Z]+(?: \(?[A-Z]+\)?)*) ACTIONS\b/g)].map((m) => m[1]);
			assert.deepEqual(headers.sort(), groups.map((g) => g.toUpperCase()).sort(), `${query}: one group of actions per resource`);
			console.log(`# ${query}: ${text.slice(0, 300)}`);
			await escapeUntilHidden(page, creator);
		}
	});

	test('open the workflow: one canvas node per node, all five of our types', async () => {
		const t0 = performance.now();
		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
		await canvasNode(page, N.sobotTrigger).waitFor({ state: 'visible', timeout: 30_000 });
		const types = await page.locator(tid('canvas-node')).evaluateAll((els) => els.map((el) => el.getAttribute('data-node-type') ?? ''));
		assert.equal(types.length, workflow.nodes.length);
		assert.deepEqual([...new Set(types)].sort(), Object.values(T).sort());
		console.log(`# canvas shown in ${ms(t0)}`);
	});

	test('Sobot Trigger panel: labels are words', async () => {
		const labels = await openAndCheckLabels(N.sobotTrigger);
		await screenshot(page, 'sobot-trigger-panel');
		console.log(`# labels: ${labels.join(' | ')}`);
	});

	test('Sobot Ticket Trigger panel: labels are words', async () => {
		const labels = await openAndCheckLabels(N.sobotTicketTrigger);
		console.log(`# labels: ${labels.join(' | ')}`);
	});

	test('Bangwo8 Trigger panel: labels are words', async () => {
		const labels = await openAndCheckLabels(N.bangwo8Trigger);
		console.log(`# labels: ${labels.join(' | ')}`);
	});

	test('Sobot customer Get: labels are words; Customer "From list" lists the customers', async () => {
		const labels = await openAndCheckLabels(N.sobotGet);
		const shown = await openLocatorList(page, 'customerId');
		assertListed('Customer "From list"', shown);
		await screenshot(page, 'sobot-customer-get-list');
		await watch.settle();
		assert.equal(dynamicAnswer('searchCustomers')?.status, 200, 'searchCustomers answered 200');
		console.log(`# labels: ${labels.join(' | ')}; list: ${shown.items.length} shown, first ${JSON.stringify(shown.items[0])}`);
	});

	test('Sobot customer Assign: labels are words; the Agents dropdown lists the agents', async () => {
		const labels = await openAndCheckLabels(N.sobotAssign);
		const shown = await openDropdown(page, 'agents');
		assertListed('Agents dropdown', shown);
		await watch.settle();
		assert.equal(dynamicAnswer('getAgents')?.status, 200, 'getAgents answered 200');
		console.log(`# labels: ${labels.join(' | ')}; dropdown: ${shown.items.length} options, first ${JSON.stringify(shown.items[0])}`);
	});

	test('Sobot customer Create: labels and the names offered by "Add Field" are words', async () => {
		await openAndCheckLabels(N.sobotCreate);
		const add = page.locator(`${tid('ndv')} ${tid('collection-parameter-add')}`).filter({ visible: true }).first();
		await add.click();
		const popper = page.locator('.el-select__popper, [role="listbox"], [role="menu"]').filter({ visible: true }).first();
		await popper.waitFor({ state: 'visible' });
		const names = (await popper.locator('li, [role="option"], [role="menuitem"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
		assert.ok(names.length >= 5, `"Add Field" offers the optional fields (${JSON.stringify(names)})`);
		assert.deepEqual(rawLabels(names), [], '"Add Field" names that are raw parameter names');
		console.log(`# "Add Field": ${names.join(' | ')}`);
		await page.keyboard.press('Escape');
	});

	test('Bangwo8 contact Get: labels are words; Contact "From list" lists the contacts', async () => {
		const labels = await openAndCheckLabels(N.bangwo8ContactGet);
		const shown = await openLocatorList(page, 'contactId');
		assertListed('Contact "From list"', shown);
		await watch.settle();
		assert.equal(dynamicAnswer('searchContacts')?.status, 200, 'searchContacts answered 200');
		console.log(`# labels: ${labels.join(' | ')}; list: ${shown.items.length} shown, first ${JSON.stringify(shown.items[0])}`);
	});

	test('Bangwo8 ticket Create: labels are words; the Ticket Template and Assignee dropdowns list theirs', async () => {
		const labels = await openAndCheckLabels(N.bangwo8TicketCreate);
		const assignees = await openDropdown(page, 'servicerUserId');
		assertListed('Assignee dropdown', assignees);
		await page.keyboard.press('Escape');
		const templates = await openDropdown(page, 'ticketTemplateId');
		assertListed('Ticket Template dropdown', templates);
		await screenshot(page, 'bangwo8-ticket-create-dropdown');
		await watch.settle();
		for (const m of ['getAgents', 'getTicketTemplates']) assert.equal(dynamicAnswer(m)?.status, 200, `${m} answered 200`);
		console.log(`# labels: ${labels.join(' | ')}; assignees: ${assignees.items.join(', ')}; templates: ${templates.items.join(', ')}`);
	});

	test('saved before locators: Sobot customer Get with customerId "123" (a plain string) shows 123 and no error', async () => {
		await openAndCheckLabels(N.oldGet);
		const rl = page.locator(`${tid('ndv')} ${tid('resource-locator-customerId')}`);
		const values = await rl.locator('input').evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
		const item = page.locator(`${tid('ndv')} ${tid('parameter-item')}`).filter({ has: rl });
		const issues = await item.locator(tid('parameter-issues')).count();
		const modeText = await rl.locator(tid('rlc-mode-selector')).innerText().catch(() => '');
		const modeInput = await rl.locator(`${tid('rlc-mode-selector')} input`).first().evaluate((el) => {
			const i = el as unknown as { value: string; placeholder: string };
			return i.value || `(empty; placeholder "${i.placeholder}")`;
		}).catch(() => '?');
		console.log(`# Customer shows inputs ${JSON.stringify(values)}, mode selector ${JSON.stringify(modeText.trim() || modeInput)}, ${issues} issue icon(s)`);
		assert.ok(values.includes('123'), `the Customer locator shows 123 (inputs: ${JSON.stringify(values)})`);
		assert.equal(issues, 0, 'no issue shown on Customer');
		assert.equal(await rl.locator(tid('rlc-error-container')).count(), 0, 'no list error');
		await screenshot(page, 'old-customer-id');
		// The other old forms: the stage locator (reported) and the agents dropdown holding the JSON
		// the dropdowns stored in 0.1.0 (shown by name, no issue).
		for (const [name, param] of [[N.oldStage, 'stage'], [N.oldAssign, 'agents']] as const) {
			await openPanel(page, name);
			await watch.idle();
			const box = page.locator(`${tid('ndv')} ${tid('parameter-item')}`).filter({ has: page.locator(`${tid(`resource-locator-${param}`)}, ${tid(`parameter-input-${param}`)}`) }).first();
			const text = (await box.innerText()).replace(/\s+/g, ' ').trim();
			const inputs = await box.locator('input').evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value).filter(Boolean));
			const n = await box.locator(tid('parameter-issues')).count();
			let issue = '';
			if (n > 0) {
				await box.locator(tid('parameter-issues')).first().hover();
				const tip = page.getByText('Issues:', { exact: true }).filter({ visible: true }).first();
				issue = await tip.locator('xpath=..').innerText({ timeout: 3000 }).then((t) => t.replace(/\s+/g, ' ').trim(), () => '(tooltip not read)');
				await page.mouse.move(0, 0);
			}
			console.log(`# ${name}: "${param}" shows ${JSON.stringify(text)} inputs ${JSON.stringify(inputs)}, ${n} issue icon(s)${issue ? `: ${issue}` : ''}`);
			await screenshot(page, `old-${param}`);
			if (param === 'agents') {
				// The dropdown offers the 0.1.0 value under the agent's name (getAgents), so it is not marked.
				assert.equal(n, 0, `no issue on the old agents value (${issue})`);
				assert.match(text, /as saved by version 0\.1\.0/, 'the old value is shown under its agent name');
			}
		}
	});

	test('the browser console shows no error caused by the package', async () => {
		await watch.settle();
		const ours = watch.ours();
		for (const p of watch.problems) console.log(`# browser ${p.kind}${ours.includes(p) ? ' (ours)' : ''}: ${p.text.slice(0, 200)} ${p.url}`);
		assert.deepEqual(ours.map((p) => `${p.kind}: ${p.text.slice(0, 300)}`), []);
	});

	test('the checks fail on a broken case: credentials pointing nowhere give list errors and console errors', async () => {
		const from = watch.problems.length;
		await openPanel(page, N.brokenSobot);
		const list = await openLocatorList(page, 'customerId');
		assert.notEqual(listProblem(list), '', `the locator check fails: ${JSON.stringify(list)}`);
		assert.match(list.error, /Could not load list/, 'because the list shows its error');
		await openPanel(page, N.brokenBangwo8);
		const dropdown = await openDropdown(page, 'ticketTemplateId');
		assert.notEqual(listProblem(dropdown), '', `the dropdown check fails: ${JSON.stringify(dropdown)}`);
		assert.match(dropdown.error, /Error fetching options/, 'because the dropdown shows its error');
		await screenshot(page, 'broken-dropdown');
		await saveHtml(page, 'broken-dropdown');
		await watch.settle();
		const ours = watch.ours(from);
		assert.ok(ours.some((p) => /dynamic-node-parameters/.test(p.url)), `the console check fails: ${JSON.stringify(ours.map((p) => p.text.slice(0, 120)))}`);
		console.log(`# locator list: ${listProblem(list)}; dropdown: ${listProblem(dropdown)}; ${ours.length} console/request problem(s) attributed to the package`);
		for (const d of watch.dynamic.filter((x) => x.status >= 400)) console.log(`# ${d.endpoint} ${d.methodName}: HTTP ${d.status} after ${d.ms} ms: ${d.body.slice(0, 200)}`);
	});

	test('the raw-name rule flags parameter names and passes labels', () => {
		for (const raw of ['additionalFields', 'wx_build_unionid', 'Custom crm_status', 'ticketTemplateId', 'email']) {
			assert.ok(rawParameterName(raw), `flags ${raw}`);
		}
		for (const label of ['WeChat UnionID (Self-Built App)', 'Ticket Template Name or ID', 'QQ', 'Custom Fields (JSON)', 'Look Back (Days)']) {
			assert.equal(rawParameterName(label), undefined, `passes ${label}`);
		}
	});
});
