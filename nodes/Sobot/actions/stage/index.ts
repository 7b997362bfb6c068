import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

export { getMany };

export const description = describeResource(
	'stage',
	[{ name: 'Get Many', value: 'getMany', description: 'List the follow-up stages', action: 'Get many follow up stages' }],
	[getMany],
);
