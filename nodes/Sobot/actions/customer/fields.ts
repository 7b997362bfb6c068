import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { decodeChoice, type Choice } from '../../helpers/choices';
import { customFieldProperties, takeExFieldStr } from '../../helpers/customFields';
import {
	agentChoices,
	completeChoice,
	fetchCities,
	fetchDistricts,
	fetchProvinces,
	type NamedRecord,
} from '../../helpers/lookups';
import { withoutEmpty } from '../../../shared/values';
import { sobotLocator } from '../../helpers/locators';
import { checkIdList, checkMaxLength, fail, getIdParameter } from '../../helpers/validation';
import { sortedByDisplayName } from '../../../shared/properties';
import type { RunScope } from '../../../shared/router';
import { readNamedOption, type NamedOption } from '../../../shared/options';

export const customerIdProperty: INodeProperties = sobotLocator({
	name: 'customerId',
	displayName: 'Customer',
	thing: 'customer',
	searchListMethod: 'searchCustomers',
	required: true,
	description: 'The Sobot customer, picked from the list (type a phone number, an email or a name to search) or given by ID',
});

export const customerIdsProperty: INodeProperties = {
	displayName: 'Customer IDs',
	name: 'customerIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6bbe358da6534bb190c22fe3e2278c48,786e7ff2c3904c90bf1f19ea547d645c',
	description: 'One or more customer IDs, separated by commas (or a list from an expression)',
};

export function readCustomerId(context: IExecuteFunctions, itemIndex: number): string {
	return getIdParameter(context, customerIdProperty.name, customerIdProperty.displayName, itemIndex);
}

export function readCustomerIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const value = context.getNodeParameter(customerIdsProperty.name, itemIndex, '');
	return checkIdList(context, value, customerIdsProperty.displayName, itemIndex);
}

/** The agent picker: its value gives liable_serviceid and liable_service_name. */
export const agentProperty: INodeProperties = sobotLocator({
	name: 'agent',
	displayName: 'Responsible Agent',
	thing: 'agent',
	searchListMethod: 'searchAgents',
	description:
		'Agent in charge of the customer (required when the status is Following Up), picked from the list or given by ID; the name is sent with it',
});

const SEX: INodeProperties = {
	displayName: 'Sex',
	name: 'sex',
	type: 'options',
	default: 1,
	options: [
		{ name: 'Male', value: 1 },
		{ name: 'Female', value: 2 },
	],
};

const IS_VIP: INodeProperties = {
	displayName: 'Customer Level',
	name: 'is_vip',
	type: 'options',
	default: '0',
	options: [
		{ name: 'Regular', value: '0' },
		{ name: 'VIP', value: '1' },
	],
};

function text(displayName: string, name: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...(description ? { description } : {}) };
}

/** Fields both user/save (3.1) and user/update (3.2.1) take. */
const COMMON: INodeProperties[] = [
	agentProperty,
	IS_VIP,
	...customFieldProperties,
	text('Email', 'email'),
	text('Enterprise ID', 'enterpriseid', 'Enterprise ID (not the same as the company ID)'),
	text('Enterprise Name', 'enterprise_name'),
	text('Phone', 'tel', 'Mobile phone number'),
	text('QQ', 'qq'),
	text('Real Name', 'uname', 'At most 50 characters'),
	text('Remark', 'remark'),
	SEX,
	text('WeChat ID', 'wx'),
	text('WeChat UnionID (Self-Built App)', 'wx_build_unionid', "The customer's WeChat UnionID from your own WeChat app (official account or mini program)"),
];

