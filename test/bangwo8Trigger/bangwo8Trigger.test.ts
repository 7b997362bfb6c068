/**
 * Bangwo8 Trigger (polling) in n8n's real PollContext against the fake Bangwo8 server: first
 * activation silent, every change emitted exactly once across polls, pages and days, manual test
 * runs, failures that leave the position alone, both credentials.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Bangwo8BasicAuthApi } from '../../credentials/Bangwo8BasicAuthApi.credentials';
import { Bangwo8OAuth2Api } from '../../credentials/Bangwo8OAuth2Api.credentials';
import { Bangwo8Trigger } from '../../nodes/Bangwo8Trigger/Bangwo8Trigger.node';
import { FakeBangwo8 } from '../fakes/bangwo8';
import { formatCst, type FakeResponse, type RecordedRequest } from '../fakes/base';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addBangwo8BasicCredential, addBangwo8OAuth2Credential, PACKAGE_NAME } from '../support/package';

const TRIGGER = `${PACKAGE_NAME}.bangwo8Trigger`;
const PASSWORD = 'bangwo8-password-secret';
const CLIENT_SECRET = 'bangwo8-client-secret-value';
const MINUTE = 60_000;
const DAY = 24 * 3600_000;

/** FakeBangwo8 with hooks to misbehave on chosen list pages, or to ignore the date filters. */
class TestFake extends FakeBangwo8 {
	/** Ignore created_start/updated_start/…_order, as a server with a broken filter would. */
	ignoreFilters = false;
	/** Runs once, right after the list page `page` has been answered. */
	afterPage: { page: string; run: () => void } | undefined;
	/** List page → how many more times it answers HTTP 500. */
	readonly failingPages = new Map<string, number>();

	protected override dispatch(req: RecordedRequest, isToken: boolean): FakeResponse {
		const page = req.query.page;
		const failures = page === undefined ? 0 : (this.failingPages.get(page) ?? 0);
		if (!isToken && failures > 0) {
			this.failingPages.set(page, failures - 1);
			return { status: 500, body: { errcode: '500', errmsg: 'server busy' } };
		}
		if (this.ignoreFilters && !isToken) {
			const query = { ...req.query };
			for (const key of ['created_start', 'updated_start', 'created_order', 'updated_order']) delete query[key];
			req = { ...req, query };
		}
		// Serialised now, as a real server would: a later change must not show up in this answer.
		const answer = structuredClone(super.dispatch(req, isToken));
		const hook = this.afterPage;
		if (hook && hook.page === page) {
			this.afterPage = undefined;
			hook.run();
		}
		return answer;
	}
}

type Events = 'contactCreated' | 'contactUpdated' | 'companyCreated' | 'companyUpdated' | 'ticketCreated' | 'ticketUpdated';

