/**
 * Sobot Ticket Trigger: polled in n8n's real PollContext (engine harness) against the fake Sobot's
 * ticket centre. Several polls, faults, the fallback when the update-time query is absent, and
 * no ticket change emitted twice or lost.
 */
import type { IDataObject } from 'n8n-workflow';

import { DAY, ids, nowSec, ticketTriggerEnv } from './helpers';

const { fake, trigger, listCalls } = ticketTriggerEnv();

describe('Sobot Ticket Trigger: ticket created', () => {
	it('first activation is silent; later polls emit each new ticket once, oldest first, with an event field', async () => {
		fake.seedTickets(3, { lastCreated: nowSec() - 60 });
		const t = trigger('ticketCreated');
		expect(await t.poll()).toEqual([]);
		expect(t.position().position).toEqual(expect.any(Number));

		const b = fake.addTicket({ create_datetime: String(nowSec() + 2) });
		const a = fake.addTicket({ create_datetime: String(nowSec() + 1) });
		const first = await t.poll();
		expect(ids(first)).toEqual([a.ticketid, b.ticketid]);
		expect(first[0].json).toMatchObject({ event: 'ticketCreated', ticketid: a.ticketid, ticket_title: a.ticket_title });
		expect(Object.keys(first[0].json)[0]).toBe('event');

		expect(await t.poll()).toEqual([]); // nothing twice
		const c = fake.addTicket({ create_datetime: String(nowSec() + 3) });
		expect(ids(await t.poll())).toEqual([c.ticketid]);
		expect(await t.poll()).toEqual([]);
		// One query_tickets request per poll (five polls, each fits a page), 50 a page.
		expect(listCalls('/query_tickets').map((request) => request.query.page_size)).toEqual(Array(5).fill('50'));
	});

	it('a ticket stamped before the position but shown late (within the overlap) is emitted once', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		const now = nowSec();
		const newer = fake.addTicket({ create_datetime: String(now + 5) });
		expect(ids(await t.poll())).toEqual([newer.ticketid]);
		const late = fake.addTicket({ create_datetime: String(now + 4) }); // committed after the poll above
		expect(ids(await t.poll())).toEqual([late.ticketid]);
		expect(await t.poll()).toEqual([]);
	});

	it('a failing poll emits nothing and keeps the position; the next poll emits what was missed, once', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		const before = t.position();
		const a = fake.addTicket({ create_datetime: String(nowSec() + 1) });
		fake.failNextWithRetCode(1, '999999');
		await expect(t.poll()).rejects.toThrow(/999999/);
		expect(t.position()).toEqual(before);
		expect(ids(await t.poll())).toEqual([a.ticketid]);
		expect(await t.poll()).toEqual([]);
	});

	it('a 500 on a later page fails the poll without emitting the first page; nothing is lost or doubled afterwards', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		const tickets = fake.seedTickets(120, { lastCreated: nowSec() + 130, stepSeconds: 1 });
		// Page 1 answers, then page 2 fails six times in a row (more than the read retries).
		fake.delayNext(1, 0);
		fake.failNext(6, { status: 500 });
		await expect(t.poll()).rejects.toThrow();
		const emitted = ids(await t.poll());
		expect(emitted.sort()).toEqual(tickets.map((ticket) => ticket.ticketid).sort());
		expect(await t.poll()).toEqual([]);
	}, 60_000);

	it('after weeks switched off, the gap is read in windows Sobot accepts (one month at most)', async () => {
		const t = trigger('ticketCreated');
		await t.poll();
		const state = t.staticData['node:Trigger'] as IDataObject;
		state.position = (nowSec() - 45 * DAY) * 1000; // as if the workflow had been inactive 45 days
		state.seen = [];
		const old = fake.addTicket({ create_datetime: String(nowSec() - 40 * DAY) });
		fake.clearRequests();
		expect(ids(await t.poll())).toEqual([old.ticketid]);
		expect(listCalls('/query_tickets').length).toBeGreaterThanOrEqual(2);
	});

	it('manual run ("Fetch test event") shows the latest ticket and leaves the position alone', async () => {
		fake.seedTickets(3, { lastCreated: nowSec() - 100 });
		const latest = fake.addTicket({ create_datetime: String(nowSec() - 10), ticket_title: '最新' });
		const t = trigger('ticketCreated');
		const items = await t.poll('manual');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ event: 'ticketCreated', ticketid: latest.ticketid, ticket_title: '最新' });
		expect(t.position()).toEqual({});
	});
});

describe('Sobot Ticket Trigger: ticket updated', () => {
	it('reads query_tickets_by_update_time; each update is emitted once, a second update again, a new ticket counts', async () => {
		const existing = fake.seedTickets(2, { lastCreated: nowSec() - 3600 });
		const t = trigger('ticketUpdated');
		expect(await t.poll()).toEqual([]);
		fake.touchTicket(existing[0], nowSec() + 1, { ticket_status: '1' });
		const fresh = fake.addTicket({ create_datetime: String(nowSec() + 2) });
		const first = await t.poll();
		expect(ids(first)).toEqual([existing[0].ticketid, fresh.ticketid]);
		expect(first[0].json).toMatchObject({ event: 'ticketUpdated', ticket_status: '1' });
		expect(await t.poll()).toEqual([]);
		fake.touchTicket(existing[0], nowSec() + 3, { ticket_status: '3' });
		expect(ids(await t.poll())).toEqual([existing[0].ticketid]);
		expect(await t.poll()).toEqual([]);
		expect(listCalls('/query_tickets_by_update_time').length).toBeGreaterThan(0);
		expect(listCalls('/query_tickets')).toHaveLength(0);
	});

	it('when Sobot has no update-time query (HTTP 404), it reads tickets by creation time instead and remembers that', async () => {
		fake.ticketUpdateQueryAvailable = false;
		const existing = fake.seedTickets(2, { lastCreated: nowSec() - 10 * DAY });
		const t = trigger('ticketUpdated');
		expect(await t.poll()).toEqual([]);
		expect(t.position().updateQuery).toBe('absent');
		fake.touchTicket(existing[1], nowSec() + 1, { ticket_level: '3' });
		fake.clearRequests();
		const items = await t.poll();
		expect(ids(items)).toEqual([existing[1].ticketid]);
		expect(items[0].json.ticket_level).toBe('3');
		expect(listCalls('/query_tickets_by_update_time')).toHaveLength(0); // not asked again
		expect(listCalls('/query_tickets').length).toBeGreaterThanOrEqual(4); // 90 days in 28-day windows
		expect(await t.poll()).toEqual([]);
	});
});
