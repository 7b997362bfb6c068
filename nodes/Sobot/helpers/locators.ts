import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/properties';

export type SobotSearchMethod = 'searchAgents' | 'searchCustomers' | 'searchLabelGroups' | 'searchLabels' | 'searchStages';

/** A Sobot record as a resource locator (see `recordLocator`); Sobot ids are letters, digits, `_` and `-`. */
export function sobotLocator(
	options: Omit<Parameters<typeof recordLocator>[0], 'idPattern' | 'placeholder' | 'searchListMethod'> & {
		searchListMethod: SobotSearchMethod;
		placeholder?: string;
	},
): INodeProperties {
	return recordLocator({
		placeholder: 'e.g. 6bbe358da6534bb190c22fe3e2278c48',
		...options,
		idPattern: '^\\s*[A-Za-z0-9_-]+\\s*$',
	});
}
