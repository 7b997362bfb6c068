/**
 * Sobot Ticket Trigger: clocks (issue 22 items 1, 6 and 7) — in n8n's real PollContext against
 * the fake Sobot's ticket centre. A ticket stamped in the future never freezes the trigger; a
 * ticket the server returned for the range is trusted, whatever our parse of its time says;
 * "Fetch test event" widens a short window instead of reading four weeks page by page.
 */
import { logWarnings } from '../bangwo8Trigger/helpers';
import { DAY, ids, nowSec, ticketTriggerEnv } from './helpers';

const { fake, trigger, listCalls } = ticketTriggerEnv();

const HOUR = 3600;
/** 2099-01-01 00:00:00 China time, in Unix seconds. */
const YEAR_2099 = Date.UTC(2098, 11, 31, 16) / 1000;
const stamp = (field: string, seconds: number) => `${field} ${seconds} (${new Date(seconds * 1000).toISOString()})`;
const warningFor = (field: string, seconds: number) =>
	`${stamp(field, seconds)} is more than 5 minutes ahead of the n8n host's clock: emitted once, and the trigger's position does not follow it`;

let logged: string[];
/** What the trigger logged, but the notice that the update-time query is absent. */
const warnings = () => logged.filter((warning) => !warning.includes('query_tickets_by_update_time is not available'));
beforeEach(() => {
	logged = logWarnings();
});
afterEach(() => jest.restoreAllMocks());

describe('Sobot Ticket Trigger: a ticket stamped in the future', () => {
	// With the update-time query Sobot is asked up to 24 h ahead, so a ticket 12 h ahead is read
	// (one stamped 2099 never is); without it the tickets created in the look-back days are read,
	// whatever their update time, so a 2099 one is.
	const reads = [
		['the update-time query', true, () => nowSec() + 12 * HOUR],
		['the creation-time fallback', false, () => YEAR_2099],
	] as const;

	it.each(reads)('%s: emitted once with a warning; the next two real changes are emitted once each', async (_read, updateQuery, futureSec) => {
		fake.ticketUpdateQueryAvailable = updateQuery;
		const [wrong, other] = fake.seedTickets(2, { lastCreated: nowSec() - HOUR });
		const t = trigger('ticketUpdated');
		await t.poll();
		const future = futureSec();
		fake.touchTicket(wrong, future);

		const items = await t.poll();
		expect(ids(items)).toEqual([wrong.ticketid]);
		expect(items[0].json).toMatchObject({ event: 'ticketUpdated', warning: warningFor('update_datetime', future), ticketid: wrong.ticketid });
		expect(Object.keys(items[0].json).slice(0, 2)).toEqual(['event', 'warning']);
		expect(warnings()).toEqual([`Sobot Ticket Trigger: ticket ${wrong.ticketid}: ${warningFor('update_datetime', future)}`]);
		expect(t.position().position as number).toBeLessThanOrEqual(Date.now());
		expect(await t.poll()).toEqual([]);

		fake.touchTicket(other, nowSec());
		expect(ids(await t.poll())).toEqual([other.ticketid]);
		const added = fake.addTicket({ create_datetime: String(nowSec()) });
		expect(ids(await t.poll())).toEqual([added.ticketid]);
		expect(await t.poll()).toEqual([]);
		expect(await t.poll()).toEqual([]);
		expect(warnings()).toHaveLength(1);

		// Changed again with a real time: a new change, emitted again without a warning.
		fake.touchTicket(wrong, nowSec());
		const again = await t.poll();
		expect(ids(again)).toEqual([wrong.ticketid]);
		expect(again[0].json).not.toHaveProperty('warning');
		expect(await t.poll()).toEqual([]);
		expect(t.position().seen).not.toContain(`${wrong.ticketid}@${future * 1000}`);
	});

	it.each(reads)('%s: first activation with such a ticket starts at the host clock, does not emit it, and emits later changes', async (_read, updateQuery, futureSec) => {
		fake.ticketUpdateQueryAvailable = updateQuery;
		const [wrong, other] = fake.seedTickets(2, { lastCreated: nowSec() - HOUR });
		const future = futureSec();
		fake.touchTicket(wrong, future);
		const t = trigger('ticketUpdated');
		const before = Date.now();
		await t.poll();
		expect(t.position().position as number).toBeGreaterThanOrEqual(before);
		expect(t.position().position as number).toBeLessThanOrEqual(Date.now());
		expect(t.position().seen).toContain(`${wrong.ticketid}@${future * 1000}`);
		expect(warnings()).toEqual([expect.stringContaining(`ticket ${wrong.ticketid}: ${stamp('update_datetime', future)} is more than 5 minutes ahead`)]);
		expect(await t.poll()).toEqual([]);

		fake.touchTicket(other, nowSec());
		expect(ids(await t.poll())).toEqual([other.ticketid]);
		const added = fake.addTicket({ create_datetime: String(nowSec()) });
		expect(ids(await t.poll())).toEqual([added.ticketid]);
		expect(await t.poll()).toEqual([]);
	});

	it('a position an earlier version left in the future is brought back to the host clock (logged)', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		(t.staticData['node:Trigger'] as { position: number }).position = YEAR_2099 * 1000;
		expect(await t.poll()).toEqual([]);
		expect(warnings()).toEqual([expect.stringContaining("is ahead of the n8n host's clock")]);
		expect(t.position().position as number).toBeLessThanOrEqual(Date.now());
		const added = fake.addTicket({ create_datetime: String(nowSec()) });
		expect(ids(await t.poll())).toEqual([added.ticketid]);
		expect(await t.poll()).toEqual([]);
	});
});

