import * as getAgents from './getAgents.operation';
import * as getGroups from './getGroups.operation';
import * as getOverview from './getOverview.operation';
import * as getWorkingStatus from './getWorkingStatus.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getAgents, getGroups, getOverview, getWorkingStatus };

export const description = describeResource('live', operations, 'getOverview');
