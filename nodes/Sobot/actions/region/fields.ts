import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getPickedId } from '../../helpers/validation';

export const provinceProperty: INodeProperties = {
	displayName: 'Province Name or ID',
	name: 'province',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getProvinces' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const cityProperty: INodeProperties = {
	displayName: 'City Name or ID',
	name: 'city',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCities', loadOptionsDependsOn: ['province'] },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export function regionId(name: 'province' | 'city', label: string) {
	return (context: IExecuteFunctions, itemIndex: number) => ({
		[name === 'province' ? 'provinceid' : 'cityid']: getPickedId(context, name, label, itemIndex),
	});
}
