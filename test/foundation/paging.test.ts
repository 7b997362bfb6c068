/**
 * Return All at the speed of the network, for both vendors: the pages after the first are
 * requested together (bounded, adaptive), records come out in page order and each once, and
 * broken or endless lists stop with an error instead of ending early or looping.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FakeBangwo8 } from '../fakes/bangwo8';
import type { FakeServer } from '../fakes/base';
import type { FakeSobot } from '../fakes/sobot';
import type { CredentialRef, Engine } from '../harness/engine';
import { collectPages, type Page } from '../../nodes/shared/pagination';
import { BANGWO8_NODE, SOBOT_NODE } from '../support/package';
import { startBangwo8, startSobot, type VendorBed } from '../support/vendors';

interface Vendor {
	name: string;
	start(): Promise<VendorBed<FakeServer>>;
	type: string;
	parameters: INodeParameters;
	listPath: string;
	/** How errors name the list. */
	listName: string;
	/** The records' id field. */
	idField: string;
	seed(fake: FakeServer, n: number): IDataObject[];
	/** The ids of seeded records in the order the vendor's list gives them. */
	listOrder(seeded: IDataObject[]): string[];
	/** A whole page answer, as the vendor sends it, with or without its totals. */
	pageAnswer(records: IDataObject[], withCounts: boolean): IDataObject;
	/** Answers that are not a list: [what, fault]. */
	brokenAnswers: Array<[string, { raw?: string; body?: unknown; headers?: Record<string, string> }]>;
}

const HTML = { raw: '<html><body>502 Bad Gateway</body></html>', headers: { 'Content-Type': 'text/html' } };

const VENDORS: Vendor[] = [
	{
		name: 'Sobot customer.getMany',
		start: startSobot,
		type: SOBOT_NODE,
		parameters: { resource: 'customer', operation: 'getMany' },
		listPath: '/api/scrm/5/user/list_by_page',
		listName: 'Sobot /api/scrm/5/user/list_by_page',
		idField: 'id',
		seed: (fake, n) => (fake as FakeSobot).seedCustomers(n) as unknown as IDataObject[],
		listOrder: (seeded) => seeded.map((record) => String(record.id)).reverse(), // newest first
		pageAnswer: (records, withCounts) => ({
			ret_code: '000000',
			items: records,
			...(withCounts ? { page_no: 1, page_count: 10, total_count: 1000, page_size: 100 } : {}),
		}),
		brokenAnswers: [
			['items that are not a list', { body: { ret_code: '000000', items: 'oops', total_count: 250 } }],
			['no items at all', { body: { ret_code: '000000', total_count: 250 } }],
		],
	},
	{
		name: 'Bangwo8 contact.getMany',
		start: startBangwo8,
		type: BANGWO8_NODE,
		parameters: { authentication: 'basicAuth', resource: 'contact', operation: 'getMany' },
		listPath: '/api/v1/users.json',
		listName: 'Bangwo8 /users.json',
		idField: 'cId',
		seed: (fake, n) => (fake as FakeBangwo8).seedUsers(n) as unknown as IDataObject[],
		listOrder: (seeded) => seeded.map((record) => String(record.cId)), // as created
		pageAnswer: (records, withCounts) => ({
			users: records,
			next_page: 'https://www.bangwo8.com/api/v1/users.json?page=2',
			...(withCounts ? { count: '1000' } : {}),
		}),
		brokenAnswers: [
			['truncated JSON', { raw: '{"users":[{"id":"1","name":"半', headers: { 'Content-Type': 'application/json' } }],
			['an empty body', { raw: '', headers: { 'Content-Type': 'application/json' } }],
			['an HTML page', HTML],
			['a root key that is not a list', { body: { users: 'oops', count: '251' } }],
		],
	},
];

