import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/validation';

/** A satisfaction score, 1 (worst) to 5 (best), as both rating endpoints take it. */
export const scoreProperty: INodeProperties = {
	displayName: 'Score',
	name: 'score',
	type: 'number',
	required: true,
	default: 5,
	typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
	description: 'From 1 (very dissatisfied) to 5 (very satisfied)',
};

export function readScore(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('score', itemIndex, 5) as unknown;
	const score = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
		fail(context, itemIndex, `"Score" must be a whole number from 1 to 5; got ${JSON.stringify(raw)}`);
	}
	return score;
}
