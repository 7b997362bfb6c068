import { type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { decodeChoices } from '../../helpers/choices';
import { completeChoices, labelChoices } from '../../helpers/lookups';
import { customerIdProperty, readCustomerId } from '../customer/fields';
import type { OperationOption, RunScope } from '../../../shared/router';

export const option: OperationOption = { name: 'Set', description: 'Replace the labels of a customer', action: 'Set the labels of a customer' };

export const properties: INodeProperties[] = [
	customerIdProperty,
	{
		displayName: 'Label Names or IDs',
		name: 'labels',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLabels' },
		default: [],
		description:
			'The business labels the customer should carry: they replace the current ones (none removes all). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** 2.11 label/update_userlabel/{id}: the body is the list of `{id, name}` of the labels. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const id = readCustomerId(this, itemIndex);
	const picked = decodeChoices(this, this.getNodeParameter('labels', itemIndex, []), 'Labels', itemIndex);
	const labels = await completeChoices(this, picked, {
		label: 'Label',
		itemIndex,
		load: async () => await run.once('labels', async () => await labelChoices(this, itemIndex)),
	});
	const list = labels.map((label) => ({ id: label.id, name: label.name ?? '' }));
	await sobotApiRequest.call(this, 'customerLabelsSet', { pathParams: { id }, body: list, itemIndex });
	return { success: true, userid: id, label_set: list };
}
