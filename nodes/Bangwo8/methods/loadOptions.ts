import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { bangwo8ApiRequestAllItems } from '../transport';
import { describeFieldOptions } from '../actions/fields';
import { RETURN_ALL } from '../../shared/pagination';
import { byName } from '../../shared/properties';

const GROUP_TYPES: Record<string, string> = {
	'1': 'Company group',
	'2': 'Contact group',
};

/** Customer groups, by name; the description says whether a group holds companies or contacts. */
export async function getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await bangwo8ApiRequestAllItems.call(this, 'customerGroupList', 'customergroups', RETURN_ALL);
	return groups
		.map((group: IDataObject) => ({
			name: String(group.groupName ?? group.groupId),
			value: String(group.groupId),
			description: GROUP_TYPES[String(group.type)],
		}))
		.sort(byName);
}

/**
 * The custom contact fields (system fields have their own parameters), by name, valued by their
 * key (`field_2`); a dropdown field lists its options so the right value can be typed.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await bangwo8ApiRequestAllItems.call(this, 'contactFieldList', 'user_fields', RETURN_ALL);
	return fields
		.filter((field: IDataObject) => String(field.system) !== '1')
		.map((field: IDataObject) => ({
			name: `${String(field.name ?? field.key)} (${String(field.key)})`,
			value: String(field.key),
			description: describeFieldOptions(field.custom_field_options),
		}))
		.sort(byName);
}
