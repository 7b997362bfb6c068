import * as checkWorkingHours from './checkWorkingHours.operation';
import * as getAgents from './getAgents.operation';
import * as getGroups from './getGroups.operation';
import * as getOverview from './getOverview.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { checkWorkingHours, getAgents, getGroups, getOverview };

export const description = describeResource('live', operations, 'getOverview');
