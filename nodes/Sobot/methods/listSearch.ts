import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { SOBOT_MAX_PAGE_SIZE, sobotApiRequest, sobotRecords } from '../transport';
import { fetchAgents, fetchAllLabels, fetchLabelGroups, fetchStages, text } from '../helpers/lookups';
import { byName } from '../../shared/properties';

/**
 * The lists behind the resource locators. Customers are paged and searched by Sobot
 * (user/list_by_page); agents, label groups, labels and stages are short lists read whole and
 * filtered here on the text typed.
 */

/** The items whose name or id contains the typed text (any case); all of them without text. */
function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	if (needle === '') return items;
	return items.filter((item) => `${item.name} ${String(item.value)}`.toLowerCase().includes(needle));
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = (await fetchAgents(this)).map((agent) => ({
		name: agent.department_names.length ? `${agent.name} (${agent.department_names.join(' / ')})` : agent.name,
		value: agent.id,
	}));
	return { results: matching(agents.sort(byName), filter) };
}

export async function searchLabelGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const groups = (await fetchLabelGroups(this)).map((group) => ({ name: text(group.name), value: text(group.id) }));
	return { results: matching(groups.sort(byName), filter) };
}

/** Business labels as "Group / Label": typing matches the group's name as well as the label's. */
export async function searchLabels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const labels = (await fetchAllLabels(this)).map((label) => ({
		name: `${text(label.group_name)} / ${text(label.name)}`,
		value: text(label.id),
	}));
	return { results: matching(labels.sort(byName), filter) };
}

/** Stages in Sobot's order. */
export async function searchStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const stages = (await fetchStages(this)).map((stage: IDataObject) => ({ name: text(stage.name), value: text(stage.id) }));
	return { results: matching(stages, filter) };
}

/**
 * What Sobot is asked for a typed text (`search_type` of user/list_by_page): an email (it has an
 * "@") by email, a phone number (digits, "+", "-", spaces) by phone, anything else by real name
 * and then by nickname. Without text: every customer ('').
 */
function customerSearchTypes(query: string): string[] {
	if (query === '') return [''];
	if (query.includes('@')) return ['5'];
	if (/^\+?[\d\s-]+$/.test(query)) return ['4'];
	return ['2', '1'];
}

/** At most this many pages are read in one call when pages come back empty (names already listed). */
const MAX_CUSTOMER_PAGES = 5;

/**
 * Customers, newest first as Sobot lists them, shown as "name (phone or email)". The pagination
 * token is "<search step>:<page>": a name is searched by real name, then by nickname, and the
 * nickname step leaves out customers whose real name matched (they were listed already).
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = filter?.trim() ?? '';
	const searchTypes = customerSearchTypes(query);
	const [stepText, pageText] = (paginationToken ?? '0:1').split(':');
	let step = Math.min(Math.max(Number(stepText) || 0, 0), searchTypes.length - 1);
	let page = Math.max(Number(pageText) || 1, 1);
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_CUSTOMER_PAGES; read++) {
		const searchType = searchTypes[step];
		const qs: IDataObject = { page_no: page, page_size: SOBOT_MAX_PAGE_SIZE };
		if (searchType !== '') Object.assign(qs, { search_type: searchType, search_value: query });
		const response = await sobotApiRequest.call(this, 'customerList', { qs });
		const customers = sobotRecords(response);
		for (const customer of customers) {
			if (searchType === '1' && text(customer.uname).includes(query)) continue;
			const name = text(customer.uname) || text(customer.nick) || text(customer.id);
			const reach = text(customer.tel) || text(customer.email);
			results.push({ name: reach ? `${name} (${reach})` : name, value: text(customer.id) });
		}
		const pageCount = Number(response.page_count);
		const morePages = Number.isFinite(pageCount) ? page < pageCount : customers.length >= SOBOT_MAX_PAGE_SIZE;
		if (morePages && customers.length > 0) page += 1;
		else if (step < searchTypes.length - 1) {
			step += 1;
			page = 1;
		} else return { results };
		if (results.length > 0) break;
	}
	return { results, paginationToken: `${step}:${page}` };
}
