import * as getMany from './getMany.operation';
import { resourceDescription } from '../resourceIndex';

export { getMany };

export const description = resourceDescription(
	'stage',
	[{ name: 'Get Many', value: 'getMany', description: 'List the follow-up stages', action: 'Get many follow up stages' }],
	[getMany],
);
