import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

export { getMany };

export const description = describeResource(
	'source',
	[{ name: 'Get Many', value: 'getMany', description: 'List the customer sources', action: 'Get many customer sources' }],
	[getMany],
);
