import { NodeApiError, NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	changeKey,
	readVendorTime,
	recordId,
	timeField,
	vendorTime,
	type EventSource,
	type TriggerLimits,
} from './changes';
import { bangwo8ApiRequest } from '../Bangwo8/transport';
import { BANGWO8_MAX_PAGE_SIZE } from '../Bangwo8/transport/constants';
import { clockLimit, futureStampWarning, rememberFuture } from '../shared/polling';

/**
 * How the trigger reads Bangwo8's lists. It pages by itself, one page after the other, instead of
 * using the node's list helper: its reasoning about a list that moves while it is read (see
 * `selectChanges`) needs the pages in order and every record as the server sent it, duplicates
 * included, and it checks each page as it arrives (a server ignoring the date filter is stopped
 * on the first page, not after reading every record).
 */

/** Called with each page's records; `stop` ends the read after this page. */
type PageVisitor = (records: IDataObject[]) => 'stop' | undefined;

async function readPages(
	ctx: IPollFunctions,
	source: EventSource,
	qs: IDataObject,
	limits: TriggerLimits,
	visit: PageVisitor = () => undefined,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	let previous: string | undefined;
	for (let page = 1; ; page++) {
		if (page > limits.maxPages) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The Bangwo8 ${source.noun} list has more than ${limits.maxPages} pages since the trigger's position: the poll was stopped`,
				{ description: 'Does the server ignore the page number? The position did not move.' },
			);
		}
		const response = await bangwo8ApiRequest.call(ctx, source.endpoint, {
			qs: { ...qs, page, per_page: BANGWO8_MAX_PAGE_SIZE },
		});
		const list = response[source.rootKey];
		const records = Array.isArray(list) ? (list as IDataObject[]) : [];
		const ids = records.map((record) => recordId(record, source)).join(',');
		if (records.length > 0 && ids === previous) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The Bangwo8 ${source.noun} list answered page ${page} with the same records as page ${page - 1}: the poll was stopped`,
				{ description: 'The server seems to ignore the page number. The position did not move.' },
			);
		}
		previous = ids;
		all.push(...records);
		const stop = visit(records);
		const nextPage = response.next_page;
		if (stop === 'stop' || records.length === 0 || typeof nextPage !== 'string' || nextPage.trim() === '') break;
	}
	return all;
}

/** deStat=1 where the list takes it: deleted records stay in place, so a deletion cannot shift the pages. */
function withDeleted(source: EventSource): IDataObject {
	return source.deleted === 'none' ? {} : { deStat: '1' };
}

/**
 * Everything changed since the position, ascending: whole days from the position's day (the
 * filters are whole days, inclusive), deleted records included where the list can say so.
 *
 * The filter is checked, not trusted: a record from before the filter's day proves the server
 * ignored it, and then every poll would read the whole list (the company list documents only its
 * creation-date filter, so Company Updated depends on an undocumented one). The read stops there
 * and the poll fails with an error saying so; the position does not move.
 */
export async function readChangesSince(
	ctx: IPollFunctions,
	source: EventSource,
	position: string,
	limits: TriggerLimits,
	{ includeDeleted = true }: { includeDeleted?: boolean } = {},
): Promise<IDataObject[]> {
	const filter = `${source.change}_start`;
	const day = position.slice(0, 10);
	const qs: IDataObject = { [`${source.change}_order`]: 'asc', ...(includeDeleted ? withDeleted(source) : {}) };
	if (position !== '') qs[filter] = day;
	const field = timeField(source);
	return await readPages(ctx, source, qs, limits, (records) => {
		if (position === '') return undefined;
		const early = records.find((record) => {
			const time = readVendorTime(record[field]);
			return time !== undefined && time.slice(0, 10) < day;
		});
		if (early === undefined) return undefined;
		const documented = source.noun === 'company' && source.change === 'updated' ? ' (the company list documents only created_start)' : '';
		throw new NodeOperationError(
			ctx.getNode(),
			`Bangwo8 ignored the date filter ${filter}=${day} of the ${source.noun} list${documented}`,
			{
				description:
					`It answered a ${source.noun} with ${field} ${String(early[field])}, so every poll would read the whole list. ` +
					'The trigger stopped instead and its position did not move. Check the Base URL of the credential' +
					(documented
						? '; if Bangwo8 does not filter companies by update date, use Company Created, or a scheduled workflow with the Bangwo8 node (Company → Get Many).'
						: '.'),
			},
		);
	});
}

/**
 * Where a new trigger starts: the newest record on the server (by the event's own timestamp,
 * deleted ones included), not the n8n host's clock, which may differ from Bangwo8's by minutes.
 * Every record stamped with that same second is already known, so records created in the
 * activation's second but before it are not emitted later. An empty list starts at '' (every
 * record that shows up later is new).
 *
 * As in every poll (see `selectChanges`), the position does not pass the host's clock: when the
 * newest record is stamped after it, the start is the host's clock and every record from there on
 * is known. A record stamped beyond the clock limit (a wrong year) is not a start at all: it is
 * remembered (and logged), not emitted, as it was there before activation.
 *
 * The list is read newest first and the read stops at the first page that reaches a second before
 * the start, usually page 1. If the answer is not in that order (the server ignores the order),
 * the whole list is read once to find the newest record. If no record has a readable timestamp,
 * the host's clock is the only guess left. Records whose timestamp cannot be read are remembered,
 * so they are not reported as new later.
 */
export async function readFirstPosition(
	ctx: IPollFunctions,
	source: EventSource,
	limits: TriggerLimits,
	now: number,
): Promise<{ position: string; seen: string[]; unreadable: string[] }> {
	const field = timeField(source);
	const hostNow = vendorTime(now);
	const limit = vendorTime(clockLimit(now));
	const dated: Array<{ id: string; time: string }> = [];
	const future: Array<{ id: string; time: string }> = [];
	const unreadable: string[] = [];
	let start: string | undefined;
	let last: string | undefined;
	let ordered = true;
	let empty = true;
	await readPages(ctx, source, { [`${source.change}_order`]: 'desc', ...withDeleted(source) }, limits, (records) => {
		const times: string[] = [];
		for (const record of records) {
			empty = false;
			const id = recordId(record, source);
			const time = readVendorTime(record[field]);
			if (time === undefined) {
				unreadable.push(`${id}@?${record[field] === undefined ? '' : JSON.stringify(record[field])}`);
				continue;
			}
			if (last !== undefined && time > last) ordered = false;
			last = time;
			if (time > limit) {
				future.push({ id, time });
				continue;
			}
			dated.push({ id, time });
			times.push(time);
			const candidate = time < hostNow ? time : hostNow;
			if (start === undefined || candidate > start) start = candidate;
		}
		const reached = start;
		return ordered && reached !== undefined && times.some((time) => time < reached) ? 'stop' : undefined;
	});
	const remembered = rememberFuture([], future.map(({ id, time }) => changeKey(id, time)), limits.maxFuture).keep;
	for (const { id, time } of future) {
		ctx.logger.warn(
			`Bangwo8 Trigger: ${source.noun} ${id}: ${futureStampWarning(`${field} ${time}`, 'remembered at activation, not emitted')}`,
		);
	}
	const kept = unreadable.slice(-limits.maxUnreadable);
	const position = start;
	if (position === undefined) return { position: empty ? '' : hostNow, seen: remembered, unreadable: kept };
	const seen = dated.filter(({ time }) => time >= position).map(({ id, time }) => changeKey(id, time));
	return { position, seen: [...new Set(seen), ...remembered], unreadable: kept };
}

/** Whether Bangwo8 answered 404 (the record does not exist, or no longer does). */
function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/**
 * Of the given new companies, the ids of those deleted. A company record does not say it is
 * deleted, and the poll lists deleted companies too (deStat=1) so that a deletion cannot shift its
 * pages. Here the same stretch is listed without deleted companies: a company found there is
 * alive. One that is missing was deleted, or was skipped because this second list shifted while it
 * was read; each such company is asked for by id, and only a 404 counts as deleted.
 * ASSUMPTION: GET companies/{id}.json answers 404 for a deleted company. If it answers the
 * company, a deleted company is emitted (never lost).
 */
export async function deletedCompanies(
	ctx: IPollFunctions,
	source: EventSource,
	position: string,
	candidates: string[],
	limits: TriggerLimits,
): Promise<Set<string>> {
	const deleted = new Set<string>();
	if (candidates.length === 0) return deleted;
	const live = new Set(
		(await readChangesSince(ctx, source, position, limits, { includeDeleted: false })).map((record) => recordId(record, source)),
	);
	for (const id of candidates) {
		if (live.has(id) || id.startsWith('sha1:')) continue;
		const failure = await bangwo8ApiRequest.call(ctx, 'companyGet', { pathParams: { id } }).then(
			() => undefined,
			(error: unknown) => error,
		);
		if (failure === undefined) continue;
		if (!isNotFound(failure)) {
			throw failure instanceof NodeApiError || failure instanceof NodeOperationError
				? failure
				: new NodeOperationError(ctx.getNode(), failure as Error);
		}
		deleted.add(id);
	}
	return deleted;
}