describe.each(VENDORS)('$name: concurrent paging', (vendor) => {
	let fake: FakeServer;
	let engine: Engine;
	let credentials: Record<string, CredentialRef>;

	beforeEach(async () => ({ fake, engine, credentials } = await vendor.start()));
	afterEach(async () => await fake.stop());

	const list = async (parameters: INodeParameters) =>
		await engine.runNode({ type: vendor.type, parameters: { ...vendor.parameters, ...parameters }, credentials });
	const listCalls = () => fake.requestsTo('GET', vendor.listPath);
	const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => String(item.json[vendor.idField]));
	const samePageRecords = () => Array.from({ length: 100 }, (_, index) => ({ [vendor.idField]: `same-${index}` }));

	it('Return All of 1,000 at 50 ms a request: 10 requests, at most 5 in flight, records in page order, each once', async () => {
		const seeded = vendor.seed(fake, 1000);
		const oneAtATime = await list({ returnAll: true, parallelRequests: 1 });
		fake.latencyMs = 50;
		fake.clearRequests();
		const { items, error } = await list({ returnAll: true });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(vendor.listOrder(seeded));
		expect(ids(oneAtATime.items)).toEqual(vendor.listOrder(seeded));
		expect(new Set(ids(items)).size).toBe(1000);
		expect(listCalls()).toHaveLength(10);
		expect(listCalls().map((request) => request.query.page ?? request.query.page_no)).toEqual(
			Array.from({ length: 10 }, (_, index) => String(index + 1)),
		);
		expect(fake.maxInFlight).toBe(5);
	});

	it('Parallel Requests 1 asks for one page at a time', async () => {
		vendor.seed(fake, 500);
		fake.latencyMs = 20;
		const { items } = await list({ returnAll: true, parallelRequests: 1 });
		expect(items).toHaveLength(500);
		expect(fake.maxInFlight).toBe(1);
	});

	it('a limit asks for no more pages than it needs', async () => {
		vendor.seed(fake, 1000);
		const { items } = await list({ returnAll: false, limit: 250 });
		expect(items).toHaveLength(250);
		expect(listCalls()).toHaveLength(3);
	});

	it('a 429 storm while paging: fewer pages in flight, Retry-After honoured, every record once', async () => {
		vendor.seed(fake, 1000);
		fake.latencyMs = 20;
		fake.delayNext(1, 0); // page 1 is answered normally, then the next five get 429
		fake.failNext(5, { status: 429, retryAfterSeconds: 1 });
		const started = Date.now();
		const { items, error } = await list({ returnAll: true });
		expect(error).toBeUndefined();
		expect(new Set(ids(items)).size).toBe(1000);
		expect(listCalls()).toHaveLength(10 + 5);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		// Pages 7–10 started after the storm, with the concurrency halved and growing back by one.
		const firstAttempts = new Map<string, number>();
		for (const request of listCalls()) {
			const page = request.query.page ?? request.query.page_no;
			if (!firstAttempts.has(page)) firstAttempts.set(page, request.inFlightOnArrival ?? 0);
		}
		for (const page of ['7', '8', '9', '10']) expect(firstAttempts.get(page)).toBeLessThanOrEqual(3);
	});

	it('records added while paging do not come out twice', async () => {
		vendor.seed(fake, 1000);
		fake.latencyMs = 30;
		const running = list({ returnAll: true });
		setTimeout(() => vendor.seed(fake, 20), 45); // after page 1, while the others are in flight
		const { items, error } = await running;
		expect(error).toBeUndefined();
		expect(new Set(ids(items)).size).toBe(items.length);
	});

	it('a record repeated on a later page (the list shifted, the record changed meanwhile) comes out once; rows without an id all come out', async () => {
		const seeded = vendor.seed(fake, 150);
		const [firstId] = vendor.listOrder(seeded);
		const repeated = { ...seeded.find((record) => String(record[vendor.idField]) === firstId), updated: 'meanwhile' };
		const idLess = { note: 'a row without an id' };
		fake.delayNext(1, 0); // page 1 as the server has it; page 2 carries the shifted record
		fake.failNext(1, { status: 200, body: vendor.pageAnswer([repeated, { [vendor.idField]: 'extra-1' }, idLess, { ...idLess }], false) });
		const { items, error } = await list({ returnAll: true, parallelRequests: 1 });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual([...vendor.listOrder(seeded).slice(0, 100), 'extra-1', 'undefined', 'undefined']);
	});

	it('a server that ignores the page number (answers carry totals) is stopped with an error naming the list', async () => {
		vendor.seed(fake, 100);
		const page = vendor.pageAnswer(samePageRecords(), true);
		fake.failNext(50, { status: 200, body: page });
		const { error } = await list({ returnAll: true });
		expect(error?.message).toContain(`The ${vendor.listName} list answered page 2 with the same records as page 1`);
		expect(listCalls().length).toBeLessThanOrEqual(10);
	});

	it('a server that ignores the page number (no totals) is stopped at the second page', async () => {
		const page = vendor.pageAnswer(samePageRecords(), false);
		fake.failNext(50, { status: 200, body: page });
		const { error } = await list({ returnAll: true });
		expect(error?.message).toContain('the server seems to ignore the page number');
		expect(listCalls()).toHaveLength(2);
	});

	it.each(vendor.brokenAnswers)('page 2 answered with %s fails the item, naming the list and the page', async (_what, broken) => {
		vendor.seed(fake, 251);
		fake.delayNext(1, 0);
		fake.failNext(1, { status: 200, ...broken });
		const { items, error } = await list({ returnAll: true, parallelRequests: 1 });
		expect(items).toHaveLength(0);
		expect(error).toBeDefined();
		expect(error?.message).toContain(vendor.listName.split(' ')[1]);
		expect(error?.message).toMatch(/page 2 .*\(got: /);
	});
});

