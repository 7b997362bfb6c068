import * as getMany from './getMany.operation';
import { resourceDescription } from '../resourceIndex';

export { getMany };

export const description = resourceDescription(
	'agent',
	[{ name: 'Get Many', value: 'getMany', description: 'List agents and their departments', action: 'Get many agents' }],
	[getMany],
);
