import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export interface ListOptions {
	returnAll: boolean;
	/** Ignored when returnAll is true. */
	limit: number;
	/** Pages requested at the same time once the first page tells how many there are (1 = one at a time). */
	parallel?: number;
}

export const PAGING = {
	/**
	 * Pages in flight by default. At 50 ms a request, Return All of 10,000 records (100 pages)
	 * takes 0.21–0.26 × the one-at-a-time time with 5 (bench/run.ts), while staying a small,
	 * polite number for vendors that publish no rate limit.
	 */
	defaultParallel: 5,
	maxParallel: 10,
	/** No list is this long at 100 a page (1,000,000 records): a server that never ends is stopped. */
	maxPages: 10_000,
};

/** Every record: what lookups (dropdowns, name completion, polling) ask for. */
export const RETURN_ALL: Readonly<ListOptions> = { returnAll: true, limit: Number.POSITIVE_INFINITY };

export interface Page {
	items: IDataObject[];
	/** Whether the server says another page follows this one. */
	hasMore: boolean;
	/** How many pages the list has at this page size, when the answer carries its totals. */
	pageCount?: number;
}

export interface ListShape {
	/** The largest page the API accepts. */
	maxPageSize: number;
	/** Names the list in errors, e.g. `Sobot /api/scrm/5/user/list_by_page`. */
	endpoint: string;
	/**
	 * The field that identifies a record of this list, when it has one (the endpoint tables'
	 * `idField`): a record whose id comes again on a later page (the list shifted while it was
	 * paged) is kept once. Without it — and for a record that lacks it — every record is kept.
	 */
	idField?: string;
}

export interface PageRequest {
	pageNumber: number;
	pageSize: number;
	/** The transport calls this when the server pushed back on the page (429, 5xx): fewer pages in flight. */
	onThrottle: () => void;
}

/**
 * Requests the pages of a list until the server has no more or the limit is reached, and gives
 * the records in page order, each once.
 *
 * Page 1 comes first. When its answer tells how many pages there are, the pages still needed are
 * requested `parallel` at a time; a page the server pushed back on (429/5xx, retried with backoff
 * by the transport) halves the number in flight, which then grows back by one after as many
 * pages without trouble. Pages beyond the announced count (the list grew meanwhile) and lists
 * without totals are followed one page at a time. The page size stays the same on every page
 * (page-number paging would skip records otherwise): the largest the API allows for Return All,
 * or just enough for a limit below it. A record whose id (`idField`) comes again on a later page
 * (the list shifted while paging) is kept once; records of a list without ids are all kept, as
 * two equal rows (two identical activity or reply rows) are two events. A server that ignores
 * the page number, or a list longer than `PAGING.maxPages`, is stopped with an error naming the
 * list.
 */
export async function collectPages(
	fetchPage: (request: PageRequest) => Promise<Page>,
	{ returnAll, limit, parallel = PAGING.defaultParallel }: ListOptions,
	{ maxPageSize, endpoint, idField }: ListShape,
): Promise<IDataObject[]> {
	const pageSize = returnAll ? maxPageSize : Math.max(1, Math.min(maxPageSize, limit));
	const wanted = returnAll ? Number.POSITIVE_INFINITY : limit;
	const pacer = new Pacer(Math.max(1, Math.min(PAGING.maxParallel, Math.floor(parallel) || 1)));
	const fetchOne = async (pageNumber: number) =>
		await fetchPage({ pageNumber, pageSize, onThrottle: () => pacer.throttled() });
	const records = new RecordCollector(wanted, idField);

	let last = await fetchOne(1);
	records.add(last.items);
	let pageNumber = 1;

	if (!records.full && last.hasMore && last.items.length > 0 && last.pageCount !== undefined && pacer.limit > 1) {
		const lastPage = Math.min(last.pageCount, returnAll ? last.pageCount : Math.ceil(limit / pageSize));
		if (lastPage > PAGING.maxPages) throw new Error(tooManyPages(endpoint));
		if (lastPage > 1) {
			const pages = await fetchConcurrently(2, lastPage, fetchOne, pacer);
			let before = last.items;
			for (const [index, page] of pages.entries()) {
				if (samePage(before, page.items)) throw new Error(ignoredPage(endpoint, index + 2));
				records.add(page.items);
				before = page.items;
			}
			last = pages[pages.length - 1];
			pageNumber = lastPage;
		}
	}

	let previous: IDataObject[];
	while (!records.full && last.hasMore && last.items.length > 0) {
		pageNumber++;
		if (pageNumber > PAGING.maxPages) throw new Error(tooManyPages(endpoint));
		previous = last.items;
		last = await fetchOne(pageNumber);
		if (samePage(previous, last.items)) throw new Error(ignoredPage(endpoint, pageNumber));
		records.add(last.items);
	}
	return records.result();
}

function ignoredPage(endpoint: string, pageNumber: number): string {
	return (
		`The ${endpoint} list answered page ${pageNumber} with the same records as page ${pageNumber - 1}: ` +
		'the server seems to ignore the page number, so paging was stopped.'
	);
}

