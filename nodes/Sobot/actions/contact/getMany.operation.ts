import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequestAllItems } from '../../transport';
import { accountTimeZone } from '../../transport/timeZone';
import { listWithFilters } from '../../helpers/operations';
import { fail } from '../../helpers/validation';
import { decodeChoiceValue } from '../../helpers/choices';
import { getListOptions } from '../../../shared/pagination';
import type { OperationOption } from '../../../shared/router';
import { toUnixSeconds, vendorWallClock } from '../../../shared/time';
import { isBlank } from '../../../shared/values';
import { CONTACT_STATUS_OPTIONS } from './fields';
import { simplifyContact } from '../../simplify';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List customer-centre contacts, optionally filtered by nickname, phone, email, status, enterprise or creation time',
	action: 'Get many contacts',
};

/** Simplify (on by default from version 1.1): status and level named, times ISO. */
export const simplify = simplifyContact;

export const properties: INodeProperties[] = listWithFilters([
	{ displayName: 'Created After', name: 'start_datetime', type: 'dateTime', default: '', description: 'Only contacts created at or after this time' },
	{ displayName: 'Created Before', name: 'end_datetime', type: 'dateTime', default: '', description: 'Only contacts created at or before this time' },
	{ displayName: 'Email', name: 'user_emails', type: 'string', default: '' },
	{
		displayName: 'Enterprise Name or ID',
		name: 'enterpriseid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getContactEnterprises' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ displayName: 'Nickname', name: 'user_nick', type: 'string', default: '' },
	{ displayName: 'Phone Number', name: 'user_tels', type: 'string', default: '' },
	{ displayName: 'Status', name: 'user_status', type: 'options', default: 0, options: CONTACT_STATUS_OPTIONS },
]);

/** query_users, paged by the transport (page_no / page_size, page_count / total_count). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const key of ['user_nick', 'user_tels', 'user_emails']) if (!isBlank(filters[key])) qs[key] = String(filters[key]).trim();
	if (filters.user_status !== undefined && filters.user_status !== '') {
		const status = Number(filters.user_status);
		if (status !== 0 && status !== 1) fail(this, itemIndex, `"Status" must be 0 (Normal) or 1 (Blacklisted); got ${JSON.stringify(filters.user_status)}`);
		qs.user_status = status;
	}
	if (!isBlank(filters.enterpriseid)) qs.enterpriseid = decodeChoiceValue(filters.enterpriseid);
	const from = isBlank(filters.start_datetime) ? undefined : toUnixSeconds(this, filters.start_datetime, 'Created After', itemIndex);
	const to = isBlank(filters.end_datetime) ? undefined : toUnixSeconds(this, filters.end_datetime, 'Created Before', itemIndex);
	if (from !== undefined && to !== undefined && from > to) fail(this, itemIndex, '"Created After" is later than "Created Before"');
	if (from !== undefined || to !== undefined) {
		const timeZone = await accountTimeZone(this, itemIndex);
		if (from !== undefined) qs.start_datetime = vendorWallClock(from * 1000, timeZone);
		if (to !== undefined) qs.end_datetime = vendorWallClock(to * 1000, timeZone);
	}
	return await sobotApiRequestAllItems.call(this, 'contactList', getListOptions(this, itemIndex), { qs, itemIndex });
}
