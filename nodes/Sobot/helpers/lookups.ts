import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { sobotApiRequest, sobotApiRequestAllItems, sobotRecords, type SobotContext } from '../transport';
import type { Choice } from './choices';
import { RETURN_ALL } from '../../shared/pagination';

/**
 * Reference data read from Sobot, shared by the dropdowns (methods/loadOptions.ts) and by the
 * operations that need a name next to an id.
 */

export interface NamedRecord {
	id: string;
	name: string;
}

/** A vendor value as text; absent values as ''. */
export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

export async function fetchStages(context: SobotContext, itemIndex?: number): Promise<IDataObject[]> {
	return sobotRecords(await sobotApiRequest.call(context, 'stageList', { itemIndex }));
}

export async function fetchLabelGroups(context: SobotContext, itemIndex?: number): Promise<IDataObject[]> {
	return await sobotApiRequestAllItems.call(context, 'labelGroupList', RETURN_ALL, { itemIndex });
}

export async function fetchLabels(context: SobotContext, groupid: string, itemIndex?: number): Promise<IDataObject[]> {
	return await sobotApiRequestAllItems.call(context, 'labelList', RETURN_ALL, { qs: { groupid }, itemIndex });
}

/** Every business label, group by group (label/list is asked per group), with its group's name. */
export async function fetchAllLabels(context: SobotContext, itemIndex?: number): Promise<IDataObject[]> {
	const labels: IDataObject[] = [];
	for (const group of await fetchLabelGroups(context, itemIndex)) {
		for (const label of await fetchLabels(context, text(group.id), itemIndex)) {
			labels.push({ ...label, group_name: group.name });
		}
	}
	return labels;
}

export async function fetchCustomFields(context: SobotContext, itemIndex?: number): Promise<IDataObject[]> {
	return sobotRecords(await sobotApiRequest.call(context, 'customFieldList', { itemIndex }));
}

/** An agent of the department tree (3.7), with the departments above it. */
export interface FlatAgent extends IDataObject {
	id: string;
	name: string;
	/** Id of the agent's own department ('' when it hangs at the top of the tree). */
	department_id: string;
	department_name: string;
	/** The department's `|`-separated id path, as `liable_departmentid` of assign wants it. */
	department_path: string;
	/** Names of the departments from the top of the tree down to the agent's own. */
	department_names: string[];
}

/** Walks the department tree of user/user_list into one record per agent (type 2). */
export function flattenAgentTree(nodes: IDataObject[]): FlatAgent[] {
	const agents: FlatAgent[] = [];
	const walk = (list: unknown, parents: IDataObject[]) => {
		if (!Array.isArray(list)) return;
		for (const node of list as IDataObject[]) {
			if (!node || typeof node !== 'object') continue;
			if (String(node.type) === '2') {
				const agent = { ...node };
				delete agent.sub_list;
				delete agent.path;
				const department = parents[parents.length - 1];
				agents.push({
					...agent,
					id: text(node.id),
					name: text(node.name),
					department_id: text(department?.id),
					department_name: text(department?.name),
					department_path: department ? text(department.path) || text(department.id) : '',
					department_names: parents.map((parent) => text(parent.name)),
				});
			} else {
				walk(node.sub_list, [...parents, node]);
			}
		}
	};
	walk(nodes, []);
	return agents;
}

export async function fetchAgents(context: SobotContext, itemIndex?: number): Promise<FlatAgent[]> {
	return flattenAgentTree(sobotRecords(await sobotApiRequest.call(context, 'agentList', { itemIndex })));
}

export async function fetchProvinces(context: SobotContext, itemIndex?: number): Promise<NamedRecord[]> {
	return sobotRecords(await sobotApiRequest.call(context, 'provinceList', { itemIndex })).map((province) => ({
		id: text(province.provinceid),
		name: text(province.province_name),
	}));
}

/**
 * Cities of a province. The seed's sample answers of city/{provinceid} and area/{cityid} look
 * swapped (VENDOR-NOTES): when city/{provinceid} answers districts, the cities are read from
 * area/{one of those cities}, whose sample answer lists the cities of that city's province.
 */
