import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { listWithFilters } from '../../helpers/operations';
import { getListOptions } from '../../../shared/pagination';
import { customerIdProperty, readCustomerId } from './fields';
import type { OperationOption } from '../../../shared/router';
import { tryParseJson } from '../../../shared/values';
import { simplifyActivity } from '../../simplify';

export const option: OperationOption = { name: 'Get Activities', description: "List a customer's activity and follow-up records", action: 'Get activities of a customer' };

/** Simplify (on by default from version 1.1): see nodes/Sobot/simplify.ts. */
export const simplify = simplifyActivity;

export const properties: INodeProperties[] = [
	customerIdProperty,
	...listWithFilters([
		{
			displayName: 'Activity Type',
			name: 'biz_type',
			type: 'options',
			default: 'groupService',
			options: [
				{ name: 'Agent Follow-Up Records', value: 'groupService' },
				{ name: 'Customer Activity', value: 'groupUser' },
				{ name: 'Other', value: 'groupOther' },
			],
			description: 'Leave the filter out to get every type',
		},
	]),
];

/** `biz_content` is documented as a JSON object; parse it when it comes as a string. */
function withParsedContent(record: IDataObject): IDataObject {
	if (typeof record.biz_content !== 'string') return record;
	const parsed = tryParseJson(record.biz_content);
	return parsed === undefined ? record : { ...record, biz_content: parsed.value as IDataObject };
}

/** 3.4.1 user_dynamic/list_by_page: a customer's activity (trajectory), paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const userid = readCustomerId(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { userid };
	if (filters.biz_type) qs.biz_type = filters.biz_type;
	const records = await sobotApiRequestAllItems.call(this, 'customerActivities', getListOptions(this, itemIndex), {
		qs,
		itemIndex,
	});
	return records.map(withParsedContent);
}
