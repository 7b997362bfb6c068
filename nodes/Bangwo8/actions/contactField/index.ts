import { listRecords } from '../operations';
import { describeResource } from '../../../shared/properties';

export const operations = {
	getMany: listRecords({
		option: {
			name: 'Get Many',
			description: 'List the contact fields, system and custom, with the options of dropdown fields',
			action: 'Get many contact fields',
		},
		endpoint: 'contactFieldList',
		rootKey: 'user_fields',
	}),
};

export const description = describeResource('contactField', operations);
