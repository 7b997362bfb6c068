import { listRecords } from '../operations';
import { describeResource } from '../../../shared/properties';
import { simplifyContactField } from '../../simplify';

export const operations = {
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List the contact fields, system and custom, with the options of dropdown fields',
			action: 'Get many contact fields',
		},
		endpoint: 'contactFieldList',
		simplify: simplifyContactField,
		rootKey: 'user_fields',
	}),
};

export const description = describeResource('contactField', operations);