function tooManyPages(endpoint: string): string {
	return `The ${endpoint} list has more than ${PAGING.maxPages} pages: paging was stopped (does the server ignore the page number?).`;
}

/** Pages `first`..`last`, at most `pacer.limit` in flight, in page order. Fails on the first failure. */
async function fetchConcurrently(
	first: number,
	last: number,
	fetchOne: (pageNumber: number) => Promise<Page>,
	pacer: Pacer,
): Promise<Page[]> {
	const pages: Page[] = new Array(last - first + 1);
	let next = first;
	let inFlight = 0;
	let settled = false;
	return await new Promise<Page[]>((resolve, reject) => {
		const launch = () => {
			while (!settled && inFlight < pacer.limit && next <= last) {
				const pageNumber = next++;
				inFlight++;
				fetchOne(pageNumber).then(
					(page) => {
						inFlight--;
						pages[pageNumber - first] = page;
						pacer.succeeded();
						if (next > last && inFlight === 0) {
							settled = true;
							resolve(pages);
						} else launch();
					},
					(error: unknown) => {
						inFlight--;
						if (!settled) {
							settled = true;
							reject(error);
						}
					},
				);
			}
		};
		launch();
	});
}

/** How many pages may be in flight: halved when the server pushes back, grown back slowly. */
class Pacer {
	limit: number;

	private calm = 0;

	constructor(private readonly ceiling: number) {
		this.limit = ceiling;
	}

	throttled(): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.calm = 0;
	}

	succeeded(): void {
		if (this.limit >= this.ceiling) return;
		this.calm++;
		if (this.calm >= this.limit) {
			this.limit++;
			this.calm = 0;
		}
	}
}

/**
 * Records in the order added, up to `wanted`. With an `idField`, a record whose id was already
 * added (the list shifted while it was paged) is left out: the first copy stays, where it came.
 * A record without an id, and every record of a list without `idField`, is kept: equal rows may
 * be distinct events. Only the ids are remembered (no copy of any record).
 */
class RecordCollector {
	private readonly records: IDataObject[] = [];

	private readonly seen = new Set<string>();

	constructor(
		private readonly wanted: number,
		private readonly idField?: string,
	) {}

	get full(): boolean {
		return this.records.length >= this.wanted;
	}

	add(items: IDataObject[]): void {
		for (const item of items) {
			if (this.full) return;
			const id = this.idOf(item);
			if (id !== undefined) {
				if (this.seen.has(id)) continue;
				this.seen.add(id);
			}
			this.records.push(item);
		}
	}

	/** The record's id as text (`1` and `"1"` alike); undefined when the list has none or the record lacks it. */
	private idOf(item: IDataObject): string | undefined {
		if (this.idField === undefined || typeof item !== 'object' || item === null) return undefined;
		const value = item[this.idField];
		if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
		if (typeof value !== 'string') return undefined;
		const id = value.trim();
		return id === '' ? undefined : id;
	}

	result(): IDataObject[] {
		return this.records;
	}
}

/** Two pages holding the very same records. */
function samePage(previous: IDataObject[], current: IDataObject[]): boolean {
	return (
		previous.length > 0 &&
		previous.length === current.length &&
		previous.every((item, index) => JSON.stringify(item) === JSON.stringify(current[index]))
	);
}

/** Return All, Limit and Parallel Requests of item `itemIndex`; a limit that is not a whole number ≥ 1 is refused. */
export function getListOptions(context: IExecuteFunctions, itemIndex: number): ListOptions {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const wholeNumber = (name: string, label: string, fallback: number, max: number) => {
		const value = context.getNodeParameter(name, itemIndex, fallback) as unknown;
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > max) {
			throw new NodeOperationError(context.getNode(), `"${label}" must be a whole number from 1${max < Infinity ? ` to ${max}` : ''}, got ${JSON.stringify(value)}`, {
				itemIndex,
			});
		}
		return number;
	};
	const limit = returnAll ? Number.POSITIVE_INFINITY : wholeNumber('limit', 'Limit', 50, Number.POSITIVE_INFINITY);
	const parallel = returnAll ? wholeNumber('parallelRequests', 'Parallel Requests', PAGING.defaultParallel, PAGING.maxParallel) : undefined;
	return { returnAll, limit, parallel };
}

/**
 * The `returnAll` + `limit` pair every list operation shows; for paged lists (`paged`) also how
 * many pages to request at once.
 */
export function returnAllOrLimit({ paged = false }: { paged?: boolean } = {}): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
	if (paged) {
		properties.push({
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			default: 5, // PAGING.defaultParallel, as a literal for n8n's lint
			typeOptions: { minValue: 1, maxValue: PAGING.maxParallel },
			description:
				'How many pages to request at the same time once the first page tells how many there are. 1 asks for one page at a time. The node slows down by itself when the service pushes back.',
			displayOptions: { show: { returnAll: [true] } },
		});
	}
	return properties;
}
