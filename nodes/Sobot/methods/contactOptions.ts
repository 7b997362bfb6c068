import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../transport';
import { decodeChoiceValue } from '../helpers/choices';
import { byName } from '../../shared/properties';

/** Dropdowns and the Contact locator of the customer centre (客户中心, BEYOND-TICKETS §1.7). */

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Pages of enterprises asked for. */
const SEARCH_PAGE_SIZE = 50;

async function contactFields(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return sobotRecords(await sobotApiRequest.call(context, 'contactFieldList', {}));
}

export async function getContactFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await contactFields(this))
		.filter((field) => text(field.fieldid) !== '')
		.map((field) => ({
			name: Number(field.fill_flag) === 1 ? `${text(field.field_name)} (required)` : text(field.field_name) || text(field.fieldid),
			value: text(field.fieldid),
		}))
		.sort(byName);
}

/** The options of the field picked in the same row (dropdown, checkbox, radio, cascade). */
export async function getContactFieldOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let fieldid = '';
	try {
		fieldid = decodeChoiceValue(this.getCurrentNodeParameter('&fieldid'));
	} catch {
		return [];
	}
	if (fieldid === '') return [];
	const field = (await contactFields(this)).find((entry) => text(entry.fieldid) === fieldid);
	const options = Array.isArray(field?.field_data_list) ? (field.field_data_list as IDataObject[]) : [];
	return options.map((option) => ({ name: text(option.data_name), value: text(option.data_value) }));
}

/** VIP levels (query_user_fixed_extend_fields: data_name, data_value, dataid). */
export async function getContactVipLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return sobotRecords(await sobotApiRequest.call(this, 'contactVipLevels', {}))
		.filter((level) => text(level.data_value) !== '')
		.map((level) => ({ name: text(level.data_name) || text(level.data_value), value: text(level.data_value) }));
}

/** Enterprises (query_enterprises), the first 50 pages of 50 at most. */
export async function getContactEnterprises(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	for (let page = 1; page <= 50; page++) {
		const response = await sobotApiRequest.call(this, 'contactEnterpriseList', { qs: { page_no: page, page_size: SEARCH_PAGE_SIZE } });
		const items = sobotRecords(response);
		for (const enterprise of items) options.push({ name: text(enterprise.enterprise_name), value: text(enterprise.enterpriseid) });
		if (items.length < SEARCH_PAGE_SIZE || page >= Number(response.page_count ?? page)) break;
	}
	return options.sort(byName);
}
