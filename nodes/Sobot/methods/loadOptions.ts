import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { decodeChoiceValue } from '../helpers/choices';
import {
	fetchAgents,
	fetchAllLabels,
	fetchCities,
	fetchCustomFields,
	fetchDistricts,
	fetchLabelGroups,
	fetchProvinces,
	fetchStages,
	text,
} from '../helpers/lookups';
import { byName } from '../../shared/properties';

/** The id inside the value of another dropdown of the node (first path that holds one). */
function currentId(context: ILoadOptionsFunctions, paths: string[]): string {
	for (const path of paths) {
		const id = decodeChoiceValue(context.getCurrentNodeParameter(path));
		if (id) return id;
	}
	return '';
}

/**
 * Dropdowns stored `{"id":…,"name":…}` in package 0.1.0; those saved values still run (the id is
 * read from them). Each one found in the node's parameters is offered next to the option of its
 * id, so the editor shows the name instead of marking the value "not supported".
 */
function withSavedValues(context: ILoadOptionsFunctions, options: INodePropertyOptions[]): INodePropertyOptions[] {
	const saved = new Set<string>();
	const collect = (value: unknown): void => {
		if (typeof value === 'string') {
			if (value.trim().startsWith('{')) saved.add(value);
		} else if (Array.isArray(value)) {
			for (const entry of value) collect(entry);
		} else if (value !== null && typeof value === 'object') {
			for (const entry of Object.values(value)) collect(entry);
		}
	};
	collect(context.getCurrentNodeParameters() ?? {});
	const extra: INodePropertyOptions[] = [];
	for (const value of saved) {
		const option = options.find((candidate) => candidate.value === decodeChoiceValue(value));
		if (option) extra.push({ name: `${option.name} (as saved by version 0.1.0)`, value, description: 'Runs as the same choice; pick it again to store the plain ID' });
	}
	return [...options, ...extra];
}

export async function getLabelGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withSavedValues(
		this,
		(await fetchLabelGroups(this)).map((group) => ({ name: text(group.name), value: text(group.id) })).sort(byName),
	);
}

/**
 * Every business label, shown as "Group / Label". Like every dropdown of the node, the value is
 * the plain id: the names Sobot wants next to it are looked up when the node runs (once per run).
 */
export async function getLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withSavedValues(
		this,
		(await fetchAllLabels(this))
			.map((label) => ({ name: `${text(label.group_name)} / ${text(label.name)}`, value: text(label.id) }))
			.sort(byName),
	);
}

/** Stages in Sobot's order. */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withSavedValues(
		this,
		(await fetchStages(this)).map((stage: IDataObject) => ({ name: text(stage.name), value: text(stage.id) })),
	);
}

/** Agents, shown with their department path. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withSavedValues(
		this,
		(await fetchAgents(this))
			.map((agent) => ({
				name: agent.department_names.length ? `${agent.name} (${agent.department_names.join(' / ')})` : agent.name,
				value: agent.id,
			}))
			.sort(byName),
	);
}

export async function getProvinces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withSavedValues(
		this,
		(await fetchProvinces(this)).map((province) => ({ name: province.name, value: province.id })),
	);
}

export async function getCities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const provinceId = currentId(this, ['additionalFields.province', 'province']);
	if (!provinceId) return [];
	return withSavedValues(
		this,
		(await fetchCities(this, provinceId)).map((city) => ({ name: city.name, value: city.id })),
	);
}

export async function getDistricts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const cityId = currentId(this, ['additionalFields.city', 'city']);
	if (!cityId) return [];
	const provinceId = currentId(this, ['additionalFields.province', 'province']);
	return withSavedValues(
		this,
		(await fetchDistricts(this, cityId, provinceId || undefined)).map((district) => ({
			name: district.name,
			value: district.id,
		})),
	);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchCustomFields(this))
		.map((field) => ({ name: text(field.field_name), value: text(field.field_id), description: text(field.field_variable) }))
		.sort(byName);
}

function sameRow(context: ILoadOptionsFunctions, name: string): string {
	try {
		return decodeChoiceValue(context.getCurrentNodeParameter(`&${name}`));
	} catch {
		return '';
	}
}

/**
 * The options of the dropdown or checkbox field picked in the same custom-field row (by field ID
 * or by parameter name), valued by what ex_field_str takes (`data_value`); none for other fields.
 */
export async function getCustomFieldOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const byParams = sameRow(this, 'matchBy') === 'field_params';
	const picked = sameRow(this, byParams ? 'field_params' : 'fieldid');
	if (picked === '') return [];
	const field = (await fetchCustomFields(this)).find((entry) => text(byParams ? entry.field_params : entry.field_id) === picked);
	const options = Array.isArray(field?.cus_field_data_info_list) ? (field.cus_field_data_info_list as IDataObject[]) : [];
	return options.map((option) => ({
		name: text(option.data_name) || text(option.data_value),
		value: text(option.data_value),
		description: text(option.data_params) === '' ? undefined : `Parameter name: ${text(option.data_params)}`,
	}));
}

/** Dropdown fields that have a parameter name (field_params), which ex_field_str accepts instead of the id. */
export async function getCustomFieldParams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchCustomFields(this))
		.filter((field) => text(field.field_params) !== '')
		.map((field) => ({ name: `${text(field.field_name)} (${text(field.field_params)})`, value: text(field.field_params) }))
		.sort(byName);
}
