/**
 * Bangwo8 Trigger (polling) in n8n's real PollContext against the fake Bangwo8 server: first
 * activation silent, every change emitted exactly once across polls, pages and days, manual test
 * runs, failures that leave the position alone, both credentials.
 */
import { FakeBangwo8 } from '../fakes/bangwo8';
import { formatCst } from '../fakes/base';
import type { CredentialRef, CredentialStore, Engine } from '../harness/engine';
import { DAY, MINUTE, PASSWORD, TRIGGER, TriggerEnv, ids, touch, type Events, type TestFake, type TriggerOptions } from './helpers';

describe('Bangwo8 Trigger', () => {
	let env: TriggerEnv;
	let fake: TestFake;
	let store: CredentialStore;
	let engine: Engine;
	let oauth: CredentialRef;
	let basic: CredentialRef;

	beforeEach(async () => {
		env = await new TriggerEnv().start();
		({ fake, store, engine, oauth, basic } = env);
	});
	afterEach(async () => await env.stop());

	const trigger = (event: Events, options: TriggerOptions = {}) => env.trigger(event, options);
	const listCalls = (path = '/api/v1/users.json') => env.listCalls(path);

	it('first activation emits nothing old: the position is the newest record on the server, read with one request', async () => {
		const t = trigger('contactCreated');
		const now = Date.now();
		fake.seedUsers(5, { createdAt: now - 2 * DAY, stepSeconds: 3600 });
		const recent = fake.seedUsers(3, { createdAt: now - 2 * MINUTE, stepSeconds: 1 });

		expect(await t.poll()).toEqual([]);
		expect(listCalls().map((request) => request.query)).toEqual([
			{ created_order: 'desc', deStat: '1', page: '1', per_page: '100' },
		]);
		// The position is the newest record's own time (China time, the vendor's clock), and that
		// record is already known.
		expect(t.position()).toEqual({
			event: 'contactCreated',
			position: recent[2].createDT,
			seen: [`${recent[2].cId}@${recent[2].createDT}`],
		});

		// Same-day old records come back from the server (whole-day filter) but are not emitted.
		expect(await t.poll()).toEqual([]);
		expect(listCalls()).toHaveLength(2);

		const fresh = fake.seedUsers(2, { createdAt: Date.now() + MINUTE });
		const items = await t.poll();
		expect(ids(items)).toEqual(fresh.map((user) => user.cId));
		expect(items[0].json).toMatchObject({ name: fresh[0].name, createDT: fresh[0].createDT });
		expect(await t.poll()).toEqual([]);
	});

	it('asks only from the position day, ascending, 100 a page, and keeps only the keys at the last second', async () => {
		const t = trigger('contactUpdated');
		const [yesterday] = fake.seedUsers(1, { createdAt: Date.now() - DAY });
		await t.poll();
		// The position is that record's update time, so the filter day is its day (China time).
		const day = yesterday.updateDT.slice(0, 10);
		const base = Date.now() - 10 * MINUTE; // before the host's clock, which the position does not pass
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
		// Five days back, so that the simulated days lie before the host's clock.
		const start = Date.now() - 5 * DAY;
		fake.seedTickets(1, { createdAt: start });
		await t.poll();
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
		const old = { createdAt: Date.now() - 10 * DAY };
		if (path.includes('users')) fake.seedUsers(1, old);
		else if (path.includes('companies')) fake.seedCompanies(1, old);
		else fake.seedTickets(1, old);
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

	it.each([
		['contactUpdated', '/api/v1/users.json', 'updated_start', /ignored the date filter updated_start=\S+ of the contact list$/],
		['companyUpdated', '/api/v1/companies.json', 'updated_start', /ignored the date filter updated_start=\S+ of the company list \(the company list documents only created_start\)$/],
		['ticketCreated', '/api/v1/tickets.json', 'created_start', /ignored the date filter created_start=\S+ of the ticket list$/],
	] as const)('%s: a server that ignores the date filter is reported after one page, instead of every poll reading everything', async (event, path, filter, message) => {
		fake.ignoreFilters = true;
		const t = trigger(event);
		const seed = { createdAt: Date.now() - 30 * DAY, stepSeconds: 3600 };
		if (path.includes('users')) fake.seedUsers(250, seed);
		else if (path.includes('companies')) fake.seedCompanies(250, seed);
		else fake.seedTickets(250, seed);
		await t.poll();
		const position = t.position();
		const before = listCalls(path).length;

		const failure = await t.poll().then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toMatch(message);
		expect(failure?.description).toMatch(/every poll would read the whole list/);
		const requests = listCalls(path).slice(before);
		expect(requests.map((request) => [request.query[filter] !== undefined, request.query.page])).toEqual([[true, '1']]);
		expect(t.position()).toEqual(position);
	});

	it('a record that jumps to the end of the list while it is being paged does not push another out', async () => {
		const t = trigger('contactUpdated');
		await t.poll();
		const base = Date.now() - 2 * 3600_000;
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
		const base = Date.now() - 20 * MINUTE;
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

	it('deleted companies are skipped unless Include Deleted is on; the poll always lists them (deStat=1) and asks which are gone', async () => {
		const plain = trigger('companyCreated');
		const withDeleted = trigger('companyCreated', { includeDeleted: true });
		await plain.poll();
		await withDeleted.poll();
		const [kept, gone] = fake.seedCompanies(2, { createdAt: Date.now() + MINUTE });
		fake.deletedCompanyIds.add(gone.uId);
		const before = listCalls('/api/v1/companies.json').length;
		expect(ids(await plain.poll(), 'uId')).toEqual([kept.uId]);
		// The changes with deleted companies, then the same stretch without them; the one missing
		// there is asked for by id (404: deleted).
		expect(listCalls('/api/v1/companies.json').slice(before).map((request) => request.query.deStat)).toEqual(['1', undefined]);
		expect(fake.requestsTo('GET', `/api/v1/companies/${gone.uId}.json`)).toHaveLength(1);
		expect(ids(await withDeleted.poll(), 'uId')).toEqual([kept.uId, gone.uId]);
		expect(listCalls('/api/v1/companies.json').at(-1)!.query.deStat).toBe('1');
		expect(await plain.poll()).toEqual([]);
		expect(await withDeleted.poll()).toEqual([]);
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
		// Only the newest company was asked for, to place the new position.
		expect(listCalls('/api/v1/companies.json').map((request) => request.query.created_order)).toEqual(['desc']);
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
