import * as getAgentStatistics from './getAgentStatistics.operation';
import * as getBotStatistics from './getBotStatistics.operation';
import * as rateChat from './rateChat.operation';
import * as rateTicket from './rateTicket.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getAgentStatistics, getBotStatistics, rateChat, rateTicket };

export const description = describeResource('satisfaction', operations, 'getAgentStatistics');
