import type { INodeProperties } from 'n8n-workflow';

import { sobotLocator } from '../../helpers/locators';
import { SOBOT_NAME_MAX_LENGTH } from '../../helpers/validation';

export const labelIdProperty: INodeProperties = sobotLocator({
	name: 'labelId',
	displayName: 'Label',
	thing: 'label',
	searchListMethod: 'searchLabels',
	required: true,
	description: 'The business label, picked from the list (type to filter by label or group name) or given by ID',
});

export const paramNameProperty: INodeProperties = {
	displayName: 'Parameter Name',
	name: 'param_name',
	type: 'string',
	default: '',
	description: `A short code for the label (param_name), e.g. for reports and imports; at most ${SOBOT_NAME_MAX_LENGTH} characters`,
};
