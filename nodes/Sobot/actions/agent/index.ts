import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getMany };

export const description = describeResource('agent', operations);
