import * as getMany from './getMany.operation';
import * as getOfflineMessages from './getOfflineMessages.operation';
import * as getSummary from './getSummary.operation';
import * as getTranscript from './getTranscript.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getMany, getOfflineMessages, getSummary, getTranscript };

export const description = describeResource('conversation', operations, 'getTranscript');
