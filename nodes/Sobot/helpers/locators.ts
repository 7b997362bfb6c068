import type { INodeProperties } from 'n8n-workflow';

export type SobotSearchMethod = 'searchAgents' | 'searchCustomers' | 'searchLabelGroups' | 'searchLabels' | 'searchStages';

/**
 * A Sobot record as a resource locator: picked from a searchable list or given by ID. n8n stores
 * `{ __rl, mode, value }`; a workflow saved while the parameter was a text ID or a dropdown keeps
 * its plain value (an id, or the pre-1.0 JSON `{"id":…,"name":…}`), which n8n hands over unchanged
 * and `decodeChoice` / `checkId` read alike. Sobot publishes no web address for its records, so
 * there is no "By URL" mode.
 */
export function sobotLocator({
	name,
	displayName,
	thing,
	searchListMethod,
	description,
	required = false,
	placeholder = 'e.g. 6bbe358da6534bb190c22fe3e2278c48',
}: {
	name: string;
	displayName: string;
	/** "customer", "label group": names the record in the placeholder and the validation message. */
	thing: string;
	searchListMethod: SobotSearchMethod;
	description: string;
	required?: boolean;
	placeholder?: string;
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
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[A-Za-z0-9_-]+\\s*$', errorMessage: `Not a valid ${thing} ID` },
					},
				],
			},
		],
	};
}