describe('collectPages: which repeats are merged', () => {
	/** A list served from `pages` (no totals: followed one page at a time), 2 records a page. */
	const collect = async (pages: IDataObject[][], idField?: string) =>
		await collectPages(
			async ({ pageNumber }): Promise<Page> => ({ items: pages[pageNumber - 1] ?? [], hasMore: pageNumber < pages.length }),
			{ returnAll: true, limit: Number.POSITIVE_INFINITY },
			{ maxPageSize: 2, endpoint: 'Test /list', idField },
		);

	it('two identical rows without an id on different pages both come out (two activity or reply rows are two events)', async () => {
		const row = { biz_type: 'user_update', biz_time: 1621509568807 };
		expect(await collect([[{ n: 1 }, row], [{ ...row }, { n: 2 }]])).toEqual([{ n: 1 }, row, row, { n: 2 }]);
		// The same in a list that has ids, for rows that lack one.
		expect(await collect([[{ id: 'a' }, row], [{ ...row }, { id: 'b' }]], 'id')).toEqual([{ id: 'a' }, row, row, { id: 'b' }]);
	});

	it('a record whose id comes again after a page shift comes out once, where it first came, even if it changed meanwhile', async () => {
		const pages = [
			[{ id: '1', name: 'one' }, { id: 2, name: 'two' }],
			[{ id: '2', name: 'two, edited' }, { id: '3', name: 'three' }],
			[{ id: ' 3 ', name: 'three' }, { id: '4', name: 'four' }],
		];
		expect(await collect(pages, 'id')).toEqual([
			{ id: '1', name: 'one' },
			{ id: 2, name: 'two' },
			{ id: '3', name: 'three' },
			{ id: '4', name: 'four' },
		]);
	});

	it('a list without an id field keeps every record, repeats included (nothing is guessed from the content)', async () => {
		const pages = [
			[{ id: '1' }, { id: '2' }],
			[{ id: '2' }, { id: '3' }],
		];
		expect(await collect(pages)).toEqual([{ id: '1' }, { id: '2' }, { id: '2' }, { id: '3' }]);
	});
});
