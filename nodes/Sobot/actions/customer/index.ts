import * as addFollowUp from './addFollowUp.operation';
import * as assign from './assign.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getActivities from './getActivities.operation';
import * as getMany from './getMany.operation';
import * as recycle from './recycle.operation';
import * as setStage from './setStage.operation';
import * as update from './update.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { addFollowUp, assign, create, get, getActivities, getMany, recycle, setStage, update };

export const description = describeResource('customer', operations, 'getMany');
