import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { bangwo8ApiRequest } from '../../transport';
import { chunkIds, idListProperty, readIdList } from '../fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = {
	name: 'Delete Many',
	description: 'Delete contacts by a list of IDs',
	action: 'Delete many contacts',
};

export const properties: INodeProperties[] = [idListProperty('ids', 'Contact IDs', 'contacts to delete')];

/**
 * DELETE users/destroy_many.json?ids=…, 100 ids a request. One output item per request: the
 * ids it carried and Bangwo8's answer. Ids are validated before the first request is sent; when
 * a later request fails, the error says which ids were already deleted.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ids = readIdList(this, 'ids', 'Contact IDs', itemIndex);
	const [first, ...rest] = chunkIds(ids);
	const deleteChunk = async (chunk: string[]): Promise<IDataObject> => ({
		ids: chunk,
		...(await bangwo8ApiRequest.call(this, 'contactDeleteMany', {
			qs: { ids: chunk.join(',') },
			itemIndex,
		})),
	});
	// A failure of the first request goes through as it is (its error says whether the request
	// may have been carried out).
	const results: IDataObject[] = [await deleteChunk(first)];
	let deleted = first.length;
	for (const chunk of rest) {
		try {
			results.push(await deleteChunk(chunk));
			deleted += chunk.length;
		} catch (error) {
			const unsent = ids.length - deleted - chunk.length;
			const note =
				`${deleted} of ${ids.length} contacts were deleted before this failure (IDs ${ids[0]}…${ids[deleted - 1]}); ` +
				`the ${chunk.length} of the failing request (IDs ${chunk[0]}…${chunk[chunk.length - 1]}) may or may not have been` +
				(unsent > 0 ? `, and the last ${unsent} were not sent.` : '.');
			if (!(error instanceof NodeApiError)) {
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex,
					description: note,
				});
			}
			error.description = [error.description, note].filter(Boolean).join(error.description?.endsWith('.') ? ' ' : '. ');
			// Re-wrapping a NodeApiError hands back the same error, now telling what was deleted.
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		}
	}
	return results;
}
