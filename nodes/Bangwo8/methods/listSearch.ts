import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { chatRecord } from '../actions/chat/fields';
import { bangwo8ApiRequest } from '../transport';
import { BANGWO8_MAX_PAGE_SIZE } from '../transport/constants';
import type { Bangwo8EndpointName } from '../transport/endpoints';
import { chinaDay } from '../../shared/time';

/**
 * The lists behind the resource locators (company, contact, customer group, ticket). Each call
 * reads one page of 100 (the pagination token is the next page's number); where Bangwo8 has a
 * search endpoint the typed text is sent to it, elsewhere the page is filtered here.
 */

/** Pages read in one call while looking for a match that is filtered here, before handing back a token. */
const MAX_FILTERED_PAGES = 5;

interface PageRead {
	records: IDataObject[];
	more: boolean;
}

async function readPage(
	context: ILoadOptionsFunctions,
	endpoint: Bangwo8EndpointName,
	rootKey: string,
	page: number,
	qs: IDataObject = {},
): Promise<PageRead> {
	const response = await bangwo8ApiRequest.call(context, endpoint, {
		qs: { ...qs, page, per_page: BANGWO8_MAX_PAGE_SIZE },
	});
	const records = Array.isArray(response[rootKey]) ? (response[rootKey] as IDataObject[]) : [];
	const more = typeof response.next_page === 'string' && response.next_page.trim() !== '' && records.length > 0;
	return { records, more };
}

function startPage(paginationToken?: string): number {
	const page = Number(paginationToken ?? 1);
	return Number.isInteger(page) && page > 0 ? page : 1;
}

/** One page of a list that Bangwo8 searches itself (`<list>` without text, `<search>?query=` with it). */
async function searchedList(
	context: ILoadOptionsFunctions,
	endpoints: { list: Bangwo8EndpointName; search: Bangwo8EndpointName },
	rootKey: string,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = startPage(paginationToken);
	const query = filter?.trim();
	const { records, more } = query
		? await readPage(context, endpoints.search, rootKey, page, { query })
		: await readPage(context, endpoints.list, rootKey, page);
	return { results: records.map(toItem), paginationToken: more ? String(page + 1) : undefined };
}

/**
 * Pages of a list Bangwo8 cannot search, filtered here on the text of each item (its name and its
 * ID): pages are read until one holds a match (at most {@link MAX_FILTERED_PAGES} per call), so
 * the editor never gets an empty page while more remain.
 */
async function filteredList(
	context: ILoadOptionsFunctions,
	endpoint: Bangwo8EndpointName,
	rootKey: string,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
	qs: IDataObject = {},
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	let page = startPage(paginationToken);
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_FILTERED_PAGES; read++) {
		const { records, more } = await readPage(context, endpoint, rootKey, page, qs);
		for (const item of records.map(toItem)) {
			if (needle === '' || `${item.name} ${String(item.value)}`.toLowerCase().includes(needle)) results.push(item);
		}
		if (!more) return { results };
		page += 1;
		if (results.length > 0) break;
	}
	return { results, paginationToken: String(page) };
}

const filled = (value: unknown): string | undefined =>
	(typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '' ? String(value).trim() : undefined;

/** Companies: all of them page by page, or those whose name (or address) matches, through the search endpoint. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedList(
		this,
		{ list: 'companyList', search: 'companySearch' },
		'companies',
		(company) => ({ name: filled(company.companyName) ?? String(company.uId), value: String(company.uId) }),
		filter,
		paginationToken,
	);
}

/** Contacts, shown as "name (mobile or email)": all page by page, or those the search endpoint finds. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedList(
		this,
		{ list: 'contactList', search: 'contactSearch' },
		'users',
		(user) => {
			// Lists carry the id as cId, a single contact as userId.
			const id = filled(user.cId) ?? filled(user.userId) ?? '';
			const name = filled(user.name) ?? id;
			const reach = filled(user.mobile) ?? filled(user.email);
			return { name: reach ? `${name} (${reach})` : name, value: id };
		},
		filter,
		paginationToken,
	);
}

/** Customer groups by name (Bangwo8 has no search for them: the text filters the pages here). */
export async function searchCustomerGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await filteredList(
		this,
		'customerGroupList',
		'customergroups',
		(group) => ({ name: filled(group.groupName) ?? String(group.groupId), value: String(group.groupId) }),
		filter,
		paginationToken,
	);
}

/** Tickets, newest first, as "#id subject" (no ticket search exists: the text filters the pages here). */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await filteredList(
		this,
		'ticketList',
		'tickets',
		(ticket) => {
			const subject = filled(ticket.subject);
			return { name: subject ? `#${String(ticket.ticketId)} ${subject}` : `#${String(ticket.ticketId)}`, value: String(ticket.ticketId) };
		},
		filter,
		paginationToken,
		{ created_order: 'desc' },
	);
}

/** How far back the chat list of the Chat locator reaches: Bangwo8 lists chats oldest first and cannot search them. */
const RECENT_CHAT_DAYS = 30;

/**
 * Chats of the last 30 days (China days), oldest first as Bangwo8 lists them, shown as
 * "#r_id customer → agent, start time"; the text filters the pages here (Bangwo8 has no chat
 * search). Both shapes of the chat list are read (actions/chat/fields.ts).
 */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await filteredList(
		this,
		'chatList',
		'histories',
		(raw) => {
			const chat = chatRecord(raw);
			const id = String(chat.r_id ?? '');
			const customer = filled(chat.client_name) ?? filled(chat.uname) ?? filled(chat.client_id);
			const agent = filled(chat.support_name);
			const who = [customer, agent].filter((name) => name !== undefined).join(' → ');
			const when = filled(chat.start_time);
			return { name: [`#${id}`, who, when].filter((part) => part !== undefined && part !== '').join(' '), value: id };
		},
		filter,
		paginationToken,
		{ starttime: chinaDay(Date.now() - RECENT_CHAT_DAYS * 86_400_000) },
	);
}
