import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bangwo8ApiRequest } from '../transport';
import { BANGWO8_MAX_PAGE_SIZE } from '../transport/constants';

/**
 * Companies for the company resource locator: all of them page by page, or those whose name
 * (or address) matches what the user types, through the search endpoint.
 */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const query = filter?.trim();
	const qs: IDataObject = { page, per_page: BANGWO8_MAX_PAGE_SIZE };
	if (query) qs.query = query;
	const response = await bangwo8ApiRequest.call(this, query ? 'companySearch' : 'companyList', { qs });
	const companies = Array.isArray(response.companies) ? (response.companies as IDataObject[]) : [];
	const more = typeof response.next_page === 'string' && response.next_page.trim() !== '';
	return {
		results: companies.map((company) => ({
			name: String(company.companyName || company.uId),
			value: String(company.uId),
		})),
		paginationToken: more && companies.length > 0 ? String(page + 1) : undefined,
	};
}
