import * as find from './find.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { find, get, getMany, update, upsert };

export const description = describeResource('contact', operations, 'find');
