import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest } from '../../transport';
import { decodeChoice } from '../../helpers/choices';
import { completeChoice, stageChoices } from '../../helpers/lookups';
import { sobotLocator } from '../../helpers/locators';
import { fail } from '../../helpers/validation';
import { collection } from '../../../shared/properties';
import { customerIdProperty, readCustomerId } from './fields';
import type { OperationOption, RunScope } from '../../../shared/router';

export const option: OperationOption = { name: 'Set Stage', description: 'Set the follow-up stage of a customer', action: 'Set the stage of a customer' };

export const properties: INodeProperties[] = [
	customerIdProperty,
	sobotLocator({
		name: 'stage',
		displayName: 'Stage',
		thing: 'stage',
		searchListMethod: 'searchStages',
		required: true,
		description: 'Follow-up stage, picked from the list or given by ID; its name is sent with it',
	}),
	{
		displayName: 'Stage Type',
		name: 'stage_type',
		type: 'options',
		required: true,
		default: 1,
		options: [
			{ name: 'In Progress', value: 1 },
			{ name: 'Result: Won', value: 21 },
			{ name: 'Result: Lost', value: 22 },
			{ name: 'Result: Invalid', value: 23 },
		],
	},
	collection('additionalFields', [{ displayName: 'Remark', name: 'remark', type: 'string', default: '' }]),
];

/** 3.5.2 user_stage/stage_save: userid, stageid, stage_name, stage_type (and the curl's remark). */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const userid = readCustomerId(this, itemIndex);
	const picked = decodeChoice(this, this.getNodeParameter('stage', itemIndex, '', { extractValue: true }), 'Stage', itemIndex);
	if (!picked) fail(this, itemIndex, '"Stage" is empty');
	const stage = await completeChoice(this, picked, {
		label: 'Stage',
		itemIndex,
		load: async () => await run.once('stages', async () => await stageChoices(this, itemIndex)),
	});
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		userid,
		stageid: stage.id,
		stage_name: stage.name ?? '',
		stage_type: Number(this.getNodeParameter('stage_type', itemIndex, 1)),
	};
	if (additionalFields.remark !== undefined) body.remark = additionalFields.remark;
	await sobotApiRequest.call(this, 'customerStageSet', { body, itemIndex });
	return { success: true, ...body };
}
