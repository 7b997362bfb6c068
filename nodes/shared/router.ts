import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Simplifier, SimplifyOptions } from './simplify';

/**
 * What one run of a node shares across its items: reference data (agents, stages, labels,
 * regions) fetched once, not once per item. It lives only as long as the run — never in module
 * state, so nothing leaks into another execution, workflow or account.
 */
export class RunScope {
	private readonly values = new Map<string, Promise<unknown>>();

	/** The value under `key`, loaded by the first item that asks; a failed load is not kept. */
	async once<T>(key: string, load: () => Promise<T>): Promise<T> {
		let value = this.values.get(key) as Promise<T> | undefined;
		if (value === undefined) {
			value = load();
			this.values.set(key, value);
			value.catch(() => this.values.delete(key));
		}
		return await value;
	}
}

/** How an operation appears in the editor's Operation list and action picker; its value is its key in `operations`. */
export interface OperationOption {
	name: string;
	description: string;
	action: string;
}

/**
 * One operation: how it is offered (`option`), its parameters (shown for it alone by
 * `describeResource`) and what it does for item `itemIndex`. A resource's `index.ts` exports
 * `operations = { <value>: module }`, and that key is the only place the operation's value is
 * written.
 */
export interface OperationModule {
	option: OperationOption;
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, run: RunScope): Promise<IDataObject | IDataObject[]>;
	/** For read operations: the record's friendlier form, offered by the Simplify toggle. */
	simplify?: Simplifier;
}

/** A resource's operations by their `operation` value. */
export type ResourceOperations = Record<string, OperationModule>;

/** A node's resources by their `resource` value. */
export type ResourceMap = Record<string, ResourceOperations>;

/** What a vendor's node adds to the item loop. */
export interface RouteOptions {
	/**
	 * The zone in which the vendor account writes its zone-less times, for Simplify to read them
	 * (`SimplifyOptions.vendorTimeZone`); asked once per run, and only when an item is simplified.
	 * Absent → China time.
	 */
	vendorTimeZone?: (context: IExecuteFunctions, itemIndex: number) => Promise<string>;
}

/**
 * The item loop of an action node: runs `resource.operation` for every input item, pairs each
 * output item with its input, and with "Continue On Fail" turns a failing item into `{ error }`
 * while the others go on. Simplify renders times in the workflow's zone and reads zone-less
 * vendor times in `options.vendorTimeZone`'s.
 */
export async function routeItems(
	context: IExecuteFunctions,
	resources: ResourceMap,
	{ vendorTimeZone }: RouteOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	const run = new RunScope();
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
			let records = await module.execute.call(context, itemIndex, run);
			const simplify = module.simplify;
			if (simplify && context.getNodeParameter('simplify', itemIndex, false) === true) {
				const options: SimplifyOptions = { timezone: context.getTimezone() };
				if (vendorTimeZone) {
					options.vendorTimeZone = await run.once('vendorTimeZone', async () => await vendorTimeZone(context, itemIndex));
				}
				records = Array.isArray(records) ? records.map((record) => simplify(record, options)) : simplify(records, options);
			}
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
