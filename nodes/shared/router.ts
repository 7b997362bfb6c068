import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

/** One operation: reads its parameters for item `itemIndex`, makes its requests, returns records. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type ResourceMap = Record<string, Record<string, OperationModule>>;

/**
 * The item loop of an action node: runs `resource.operation` for every input item, pairs each
 * output item with its input, and with "Continue On Fail" turns a failing item into `{ error }`
 * while the others go on.
 */
export async function routeItems(context: IExecuteFunctions, resources: ResourceMap): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = context.getNodeParameter('resource', itemIndex) as string;
			const operation = context.getNodeParameter('operation', itemIndex) as string;
			const module = resources[resource]?.[operation];
			if (!module) {
				throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			const records = await module.execute.call(context, itemIndex);
			const executionData = context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(records), {
				itemData: { item: itemIndex },
			});
			for (const entry of executionData) returnData.push(entry);
		} catch (error) {
			if (context.continueOnFail()) {
				returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			// n8n's own errors go through as they are; anything else is wrapped to name the item.
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
			throw nodeError;
		}
	}
	return [returnData];
}
