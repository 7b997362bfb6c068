import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface ListOptions {
	returnAll: boolean;
	/** Ignored when returnAll is true. */
	limit: number;
}

/** Every record: what lookups (dropdowns, name completion, polling) ask for. */
export const RETURN_ALL: Readonly<ListOptions> = { returnAll: true, limit: Number.POSITIVE_INFINITY };

export interface Page {
	items: IDataObject[];
	/** Whether the server says another page follows this one. */
	hasMore: boolean;
}

/**
 * Requests pages 1, 2, … until the server has no more or the limit is reached. The page size
 * stays the same on every page (page-number paging would skip records otherwise): the largest
 * the API allows for Return All, or just enough for a limit below it.
 */
export async function collectPages(
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page>,
	{ returnAll, limit }: ListOptions,
	maxPageSize: number,
): Promise<IDataObject[]> {
	const pageSize = returnAll ? maxPageSize : Math.max(1, Math.min(maxPageSize, limit));
	const results: IDataObject[] = [];
	for (let pageNumber = 1; ; pageNumber++) {
		const { items, hasMore } = await fetchPage(pageNumber, pageSize);
		for (const item of items) results.push(item);
		if (!returnAll && results.length >= limit) return results.slice(0, limit);
		if (!hasMore || items.length === 0) return results;
	}
}

export function getListOptions(context: IExecuteFunctions, itemIndex: number): ListOptions {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}

/** The `returnAll` + `limit` pair every list operation shows. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
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
}
