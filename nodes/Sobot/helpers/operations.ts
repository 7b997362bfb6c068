import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../transport';
import type { SobotEndpointName } from '../transport/endpoints';
import { getListOptions, returnAllOrLimit } from '../../shared/pagination';
import { collection } from '../../shared/properties';
import type { OperationModule, OperationOption } from '../../shared/router';
import type { Simplifier } from '../../shared/simplify';

/**
 * A "list" operation over an endpoint that is not paged: one request, then Return All / Limit is
 * applied to the records. Extra parameters can give path parameters.
 */
export function unpagedListOperation({
	option,
	endpoint,
	properties = [],
	pathParams,
	transform = (records) => records,
	simplify,
}: {
	option: OperationOption;
	endpoint: SobotEndpointName;
	properties?: INodeProperties[];
	pathParams?: (context: IExecuteFunctions, itemIndex: number) => Record<string, string>;
	transform?: (records: IDataObject[], context: IExecuteFunctions, itemIndex: number) => IDataObject[];
	simplify?: Simplifier;
}): OperationModule {
	return {
		option,
		simplify,
		properties: [...properties, ...returnAllOrLimit()],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { returnAll, limit } = getListOptions(this, itemIndex);
			const response = await sobotApiRequest.call(this, endpoint, {
				pathParams: pathParams?.(this, itemIndex),
				itemIndex,
			});
			const records = transform(sobotRecords(response), this, itemIndex);
			return returnAll ? records : records.slice(0, limit);
		},
	};
}

/** Return All / Limit (and Parallel Requests) followed by a `filters` collection, as every filtered paged list shows them. */
export function listWithFilters(filters: INodeProperties[]): INodeProperties[] {
	return [...returnAllOrLimit({ paged: true }), collection('filters', filters)];
}
