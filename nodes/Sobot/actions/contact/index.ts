import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { get, getMany, search, update, upsert };

export const description = describeResource('contact', operations, 'search');