export async function fetchCities(context: SobotContext, provinceId: string, itemIndex?: number): Promise<NamedRecord[]> {
	const inProvince = (record: IDataObject) =>
		record.city_name !== undefined && (record.provinceid === undefined || text(record.provinceid) === provinceId);
	const answer = sobotRecords(await sobotApiRequest.call(context, 'cityList', { pathParams: { provinceid: provinceId }, itemIndex }));
	let cities = answer.filter(inProvince);
	if (cities.length === 0) {
		const cityId = answer.find((record) => text(record.cityid) !== '')?.cityid;
		if (cityId === undefined) return [];
		const other = await sobotApiRequest.call(context, 'districtList', { pathParams: { cityid: text(cityId) }, itemIndex });
		cities = sobotRecords(other).filter(inProvince);
	}
	return uniqueNamed(cities.map((city) => ({ id: text(city.cityid), name: text(city.city_name) })));
}

/** Districts of a city, coping with the same swap as {@link fetchCities}. */
export async function fetchDistricts(
	context: SobotContext,
	cityId: string,
	provinceId: string | undefined,
	itemIndex?: number,
): Promise<NamedRecord[]> {
	const inCity = (record: IDataObject) =>
		record.area_name !== undefined && (record.cityid === undefined || text(record.cityid) === cityId);
	const answer = sobotRecords(await sobotApiRequest.call(context, 'districtList', { pathParams: { cityid: cityId }, itemIndex }));
	let districts = answer.filter(inCity);
	if (districts.length === 0) {
		const province =
			provinceId || text(answer.find((record) => text(record.cityid) === cityId)?.provinceid ?? answer[0]?.provinceid);
		if (province === '') return [];
		const other = await sobotApiRequest.call(context, 'cityList', { pathParams: { provinceid: province }, itemIndex });
		districts = sobotRecords(other).filter(inCity);
	}
	return uniqueNamed(districts.map((district) => ({ id: text(district.areaid), name: text(district.area_name) })));
}

function uniqueNamed(records: NamedRecord[]): NamedRecord[] {
	const seen = new Set<string>();
	return records.filter((record) => record.id !== '' && !seen.has(record.id) && seen.add(record.id));
}

/**
 * Completes picked values that came as plain ids (from an expression) with what Sobot wants next
 * to them, using one list request for all of them. Values picked from a dropdown already carry it.
 */
interface CompletionOptions {
	/** What the choice is ("Agent"), for the error when its id is unknown. */
	label: string;
	itemIndex: number;
	needsDepartment?: boolean;
	load: () => Promise<Array<{ id: string; name: string; department?: string }>>;
}

export async function completeChoices(
	context: IExecuteFunctions,
	choices: Choice[],
	{ label, itemIndex, needsDepartment = false, load }: CompletionOptions,
): Promise<Choice[]> {
	const incomplete = (choice: Choice) => choice.name === undefined || (needsDepartment && choice.department === undefined);
	if (!choices.some(incomplete)) return choices;
	const known = await load();
	return choices.map((choice) => {
		if (!incomplete(choice)) return choice;
		const match = known.find((record) => record.id === choice.id);
		if (!match) {
			throw new NodeOperationError(context.getNode(), `${label} "${choice.id}" was not found in Sobot`, {
				itemIndex,
				description: `Pick a ${label.toLowerCase()} from the list or check the ID.`,
			});
		}
		return { ...choice, name: match.name, ...(needsDepartment ? { department: match.department ?? '' } : {}) };
	});
}

/** {@link completeChoices} for a single value. */
export async function completeChoice(context: IExecuteFunctions, choice: Choice, options: CompletionOptions): Promise<Choice> {
	const [complete] = await completeChoices(context, [choice], options);
	return complete;
}

export const agentChoices = async (context: SobotContext, itemIndex?: number) =>
	(await fetchAgents(context, itemIndex)).map((agent) => ({
		id: agent.id,
		name: agent.name,
		department: agent.department_path,
	}));

export const stageChoices = async (context: SobotContext, itemIndex?: number) =>
	(await fetchStages(context, itemIndex)).map((stage) => ({ id: text(stage.id), name: text(stage.name) }));

export const labelChoices = async (context: SobotContext, itemIndex?: number) =>
	(await fetchAllLabels(context, itemIndex)).map((label) => ({ id: text(label.id), name: text(label.name) }));
