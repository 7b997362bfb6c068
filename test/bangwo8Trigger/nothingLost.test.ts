/**
 * Bangwo8 Trigger: nothing lost, nothing hung (issue 18 items 2 and 9, issue 15 items 6/7) — in
 * n8n's real PollContext against the fake Bangwo8 server. A deletion while a poll reads the
 * pages, the first position (the server's newest record, its whole second), the `event` field,
 * the bounds on what the trigger keeps, and records whose timestamp cannot be read.
 */
import { formatCst, type RecordedRequest } from '../fakes/base';
import { DAY, MINUTE, TriggerEnv, ids, touch, type TestFake } from './helpers';

describe('Bangwo8 Trigger: nothing lost', () => {
	let env: TriggerEnv;
	let fake: TestFake;

	beforeEach(async () => {
		env = await new TriggerEnv().start();
		fake = env.fake;
	});
	afterEach(async () => await env.stop());

	const companyCalls = () => env.listCalls('/api/v1/companies.json');

	describe('a company deleted while a poll reads the pages', () => {
		it.each(['companyCreated', 'companyUpdated'] as const)(
			'%s: deleted between page 1 and page 2 of the poll, no other company is pushed out',
			async (event) => {
				const t = env.trigger(event);
				fake.seedCompanies(1, { createdAt: Date.now() - DAY });
				await t.poll();
				const companies = fake.seedCompanies(250, { createdAt: Date.now() + MINUTE, stepSeconds: 1 });
				const deleted = companies[10];
				// Page 1 holds yesterday's company and companies[0..98]. Right after it, companies[10]
				// is deleted: in a list without deleted companies every later record moves up one
				// place, and companies[99] would fall between page 1 and page 2.
				const pushedOut = companies[99];
				fake.afterPage = { page: '1', run: () => fake.deletedCompanyIds.add(deleted.uId) };

				const emitted = ids(await t.poll(), 'uId');
				expect(emitted).toContain(pushedOut.uId);
				expect(emitted).toEqual(companies.filter((company) => company !== deleted).map((company) => company.uId));
				expect(await t.poll()).toEqual([]);
			},
		);

		it('deleted while the poll lists the live companies: the one that list skipped is checked by id and emitted', async () => {
			const t = env.trigger('companyCreated');
			fake.seedCompanies(1, { createdAt: Date.now() - DAY });
			await t.poll();
			const companies = fake.seedCompanies(250, { createdAt: Date.now() + MINUTE, stepSeconds: 1 });
			const before = companyCalls().length;
			// Page 1 of the second list (the one without deleted companies, deStat absent).
			fake.afterPage = {
				page: '1',
				when: (req: RecordedRequest) => req.query.deStat === undefined,
				run: () => fake.deletedCompanyIds.add(companies[10].uId),
			};

			// companies[10] was alive when both lists read it; companies[99] slid out of the second
			// list, so it was asked for by id, and Bangwo8 still has it.
			expect(ids(await t.poll(), 'uId')).toEqual(companies.map((company) => company.uId));
			expect(companyCalls().slice(before).map((request) => [request.query.deStat, request.query.page])).toEqual([
				['1', '1'],
				['1', '2'],
				['1', '3'],
				[undefined, '1'],
				[undefined, '2'],
				[undefined, '3'],
			]);
			expect(fake.requestsTo('GET', `/api/v1/companies/${companies[99].uId}.json`)).toHaveLength(1);
			expect(fake.requestsTo('GET', /^\/api\/v1\/companies\/\d+\.json$/)).toHaveLength(1);
			expect(await t.poll()).toEqual([]);
		});
	});

	describe('the first position is the newest record on the server', () => {
		it('records created in the second of the activation, before it, are not emitted; one made later in that second is', async () => {
			// Start early in a second, so that seeding and activation happen within it.
			while (Date.now() % 1000 > 300) await new Promise((resolve) => setTimeout(resolve, 10));
			const t = env.trigger('contactCreated');
			const second = formatCst(Date.now());
			const before = fake.seedUsers(3, { createdAt: second, stepSeconds: 0 });
			await t.poll();
			expect(formatCst(Date.now())).toBe(second); // the premise: activation within that second

			expect(await t.poll()).toEqual([]);
			const sameSecondLater = fake.addUser({ name: 'same second, after activation', createDT: second });
			expect(ids(await t.poll())).toEqual([sameSecondLater.cId]);
			expect(t.position()).toEqual({
				event: 'contactCreated',
				position: second,
				seen: [...before, sameSecondLater].map((user) => `${user.cId}@${second}`),
			});
		});

		it('a Bangwo8 clock behind the n8n host: records created after activation are emitted', async () => {
			const t = env.trigger('contactCreated');
			const now = Date.now();
			fake.seedUsers(3, { createdAt: now - 10 * MINUTE, stepSeconds: 60 });
			await t.poll();
			// Bangwo8 stamps new records 5 minutes behind the host's clock.
			const fresh = fake.seedUsers(2, { createdAt: now - 5 * MINUTE, stepSeconds: 1 });
			expect(ids(await t.poll())).toEqual(fresh.map((user) => user.cId));
			expect(await t.poll()).toEqual([]);
		});

		it('a Bangwo8 clock ahead of the n8n host: records from before activation are not emitted', async () => {
			const t = env.trigger('ticketCreated');
			// Stamped 5 minutes ahead of the host's clock, created before activation.
			fake.seedTickets(3, { createdAt: Date.now() + 5 * MINUTE, stepSeconds: 1 });
			await t.poll();
			expect(await t.poll()).toEqual([]);
			const fresh = fake.seedTickets(1, { createdAt: Date.now() + 6 * MINUTE });
			expect(ids(await t.poll(), 'ticketId')).toEqual([fresh[0].ticketId]);
		});

		it('more records in the newest second than one page: every one of them is known', async () => {
			const t = env.trigger('contactUpdated');
			const base = Date.now() - MINUTE;
			fake.seedUsers(5, { createdAt: base - DAY, updatedAt: base - 1000, stepSeconds: 0 });
			const crowded = fake.seedUsers(130, { createdAt: base - DAY, updatedAt: base, stepSeconds: 0 });
			await t.poll();
			expect(env.listCalls().map((request) => request.query.page)).toEqual(['1', '2']);
			expect(t.position().seen).toHaveLength(crowded.length);
			expect(await t.poll()).toEqual([]);
		});

		it('an empty account starts before everything: the first record ever made is emitted', async () => {
			const t = env.trigger('companyCreated');
			await t.poll();
			expect(t.position()).toEqual({ event: 'companyCreated', position: '', seen: [] });
			const [first] = fake.seedCompanies(1, { createdAt: Date.now() - 3 * DAY });
			expect(ids(await t.poll(), 'uId')).toEqual([first.uId]);
			expect(await t.poll()).toEqual([]);
			const [second] = fake.seedCompanies(1, { createdAt: Date.now() });
			expect(ids(await t.poll(), 'uId')).toEqual([second.uId]);
			expect(companyCalls().at(-1)!.query.created_start).toBe(first.createDT.slice(0, 10));
		});
	});

	describe('items', () => {
		it('every item carries the event first, like the Sobot Trigger; a record field named event is kept as bangwo8_event', async () => {
			const t = env.trigger('contactUpdated');
			fake.seedUsers(1, { createdAt: Date.now() - DAY });
			await t.poll();
			const [plain, withEvent] = fake.seedUsers(2, { createdAt: Date.now() + MINUTE });
			(withEvent as unknown as Record<string, unknown>).event = 'their own';
			const items = await t.poll();
			expect(items.map((item) => item.json)).toEqual([
				{ event: 'contactUpdated', ...plain },
				{ ...withEvent, event: 'contactUpdated', bangwo8_event: 'their own' },
			]);
			expect(Object.keys(items[0].json)[0]).toBe('event');

			const [manual] = await t.poll('manual');
			expect(manual.json).toMatchObject({ event: 'contactUpdated', cId: withEvent.cId, bangwo8_event: 'their own' });
		});

		it('a record whose timestamp cannot be read is emitted once, with a warning, not dropped', async () => {
			const t = env.trigger('contactCreated');
			fake.seedUsers(1, { createdAt: Date.now() - MINUTE });
			await t.poll();
			const day = formatCst(Date.now()).slice(0, 10);
			const odd = fake.addUser({ name: 'date without a time', createDT: day });
			const fresh = fake.addUser({ name: 'normal', createDT: formatCst(Date.now() + MINUTE) });

			const items = await t.poll();
			expect(ids(items)).toEqual([fresh.cId, odd.cId]);
			expect(items[1].json).toMatchObject({ event: 'contactCreated', createDT: day, name: 'date without a time' });
			expect(items[1].json.warning).toBe(
				`createDT "${day}" is not a date and time: emitted once, because the trigger cannot tell when this record changed`,
			);
			expect(items[0].json).not.toHaveProperty('warning');
			expect(await t.poll()).toEqual([]);
			expect(t.position().unreadable).toEqual([`${odd.cId}@?"${day}"`]);
		});
	});

	describe('bounds (test limits passed to the node)', () => {
		it('the position is held back by at most maxHeldPolls polls in a row', async () => {
			const t = env.trigger('contactUpdated', { limits: { maxHeldPolls: 1 } });
			await t.poll();
			const base = Date.now() - 3 * 3600_000; // the touches below stay before the host's clock
			const users = fake.seedUsers(250, { createdAt: base, stepSeconds: 1 });
			fake.afterPage = { page: '1', run: () => touch(users[10], base + 3600_000) };
			expect(await t.poll()).toHaveLength(250); // users[100] skipped, users[10] twice
			expect(t.position()).toMatchObject({ position: formatCst(base + 10_000), held: 1 });

			// The list moves during the next read too: this time the position moves on.
			fake.afterPage = { page: '1', run: () => touch(users[20], base + 2 * 3600_000) };
			expect(ids(await t.poll())).toEqual([users[100].cId, users[20].cId]);
			expect(t.position()).toEqual({
				event: 'contactUpdated',
				position: users[20].updateDT,
				seen: [`${users[20].cId}@${users[20].updateDT}`],
			});
			expect(await t.poll()).toEqual([]);
		});

		it('seen holds at most maxSeen keys: whole older seconds are dropped from a held-back stretch', async () => {
			const t = env.trigger('contactUpdated', { limits: { maxSeen: 50 } });
			await t.poll();
			const base = Date.now() - 2 * 3600_000;
			const users = fake.seedUsers(250, { createdAt: base, stepSeconds: 1 });
			fake.afterPage = { page: '1', run: () => touch(users[10], base + 3600_000) };
			await t.poll();
			const { position, seen } = t.position() as { position: string; seen: string[] };
			expect(seen.length).toBeLessThanOrEqual(50);
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((key) => key.slice(key.indexOf('@') + 1) >= position)).toBe(true);
			expect(position > formatCst(base + 10_000)).toBe(true);
			expect(await t.poll()).toEqual([]); // nothing emitted twice
		});

		it('more changes in one second than maxSeen: the position passes that second, nothing is emitted twice', async () => {
			const t = env.trigger('contactCreated', { limits: { maxSeen: 5 } });
			await t.poll();
			const second = Date.now() + MINUTE;
			const crowd = fake.seedUsers(8, { createdAt: second, stepSeconds: 0 });
			expect(ids(await t.poll())).toEqual(crowd.map((user) => user.cId));
			expect(t.position()).toEqual({ event: 'contactCreated', position: formatCst(second + 1000), seen: [] });
			expect(await t.poll()).toEqual([]);
			const next = fake.seedUsers(1, { createdAt: second + 5000 });
			expect(ids(await t.poll())).toEqual([next[0].cId]);
		});
	});
});
