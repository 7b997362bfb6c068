import * as getAgentSessions from './getAgentSessions.operation';
import * as getBotSessions from './getBotSessions.operation';
import * as getCustomerSessions from './getCustomerSessions.operation';
import * as getMessages from './getMessages.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getAgentSessions, getBotSessions, getCustomerSessions, getMessages };

export const description = describeResource('statistics', operations, 'getCustomerSessions');
