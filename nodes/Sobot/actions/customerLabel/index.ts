import * as get from './get.operation';
import * as set from './set.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { get, set };

export const description = describeResource('customerLabel', operations, 'get');
