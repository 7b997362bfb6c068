import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import type { ResourceOperations } from './router';

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

/**
 * Properties in the editor's order: alphabetical by display name, except that a field whose list
 * depends on a sibling (`loadOptionsDependsOn`) comes right after it — Province, City, District.
 */
export function sortedByDisplayName(properties: INodeProperties[]): INodeProperties[] {
	const sorted = [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));
	const names = new Set(sorted.map((property) => property.name));
	const parentOf = (property: INodeProperties) =>
		(property.typeOptions?.loadOptionsDependsOn ?? [])
			.map((path) => path.split('.').pop() ?? '')
			.find((name) => name !== property.name && names.has(name));
	const children = new Map<string, INodeProperties[]>();
	const roots: INodeProperties[] = [];
	for (const property of sorted) {
		const parent = parentOf(property);
		if (parent === undefined) roots.push(property);
		else children.set(parent, [...(children.get(parent) ?? []), property]);
	}
	const ordered: INodeProperties[] = [];
	const place = (property: INodeProperties): void => {
		ordered.push(property);
		for (const child of children.get(property.name) ?? []) place(child);
	};
	for (const root of roots) place(root);
	return ordered.length === sorted.length ? ordered : sorted; // a dependency loop: plain order
}

/**
 * The properties of one resource: its `operation` selector (each operation's option, valued by its
 * key in `operations`, in the editor's order) followed by every operation's own parameters, shown
 * for that operation alone.
 */
export function describeResource(
	resource: string,
	operations: ResourceOperations,
	defaultOperation = 'getMany',
): INodeProperties[] {
	const entries = Object.entries(operations);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: entries.map(([value, { option }]) => ({ ...option, value })).sort(byName),
		default: defaultOperation,
	};
	return [
		selector,
		...entries.flatMap(([operation, module]) =>
			forOperation(resource, operation, module.simplify ? [...module.properties, ...SIMPLIFY] : module.properties),
		),
	];
}

const SIMPLIFY_DESCRIPTION = 'Whether to return a simplified version of the response instead of the raw data';

/**
 * The Simplify toggle of read operations. Off in version 1, so workflows saved before it existed
 * keep the raw answer (n8n does not save parameters left at their default); on from version 1.1,
 * which new nodes get.
 */
const SIMPLIFY: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		displayOptions: { show: { '@version': [1] } },
		description: SIMPLIFY_DESCRIPTION,
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		description: SIMPLIFY_DESCRIPTION,
	},
];

/**
 * How long each request may wait for its answer (seconds), shown on every operation of an action
 * node. Reads are retried after a time-out; a write sent once is not, and its error says it may
 * have been carried out (see `failureDescription`).
 */
export function requestTimeoutProperty(vendor: string): INodeProperties {
	return {
		displayName: 'Request Timeout',
		name: 'requestTimeout',
		type: 'number',
		default: 30, // DEFAULT_REQUEST_TIMEOUT_SECONDS, as a literal for n8n's lint
		typeOptions: { minValue: 1, maxValue: 600 },
		description: `Seconds to wait for each answer from ${vendor}. Reads are retried after a time-out; writes are not, and the error then says the write may have been carried out.`,
	};
}

/**
 * A record as a resource locator: picked from a searchable list or given by ID. n8n stores
 * `{ __rl, mode, value }`; a workflow saved while the parameter was a text ID or a dropdown keeps
 * its plain value, which n8n hands over unchanged and the vendors' id readers accept alike.
 * Neither vendor publishes a web address for its records, so there is no "By URL" mode.
 */
export function recordLocator({
	name,
	displayName,
	thing,
	searchListMethod,
	description,
	required = false,
	placeholder,
	idPattern,
}: {
	name: string;
	displayName: string;
	/** "customer", "label group": names the record in the placeholder and the validation message. */
	thing: string;
	searchListMethod: string;
	description: string;
	required?: boolean;
	placeholder: string;
	/** What an ID looks like for this vendor (checked in the editor's By ID mode). */
	idPattern: string;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${thing}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [{ type: 'regex', properties: { regex: idPattern, errorMessage: `Not a valid ${thing} ID` } }],
			},
		],
	};
}
