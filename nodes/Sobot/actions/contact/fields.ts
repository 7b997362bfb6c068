import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { checkId, checkText, fail } from '../../helpers/validation';
import { decodeChoiceValue } from '../../helpers/choices';
import { customFieldInputs } from '../../../shared/customFields';
import { recordLocator } from '../../../shared/properties';
import { isBlank } from '../../../shared/values';
import { takeExtendFields } from '../ticket/common';

/**
 * The customer centre's customer (客户中心, `/api/crm/5/user/*`, BEYOND-TICKETS §1.7) — named
 * "contact" in the node so it is not mistaken for an SCRM customer: the customer that tickets
 * (`userid`) and chats belong to.
 */

/** user_status (0 正常, 1 黑名单). */
export const CONTACT_STATUS_OPTIONS = [
	{ name: 'Normal', value: 0 },
	{ name: 'Blacklisted', value: 1 },
];

/** user_level (0 普通, 1 VIP). */
export const CONTACT_LEVEL_OPTIONS = [
	{ name: 'Normal', value: 0 },
	{ name: 'VIP', value: 1 },
];

export const contactIdProperty: INodeProperties = recordLocator({
	name: 'contactId',
	displayName: 'Contact',
	thing: 'contact',
	searchListMethod: 'searchContacts',
	description: 'The customer-centre customer (userid). From the list: type a name, a phone number or an email address.',
	required: true,
	placeholder: 'e.g. 9f8e7d6c5b4a43219876fedcba012345',
	idPattern: '^\\s*[A-Za-z0-9_-]+\\s*$',
});

export function readContactId(context: IExecuteFunctions, itemIndex: number): string {
	return checkId(context, context.getNodeParameter('contactId', itemIndex, '', { extractValue: true }), 'Contact', itemIndex);
}

const contactCustomFields = customFieldInputs({
	description: 'Values of customer-centre custom fields, sent as extend_field_params',
	values: [
		{
			displayName: 'Field Name or ID',
			name: 'fieldid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getContactFields' },
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Option Names or IDs',
			name: 'options',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getContactFieldOptions', loadOptionsDependsOn: ['&fieldid'] },
			default: [],
			description:
				'For dropdown, checkbox and radio fields: the options to set (used instead of Value when any is picked). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Value',
			name: 'field_value',
			type: 'string',
			default: '',
			description: 'For text, number and date fields: the value. For choice fields, option values separated by commas also work.',
		},
	],
	jsonDefault: '[]',
	jsonDescription: 'For power users: the extend_field_params array as JSON, e.g. [{"fieldid":"…","field_value":"…"}]. Added to the Custom Fields above.',
});

/** Every field save_user and update_user take besides the nickname, in the editor's order. */
export const contactFields: INodeProperties[] = [
	...contactCustomFields,
	{
		displayName: 'Emails',
		name: 'user_emails',
		type: 'string',
		default: '',
		placeholder: 'e.g. li.na@example.cn',
		description: 'Email addresses, separated by commas',
	},
	{
		displayName: 'Enterprise Name',
		name: 'enterprise_name',
		type: 'string',
		default: '',
		description: 'The company the customer belongs to (created in Sobot when new)',
	},
	{
		displayName: 'Labels',
		name: 'contactLabels',
		type: 'string',
		default: '',
		description: "The customer's labels, separated by commas",
	},
	{
		displayName: 'Level',
		name: 'user_level',
		type: 'options',
		default: 0,
		options: CONTACT_LEVEL_OPTIONS,
	},
	{
		displayName: 'Partner ID',
		name: 'partnerid',
		type: 'string',
		default: '',
		description: 'Your own ID of the customer; Create or Update matches on it first',
	},
	{
		displayName: 'Phone Numbers',
		name: 'user_tels',
		type: 'string',
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'Phone numbers, separated by commas',
	},
	{
		displayName: 'Real Name',
		name: 'user_name',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Status',
		name: 'user_status',
		type: 'options',
		default: 0,
		options: CONTACT_STATUS_OPTIONS,
	},
	{
		displayName: 'VIP Level Name or ID',
		name: 'vip_level',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getContactVipLevels' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

/** Comma (or "，" / ";") separated entries, trimmed, joined with ";" as Sobot lists them. ASSUMPTION: ";" on writes too. */
function joinList(value: unknown): string {
	const entries = Array.isArray(value) ? value.map(String) : String(value).split(/[,，;；]/);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '').join(';');
}

/** The body of save_user / update_user from a collection: blanks dropped, lists joined, codes checked, custom fields as extend_field_params. */
export function contactBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const rest: IDataObject = { ...fields };
	const extend = takeExtendFields(context, rest, itemIndex);
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(rest)) {
		if (isBlank(value)) continue;
		if (key === 'user_tels' || key === 'user_emails') {
			const list = joinList(value);
			if (list !== '') body[key] = list;
		} else if (key === 'contactLabels') {
			// user_label: a free text list here (not the SCRM's label IDs, whose parameter has this name)
			body.user_label = joinList(value).replace(/;/g, ',');
		} else if (key === 'user_status' || key === 'user_level') {
			const code = Number(value);
			if (code !== 0 && code !== 1) fail(context, itemIndex, `"${key === 'user_status' ? 'Status' : 'Level'}" must be 0 or 1; got ${JSON.stringify(value)}`);
			body[key] = code;
		} else if (key === 'vip_level') {
			body[key] = decodeChoiceValue(value);
		} else {
			body[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	if (typeof body.user_emails === 'string') {
		for (const email of body.user_emails.split(';')) {
			if (!/^[^\s@]+@[^\s@]+$/.test(email)) fail(context, itemIndex, `"Emails" contains an address that is not one: "${email}"`);
		}
	}
	if (extend !== undefined) body.extend_field_params = extend;
	return body;
}

export function readNick(context: IExecuteFunctions, itemIndex: number): string {
	return checkText(context, context.getNodeParameter('user_nick', itemIndex, ''), 'Nickname', itemIndex);
}

/** The contact as it now is (get_user_by_id), for writes to return the record. */
export async function fetchContact(context: IExecuteFunctions, userid: string, itemIndex: number): Promise<IDataObject | undefined> {
	const [contact] = sobotRecords(await sobotApiRequest.call(context, 'contactGetById', { qs: { userid }, itemIndex }));
	return contact;
}
