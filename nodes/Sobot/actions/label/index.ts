import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { create, delete: del, getMany, update };

export const description = describeResource('label', operations, 'getMany');
