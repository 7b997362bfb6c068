import * as createAsAgent from './createAsAgent.operation';
import * as createForCustomer from './createForCustomer.operation';
import * as customerReply from './customerReply.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reply from './reply.operation';
import * as update from './update.operation';
import * as uploadAttachment from './uploadAttachment.operation';
import { describeResource } from '../../../shared/properties';

export { createAsAgent, createForCustomer, customerReply, get, getMany, reply, update, uploadAttachment };

export const description = describeResource(
	'ticket',
	[
		{
			name: 'Create as Agent',
			value: 'createAsAgent',
			description: 'Create a ticket in the name of an agent, optionally assigned and with a status and priority',
			action: 'Create a ticket as an agent',
		},
		{
			name: 'Create for Customer',
			value: 'createForCustomer',
			description: 'Create a ticket in the name of a customer (by customer ID)',
			action: 'Create a ticket for a customer',
		},
		{
			name: 'Customer Reply',
			value: 'customerReply',
			description: 'Add a reply in the name of the customer to a ticket',
			action: 'Add a customer reply to a ticket',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a ticket by ID, with its replies, history, files and custom fields',
			action: 'Get a ticket',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List tickets created in a date range (any length), filtered by status, type, customer or assignee',
			action: 'Get many tickets',
		},
		{
			name: 'Reply',
			value: 'reply',
			description: 'Add a public reply or an internal note to a ticket as an agent',
			action: 'Reply to a ticket',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the status, priority, assignee, group or custom fields of a ticket',
			action: 'Update a ticket',
		},
		{
			name: 'Upload Attachment',
			value: 'uploadAttachment',
			description: 'Upload a file from binary data and get its URL, to attach to a ticket or a reply',
			action: 'Upload an attachment',
		},
	],
	[createAsAgent, createForCustomer, customerReply, get, getMany, reply, update, uploadAttachment],
	'getMany',
);
