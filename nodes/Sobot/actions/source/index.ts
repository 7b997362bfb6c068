import * as getMany from './getMany.operation';
import { resourceDescription } from '../resourceIndex';

export { getMany };

export const description = resourceDescription(
	'source',
	[{ name: 'Get Many', value: 'getMany', description: 'List the customer sources', action: 'Get many customer sources' }],
	[getMany],
);