describe("Sobot Ticket Trigger: the server's range filter is trusted, keys keep changes from coming twice", () => {
	it.each(['ticketCreated', 'ticketUpdated'] as const)(
		'%s: a ticket returned for the range although its parsed time is before it is emitted once, not dropped',
		async (event) => {
			// Sobot reads the range 3 hours earlier than meant (its zone is not the one assumed).
			fake.ticketRangeShiftMs = -3 * HOUR * 1000;
			const t = trigger(event);
			await t.poll();
			// Shown now, stamped an hour ago: before the range as the trigger computes it (10 minutes back).
			const late = fake.addTicket({ create_datetime: String(nowSec() - HOUR) });
			expect(ids(await t.poll())).toEqual([late.ticketid]);
			expect(await t.poll()).toEqual([]); // returned again by each read, known by its key
			const next = fake.addTicket({ create_datetime: String(nowSec()) });
			expect(ids(await t.poll())).toEqual([next.ticketid]);
			expect(await t.poll()).toEqual([]);
		},
	);

	it('the creation-time fallback keeps a ticket whose update time cannot be read: emitted once', async () => {
		fake.ticketUpdateQueryAvailable = false;
		const t = trigger('ticketUpdated');
		await t.poll();
		const odd = fake.addTicket({ create_datetime: String(nowSec()), update_datetime: 'soon' });
		expect(ids(await t.poll())).toEqual([odd.ticketid]);
		expect(await t.poll()).toEqual([]);
	});
});

describe('Sobot Ticket Trigger: "Fetch test event" widens a short window', () => {
	it('a ticket from 2 minutes ago on a busy account: one request, not four weeks page by page', async () => {
		fake.seedTickets(300, { lastCreated: nowSec() - DAY, stepSeconds: 1 * HOUR + 30 * 60 });
		const latest = fake.addTicket({ create_datetime: String(nowSec() - 120), ticket_title: '最新' });
		const t = trigger('ticketCreated');
		const items = await t.poll('manual');
		expect(ids(items)).toEqual([latest.ticketid]);
		expect(listCalls('/query_tickets')).toHaveLength(1);
		expect(t.position()).toEqual({});
	});

	it('a ticket from 20 days ago is still found: the last hour, day, week, then four weeks', async () => {
		const old = fake.addTicket({ create_datetime: String(nowSec() - 20 * DAY) });
		fake.addTicket({ create_datetime: String(nowSec() - 25 * DAY) });
		const t = trigger('ticketCreated');
		expect(ids(await t.poll('manual'))).toEqual([old.ticketid]);
		expect(listCalls('/query_tickets')).toHaveLength(4);
	});

	it('the newest change by its update time; without the update-time query one read of the tickets created in the look-back days', async () => {
		const [updated, fresh] = fake.seedTickets(2, { lastCreated: nowSec() - 3 * DAY, stepSeconds: 10 * DAY });
		fake.touchTicket(updated, nowSec() - 2 * DAY);
		const t = trigger('ticketUpdated');
		expect(ids(await t.poll('manual'))).toEqual([updated.ticketid]);
		expect(listCalls('/query_tickets_by_update_time')).toHaveLength(3); // hour, day, week

		fake.clearRequests();
		fake.ticketUpdateQueryAvailable = false;
		fake.touchTicket(fresh, nowSec() - 5 * DAY);
		expect(ids(await t.poll('manual'))).toEqual([updated.ticketid]);
		expect(listCalls('/query_tickets_by_update_time')).toHaveLength(1); // 404, and the test run stores nothing
		expect(t.position()).toEqual({});
	});
});
