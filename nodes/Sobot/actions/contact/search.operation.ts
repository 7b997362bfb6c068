import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import type { SobotEndpointName } from '../../transport/endpoints';
import { checkText, fail } from '../../helpers/validation';
import type { OperationOption } from '../../../shared/router';
import { simplifyContact } from '../../simplify';

export const option: OperationOption = {
	name: 'Search',
	description:
		'Search customer-centre contacts by phone number, email address or your partner ID; returns no items when none matches (use it before a create or a ticket)',
	action: 'Search contacts',
};

/** Simplify (on by default from version 1.1): status and level named, times ISO. */
export const simplify = simplifyContact;

const FINDERS: Record<string, { endpoint: SobotEndpointName; param: string; label: string }> = {
	phone: { endpoint: 'contactFindByPhone', param: 'user_tels', label: 'Phone Number' },
	email: { endpoint: 'contactFindByEmail', param: 'user_emails', label: 'Email' },
	partnerId: { endpoint: 'contactFindByPartnerId', param: 'partnerid', label: 'Partner ID' },
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'phone',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Partner ID', value: 'partnerId', description: 'Your own ID of the customer' },
			{ name: 'Phone Number', value: 'phone' },
		],
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'The one phone number, email address or partner ID to look for',
	},
];

/** get_user_by_tel / get_user_by_email / get_user_by_partnerid: every contact Sobot answers. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const by = this.getNodeParameter('findBy', itemIndex, 'phone') as string;
	const finder = FINDERS[by];
	if (finder === undefined) fail(this, itemIndex, `"Find By" must be phone, email or partnerId; got "${by}"`);
	const value = checkText(this, this.getNodeParameter('value', itemIndex, ''), finder.label, itemIndex);
	if (/[,;，；]/.test(value)) fail(this, itemIndex, `"Value" holds several entries: "${value}"`, 'Sobot looks up one value at a time: run one item per value.');
	if (by === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) fail(this, itemIndex, `"Value" is not an email address: "${value}"`);
	return sobotRecords(await sobotApiRequest.call(this, finder.endpoint, { qs: { [finder.param]: value }, itemIndex }));
}
