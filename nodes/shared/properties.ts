import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from './router';

/** Shows `properties` only for one operation of one resource. */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

const COLLECTIONS = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
};

/** The optional inputs of an operation: `additionalFields` (create), `updateFields` (update) or `filters` (lists). */
export function collection(name: keyof typeof COLLECTIONS, options: INodeProperties[]): INodeProperties {
	return { ...COLLECTIONS[name], name, type: 'collection', default: {}, options };
}

export function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** Properties in the editor's order (alphabetical by display name), e.g. after adding one to a shared list. */
export function sortedByDisplayName(properties: INodeProperties[]): INodeProperties[] {
	return [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The properties of one resource: its `operation` selector (options in the editor's order)
 * followed by every operation's own parameters.
 */
export function describeResource(
	resource: string,
	options: INodePropertyOptions[],
	operations: OperationModule[],
	defaultOperation = 'getMany',
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort(byName),
		default: defaultOperation,
	};
	return [selector, ...operations.flatMap((operation) => operation.description)];
}
