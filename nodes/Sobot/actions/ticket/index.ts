import * as createAsAgent from './createAsAgent.operation';
import * as createForCustomer from './createForCustomer.operation';
import * as customerReply from './customerReply.operation';
import * as get from './get.operation';
import * as getFailedPushes from './getFailedPushes.operation';
import * as getMany from './getMany.operation';
import * as reply from './reply.operation';
import * as update from './update.operation';
import * as uploadAttachment from './uploadAttachment.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { createAsAgent, createForCustomer, customerReply, get, getFailedPushes, getMany, reply, update, uploadAttachment };

export const description = describeResource('ticket', operations, 'getMany');
