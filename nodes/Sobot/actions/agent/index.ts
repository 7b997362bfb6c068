import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

export { getMany };

export const description = describeResource(
	'agent',
	[{ name: 'Get Many', value: 'getMany', description: 'List agents and their departments', action: 'Get many agents' }],
	[getMany],
);