describe('Bangwo8 Trigger', () => {
	let fake: TestFake;
	let store: CredentialStore;
	let engine: Engine;
	let oauth: CredentialRef;
	let basic: CredentialRef;

	beforeEach(async () => {
		fake = new TestFake({ password: PASSWORD, clientSecret: CLIENT_SECRET });
		await fake.start();
		store = new CredentialStore();
		engine = new Engine({
			nodeTypes: { [TRIGGER]: new Bangwo8Trigger() },
			credentialTypes: [new Bangwo8OAuth2Api(), new Bangwo8BasicAuthApi()],
			credentials: store,
		});
		oauth = addBangwo8OAuth2Credential(store, fake, { clientSecret: CLIENT_SECRET });
		basic = addBangwo8BasicCredential(store, fake, { password: PASSWORD });
	});
	afterEach(async () => await fake.stop());

	/** One trigger (one event, one static-data object) polled again and again. */
	function trigger(event: Events, options: { authentication?: 'oAuth2' | 'basicAuth'; includeDeleted?: boolean } = {}) {
		const authentication = options.authentication ?? 'oAuth2';
		const staticData: IDataObject = {};
		const parameters = {
			authentication,
			event,
			options: options.includeDeleted === undefined ? {} : { includeDeleted: options.includeDeleted },
		};
		const credentials: Record<string, CredentialRef> =
			authentication === 'basicAuth' ? { bangwo8BasicAuthApi: basic } : { bangwo8OAuth2Api: oauth };
		return {
			staticData,
			/** The items of one poll ([] when the poll returned null), or the error it threw. */
			async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[]> {
				const { items } = await engine.poll({ type: TRIGGER, parameters, credentials, staticData, mode });
				if (items !== null) {
					expect(items).toHaveLength(1);
					expect(items[0].length).toBeGreaterThan(0); // never an empty output instead of null
				}
				return items === null ? [] : items[0];
			},
			position: () => JSON.parse(JSON.stringify(staticData['node:Trigger'])) as IDataObject,
		};
	}

	const ids = (items: INodeExecutionData[], field = 'cId') => items.map((item) => String(item.json[field]));
	const listCalls = (path = '/api/v1/users.json') => fake.requestsTo('GET', path);
	/** Sets a record's update time the way an edit in Bangwo8 would. */
	const touch = (record: { updateDT: string }, ms: number) => {
		record.updateDT = formatCst(ms);
	};

	it('first activation emits nothing old and makes no request; later polls emit only new records', async () => {
		const t = trigger('contactCreated');
		const now = Date.now();
		fake.seedUsers(5, { createdAt: now - 2 * DAY, stepSeconds: 3600 });
		fake.seedUsers(3, { createdAt: now - 2 * MINUTE, stepSeconds: 1 });

		expect(await t.poll()).toEqual([]);
		expect(listCalls()).toHaveLength(0);
		// The position is "now" in China time (UTC+8), the vendor's own clock.
		const { event, position, seen } = t.position() as { event: string; position: string; seen: string[] };
		expect([event, seen]).toEqual(['contactCreated', []]);
		expect(position >= formatCst(now - 1000) && position <= formatCst(Date.now())).toBe(true);

		// Same-day old records come back from the server (whole-day filter) but are not emitted.
		expect(await t.poll()).toEqual([]);
		expect(listCalls()).toHaveLength(1);

		const fresh = fake.seedUsers(2, { createdAt: Date.now() + MINUTE });
		const items = await t.poll();
		expect(ids(items)).toEqual(fresh.map((user) => user.cId));
		expect(items[0].json).toMatchObject({ name: fresh[0].name, createDT: fresh[0].createDT });
		expect(await t.poll()).toEqual([]);
	});

	it('asks only from the position day, ascending, 100 a page, and keeps only the keys at the last second', async () => {
		const t = trigger('contactUpdated');
		await t.poll();
		const day = String(t.position().position).slice(0, 10);
		const base = Date.now() + MINUTE;
		const users = fake.seedUsers(3, { createdAt: base - 10 * DAY, updatedAt: base, stepSeconds: 0 });
		const later = fake.seedUsers(1, { createdAt: base - DAY, updatedAt: base + 5000 });

		const items = await t.poll();
		expect(ids(items)).toEqual([...users, ...later].map((user) => user.cId));
		const request = listCalls().at(-1)!;
		expect(request.query).toMatchObject({ updated_start: day, updated_order: 'asc', per_page: '100', page: '1' });
		expect(request.query.created_start).toBeUndefined();
		expect(t.position()).toEqual({
			event: 'contactUpdated',
			position: later[0].updateDT,
			seen: [`${later[0].cId}@${later[0].updateDT}`],
		});

		// Another record in the very same second as the position is still new.
		const sibling = fake.addUser({ name: 'same second', createDT: later[0].updateDT, updateDT: later[0].updateDT });
		expect(ids(await t.poll())).toEqual([sibling.cId]);
		expect(t.position().seen).toEqual([`${later[0].cId}@${later[0].updateDT}`, `${sibling.cId}@${sibling.updateDT}`]);
		expect(await t.poll()).toEqual([]);
	});

	it('emits a record updated twice twice, and never repeats a change across same-day polls', async () => {
		const t = trigger('contactUpdated');
		await t.poll();
		const base = Date.now() + MINUTE;
		const [anna, bob] = fake.seedUsers(2, { createdAt: base });
		expect(ids(await t.poll())).toEqual([anna.cId, bob.cId]);
		expect(await t.poll()).toEqual([]);

		touch(anna, base + 10 * MINUTE);
		anna.note = 'first edit';
		let items = await t.poll();
		expect(ids(items)).toEqual([anna.cId]);
		expect(items[0].json.note).toBe('first edit');
		expect(await t.poll()).toEqual([]);

		touch(anna, base + 20 * MINUTE);
		anna.note = 'second edit';
		touch(bob, base + 15 * MINUTE);
		items = await t.poll();
		expect(ids(items)).toEqual([bob.cId, anna.cId]); // oldest change first
		expect(items[1].json.note).toBe('second edit');
		expect(await t.poll()).toEqual([]);
	});

	it('a record created through the API after activation is picked up (real clock)', async () => {
		const t = trigger('contactCreated');
		await t.poll();
		const created = fake.addUser({ name: '新客户' });
		expect(ids(await t.poll())).toEqual([created.cId]);
		expect(await t.poll()).toEqual([]);
	});

	it('follows the pages when many records changed, each emitted once and in order', async () => {
		const t = trigger('contactCreated');
		await t.poll();
		const first = fake.seedUsers(250, { createdAt: Date.now() + MINUTE, stepSeconds: 1 });
		const calls = listCalls().length;
		let items = await t.poll();
		expect(ids(items)).toEqual(first.map((user) => user.cId));
		expect(listCalls().slice(calls).map((request) => [request.query.page, request.query.per_page])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);

		const second = fake.seedUsers(120, { stepSeconds: 1 });
		items = await t.poll();
		expect(ids(items)).toEqual(second.map((user) => user.cId));
		expect(await t.poll()).toEqual([]);
	});

	it('moves across several days: the filter day follows the position, nothing lost or doubled', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		const start = Date.now();
		const emitted: string[] = [];
		const expected: string[] = [];
		const days: string[] = [];
		for (let day = 1; day <= 4; day++) {
			// Morning and evening of each simulated day; the evening batch lands after a poll.
			const morning = fake.seedTickets(3, { createdAt: start + day * DAY - 3 * 3600_000, stepSeconds: 600 });
			expected.push(...morning.map((ticket) => ticket.ticketId));
			emitted.push(...ids(await t.poll(), 'ticketId'));
			days.push(listCalls('/api/v1/tickets.json').at(-1)!.query.created_start);
			const evening = fake.seedTickets(2, { createdAt: start + day * DAY + 3600_000, stepSeconds: 60 });
			expected.push(...evening.map((ticket) => ticket.ticketId));
			emitted.push(...ids(await t.poll(), 'ticketId'));
			expect(await t.poll()).toEqual([]);
		}
		expect(emitted).toEqual(expected);
		expect(new Set(emitted).size).toBe(emitted.length);
		// The first poll of day N still starts on the day of the previous evening's last ticket.
		expect(days).toEqual([0, 1, 2, 3].map((offset) => formatCst(start + offset * DAY + (offset ? 3600_000 + 60_000 : 0)).slice(0, 10)));
	});

	it.each([
		['contactCreated', '/api/v1/users.json', 'cId', 'created'],
		['contactUpdated', '/api/v1/users.json', 'cId', 'updated'],
		['companyCreated', '/api/v1/companies.json', 'uId', 'created'],
		['companyUpdated', '/api/v1/companies.json', 'uId', 'updated'],
		['ticketCreated', '/api/v1/tickets.json', 'ticketId', 'created'],
		['ticketUpdated', '/api/v1/tickets.json', 'ticketId', 'updated'],
	] as const)('%s reads %s with the %s filter', async (event, path, idField, change) => {
		const t = trigger(event);
		await t.poll();
		const base = Date.now() + MINUTE;
		const seed = { createdAt: base - (change === 'updated' ? 5 * DAY : 0), updatedAt: base };
		const records = (
			path.includes('users')
				? fake.seedUsers(2, seed)
				: path.includes('companies')
					? fake.seedCompanies(2, seed)
					: fake.seedTickets(2, seed)
		) as unknown as Array<{ createDT: string; updateDT: string } & Record<string, unknown>>;
		const recordIds = records.map((record) => String(record[idField]));
		expect(ids(await t.poll(), idField)).toEqual(recordIds);
		const query = listCalls(path).at(-1)!.query;
		expect(query[`${change}_order`]).toBe('asc');
		expect(query[`${change}_start`]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(query[`${change === 'created' ? 'updated' : 'created'}_start`]).toBeUndefined();

		touch(records[0], base + 10 * MINUTE);
		expect(ids(await t.poll(), idField)).toEqual(change === 'updated' ? [recordIds[0]] : []);
		expect(await t.poll()).toEqual([]);
	});

	it('does not trust the server filter: old records sent anyway are not emitted', async () => {
		fake.ignoreFilters = true;
		const t = trigger('contactUpdated');
		fake.seedUsers(30, { createdAt: Date.now() - 30 * DAY, stepSeconds: 3600 });
		await t.poll();
		const base = Date.now() + MINUTE;
		const fresh = fake.seedUsers(3, { createdAt: base - 40 * DAY, updatedAt: base });
		expect(ids(await t.poll())).toEqual(fresh.map((user) => user.cId));
		expect(await t.poll()).toEqual([]);
	});

	it('a record that jumps to the end of the list while it is being paged does not push another out', async () => {
		const t = trigger('contactUpdated');
		await t.poll();
		const base = Date.now() + MINUTE;
		const users = fake.seedUsers(250, { createdAt: base, stepSeconds: 1 });
		const moved = users[10];
		const pushedOut = users[100]; // slides onto page 1 once users[10] leaves it
		fake.afterPage = { page: '1', run: () => touch(moved, base + 3600_000) };

		const first = ids(await t.poll());
		expect(first).not.toContain(pushedOut.cId); // page-number paging skipped it
		expect(first.filter((id) => id === moved.cId)).toHaveLength(2); // old and new version
		expect(first).toHaveLength(250);

		// The position was held back, so the next poll finds the skipped record, and only it.
		expect(ids(await t.poll())).toEqual([pushedOut.cId]);
		expect(await t.poll()).toEqual([]);
		expect(t.position().seen).toEqual([`${moved.cId}@${moved.updateDT}`]);
	});

	it('a manual test run shows the most recent record and leaves the position alone', async () => {
		const t = trigger('contactCreated');
		expect(await t.poll('manual')).toEqual([]); // nothing in the account yet
		const users = fake.seedUsers(5, { createdAt: Date.now() - DAY, stepSeconds: 60 });
		let items = await t.poll('manual');
		expect(ids(items)).toEqual([users[4].cId]);
		expect(listCalls().at(-1)!.query).toMatchObject({ created_order: 'desc', per_page: '1' });
		expect(t.staticData).toEqual({}); // a test run before activation stores nothing

		await t.poll();
		const position = t.position();
		const fresh = fake.seedUsers(2, { createdAt: Date.now() + MINUTE });
		items = await t.poll('manual');
		expect(ids(items)).toEqual([fresh[1].cId]);
		expect(t.position()).toEqual(position);
		expect(ids(await t.poll())).toEqual(fresh.map((user) => user.cId)); // still emitted by the real poll
	});

	it('a poll failing with 500 until the retries run out leaves the position; the next poll emits the missed records once', async () => {
		const t = trigger('contactCreated');
		await t.poll();
		const before = fake.seedUsers(2, { createdAt: Date.now() + MINUTE });
		expect(ids(await t.poll())).toEqual(before.map((user) => user.cId));
		const position = t.position();

		const missed = fake.seedUsers(150, { stepSeconds: 1 });
		fake.failNext(4, { status: 500, body: { errcode: '500', errmsg: 'server busy' } });
		await expect(t.poll()).rejects.toThrow(/Bangwo8 500/);
		expect(fake.pendingFaults).toBe(0); // first try + 3 retries
		expect(t.position()).toEqual(position);

		expect(ids(await t.poll())).toEqual(missed.map((user) => user.cId));
		expect(await t.poll()).toEqual([]);
	});

	it('a poll failing on its second page emits nothing and moves nothing; the next poll emits everything once', async () => {
		const t = trigger('companyCreated');
		await t.poll();
		const companies = fake.seedCompanies(180, { createdAt: Date.now() + MINUTE, stepSeconds: 1 });
		const position = t.position();
		fake.failingPages.set('2', 4);
		await expect(t.poll()).rejects.toThrow(/Bangwo8 500/);
		expect(t.position()).toEqual(position);
		expect(ids(await t.poll(), 'uId')).toEqual(companies.map((company) => company.uId));
		expect(await t.poll()).toEqual([]);
	});

	it('a poll failing with 401 (bad password) leaves the position, says why without the secret, and recovers', async () => {
		const t = trigger('contactCreated', { authentication: 'basicAuth' });
		await t.poll();
		const position = t.position();
		const missed = fake.seedUsers(3, { createdAt: Date.now() + MINUTE });
		store.set(basic.id, { baseUrl: `${fake.origin}/api/v1`, account: 'acct', password: 'wrong-password-value' });

		const failure = await t.poll().then(
			() => undefined,
			(error: Error) => error,
		);
		expect(failure?.message).toMatch(/Bangwo8 100002/);
		expect(`${failure?.message} ${(failure as { description?: string } | undefined)?.description}`).not.toContain(
			'wrong-password-value',
		);
		expect(t.position()).toEqual(position);

		store.set(basic.id, { baseUrl: `${fake.origin}/api/v1`, account: 'acct', password: PASSWORD });
		expect(ids(await t.poll())).toEqual(missed.map((user) => user.cId));
		expect(await t.poll()).toEqual([]);
	});

	it.each(['oAuth2', 'basicAuth'] as const)('works with the %s credential', async (authentication) => {
		const t = trigger('ticketUpdated', { authentication });
		await t.poll();
		const tickets = fake.seedTickets(2, { createdAt: Date.now() + MINUTE });
		expect(ids(await t.poll(), 'ticketId')).toEqual(tickets.map((ticket) => ticket.ticketId));
		const header = listCalls('/api/v1/tickets.json').at(-1)!.headers.authorization;
		if (authentication === 'basicAuth') {
			expect(header).toBe(FakeBangwo8.basic('acct', PASSWORD));
			expect(fake.tokenRequests).toBe(0);
		} else {
			expect(header).toMatch(/^Bearer [0-9a-f]{40}$/);
			expect(fake.tokenRequests).toBe(1);
		}
	});

	it('deleted contacts are skipped unless Include Deleted is on; deStat=1 is always asked for contacts', async () => {
		const plain = trigger('contactUpdated');
		const withDeleted = trigger('contactUpdated', { includeDeleted: true });
		await plain.poll();
		await withDeleted.poll();
		const base = Date.now() + MINUTE;
		const [kept, removed] = fake.seedUsers(2, { createdAt: base });
		expect(ids(await plain.poll())).toEqual([kept.cId, removed.cId]);
		expect(ids(await withDeleted.poll())).toEqual([kept.cId, removed.cId]);

		removed.state = '3';
		touch(removed, base + 10 * MINUTE);
		expect(await plain.poll()).toEqual([]);
		const deletedItems = await withDeleted.poll();
		expect(ids(deletedItems)).toEqual([removed.cId]);
		expect(deletedItems[0].json.state).toBe('3');
		expect(listCalls().every((request) => request.query.deStat === '1')).toBe(true);
		expect(plain.position().position).toBe(removed.updateDT); // skipped, but the position moved past it
	});

	it('deleted companies are only asked for (deStat=1) with Include Deleted', async () => {
		const plain = trigger('companyCreated');
		const withDeleted = trigger('companyCreated', { includeDeleted: true });
		await plain.poll();
		await withDeleted.poll();
		const [, gone] = fake.seedCompanies(2, { createdAt: Date.now() + MINUTE });
		fake.deletedCompanyIds.add(gone.uId);
		expect(await plain.poll()).toHaveLength(1);
		expect(listCalls('/api/v1/companies.json').at(-1)!.query.deStat).toBeUndefined();
		expect(ids(await withDeleted.poll(), 'uId')).toContain(gone.uId);
		expect(listCalls('/api/v1/companies.json').at(-1)!.query.deStat).toBe('1');
	});

	it('changing the event starts afresh instead of reusing the other event position', async () => {
		const t = trigger('contactCreated');
		await t.poll();
		fake.seedCompanies(2, { createdAt: Date.now() - DAY });
		const { items } = await engine.poll({
			type: TRIGGER,
			parameters: { authentication: 'oAuth2', event: 'companyCreated', options: {} },
			credentials: { bangwo8OAuth2Api: oauth },
			staticData: t.staticData,
		});
		expect(items).toBeNull();
		expect(t.position().event).toBe('companyCreated');
		expect(listCalls('/api/v1/companies.json')).toHaveLength(0);
	});

	it('an overlapping poll steps aside instead of emitting the same changes twice', async () => {
		const t = trigger('contactCreated');
		await t.poll();
		const users = fake.seedUsers(3, { createdAt: Date.now() + MINUTE });
		fake.delayNext(1, 300);
		const [slow, overlapping] = await Promise.all([t.poll(), t.poll()]);
		expect(ids(slow)).toEqual(users.map((user) => user.cId));
		expect(overlapping).toEqual([]);
		expect(t.position().pollStartedAt).toBeUndefined();
		expect(await t.poll()).toEqual([]);
	});
});
