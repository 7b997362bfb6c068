import type { INodeProperties } from 'n8n-workflow';

import { SOBOT_NAME_MAX_LENGTH } from '../../helpers/validation';

export const labelIdProperty: INodeProperties = {
	displayName: 'Label Name or ID',
	name: 'labelId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLabels' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const paramNameProperty: INodeProperties = {
	displayName: 'Parameter Name',
	name: 'param_name',
	type: 'string',
	default: '',
	description: `A short code for the label (param_name), e.g. for reports and imports; at most ${SOBOT_NAME_MAX_LENGTH} characters`,
};