/** additionalFields of customer.create (3.1). */
export const createFields: INodeProperties[] = sortedByDisplayName([
	...COMMON,
	{
		displayName: 'Status',
		name: 'crm_status',
		type: 'options',
		default: 1,
		options: [
			{ name: 'First Contact', value: 1 },
			{ name: 'To Be Assigned', value: 2 },
			{ name: 'Following Up', value: 3 },
			{ name: 'Public Pool', value: 4 },
		],
		description: 'CRM status of the new customer; Following Up needs a responsible agent',
	},
	{
		displayName: 'Province Name or ID',
		name: 'province',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProvinces' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'City Name or ID',
		name: 'city',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCities', loadOptionsDependsOn: ['additionalFields.province'] },
		default: '',
		description: 'City of the chosen province. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'District Name or ID',
		name: 'district',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDistricts', loadOptionsDependsOn: ['additionalFields.city'] },
		default: '',
		description: 'District of the chosen city. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
]);

/** updateFields of customer.update (3.2.1). */
export const updateFields: INodeProperties[] = sortedByDisplayName([
	...COMMON,
	{
		displayName: 'Blacklist Status',
		name: 'user_status',
		type: 'options',
		default: '0',
		options: [
			{ name: 'Normal', value: '0' },
			{ name: 'Blacklisted', value: '1' },
		],
	},
	text('Nickname', 'nick', 'At most 50 characters'),
	text('Partner ID', 'partnerid', 'Your own ID of the customer, to match it with your other systems'),
	text('Visitor IDs', 'visitorids'),
	text('VIP Level', 'vip_level', 'Value of the VIP level dropdown defined in Sobot'),
]);

/** The fixed-list fields of create and update (Sex, Customer Level, Status, Blacklist Status), by name. */
const FIXED_LISTS = new Map(
	[...createFields, ...updateFields]
		.filter((property) => property.type === 'options' && !property.typeOptions?.loadOptionsMethod)
		.map((property) => [property.name, property]),
);

async function regionFields(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	run: RunScope,
): Promise<IDataObject> {
	const province = decodeChoice(context, fields.province, 'Province', itemIndex);
	const city = decodeChoice(context, fields.city, 'City', itemIndex);
	const district = decodeChoice(context, fields.district, 'District', itemIndex);
	delete fields.province;
	delete fields.city;
	delete fields.district;
	if (district && !city) fail(context, itemIndex, 'Choose the "City" of the district as well');
	if (city && !province) fail(context, itemIndex, 'Choose the "Province" of the city as well');
	const named = async (choice: Choice | undefined, label: string, load: () => Promise<NamedRecord[]>) =>
		choice && (await completeChoice(context, choice, { label, itemIndex, load }));
	const body: IDataObject = {};
	const p = await named(province, 'Province', async () => await run.once('provinces', async () => await fetchProvinces(context, itemIndex)));
	if (p) Object.assign(body, { proviceid: p.id, provice_name: p.name });
	const c = await named(city, 'City', async () =>
		await run.once(`cities:${p!.id}`, async () => await fetchCities(context, p!.id, itemIndex)),
	);
	if (c) Object.assign(body, { cityid: c.id, city_name: c.name });
	const d = await named(district, 'District', async () =>
		await run.once(`districts:${c!.id}`, async () => await fetchDistricts(context, c!.id, p?.id, itemIndex)),
	);
	if (d) Object.assign(body, { areaid: d.id, area_name: d.name });
	return body;
}

/**
 * The body of user/save or user/update from the node's parameters: agent → liable_serviceid and
 * liable_service_name, regions → ids and names, custom fields → ex_field_str.
 */
export async function buildCustomerBody(
	context: IExecuteFunctions,
	collection: IDataObject,
	itemIndex: number,
	run: RunScope,
): Promise<IDataObject> {
	const fields = withoutEmpty({ ...collection });
	// A code or its name ("Following Up", as Simplify outputs it), checked before anything is sent.
	for (const [name, property] of FIXED_LISTS) {
		if (fields[name] === undefined) continue;
		fields[name] = readNamedOption(context, fields[name], property.displayName, property.options as NamedOption[], itemIndex);
	}
	const exFieldStr = takeExFieldStr(context, fields, itemIndex);
	const agent = decodeChoice(context, fields.agent, 'Responsible Agent', itemIndex);
	delete fields.agent;
	const regions = await regionFields(context, fields, itemIndex, run);
	for (const [key, label] of [
		['nick', 'Nickname'],
		['uname', 'Real Name'],
	]) {
		if (fields[key] !== undefined) checkMaxLength(context, String(fields[key]), label, 50, itemIndex);
	}
	if (Number(fields.crm_status) === 3 && !agent) {
		fail(context, itemIndex, 'A customer with the status "Following Up" needs a "Responsible Agent"');
	}
	const body: IDataObject = { ...fields, ...regions };
	if (agent) {
		const complete = await completeChoice(context, agent, {
			label: 'Agent',
			itemIndex,
			load: async () => await run.once('agents', async () => await agentChoices(context, itemIndex)),
		});
		body.liable_serviceid = complete.id;
		body.liable_service_name = complete.name;
	}
	if (exFieldStr !== undefined) body.ex_field_str = exFieldStr;
	return body;
}
