import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../transport';

/** The Contact locator's list (customer centre, BEYOND-TICKETS §1.7). */

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The page size the Contact locator asks for. */
const SEARCH_PAGE_SIZE = 50;

/**
 * The Contact locator: typing searches Sobot (query_users) — a text with "@" by email, digits by
 * phone number, anything else by nickname — 50 a page as the list scrolls.
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? '1') || 1;
	const needle = filter?.trim() ?? '';
	const qs: IDataObject = { page_no: page, page_size: SEARCH_PAGE_SIZE };
	if (needle.includes('@')) qs.user_emails = needle;
	else if (/^\+?[\d\s-]{3,}$/.test(needle)) qs.user_tels = needle.replace(/[\s-]/g, '');
	else if (needle !== '') qs.user_nick = needle;
	const response = await sobotApiRequest.call(this, 'contactList', { qs });
	const results = sobotRecords(response).map((contact) => {
		const details = [text(contact.user_tels), text(contact.user_emails)].filter((entry) => entry !== '').join(', ');
		return { name: details ? `${text(contact.user_nick)} (${details})` : text(contact.user_nick), value: text(contact.userid) };
	});
	const pageCount = Number(response.page_count);
	const more = Number.isFinite(pageCount) ? page < pageCount : results.length >= SEARCH_PAGE_SIZE;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}
