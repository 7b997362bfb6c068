import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { properties } from './description';
import { eventOf, itemJson, readPush, type PushEvent } from './payload';
import { checkProtection, testProtectionCredential, type Protection } from './protection';
import { simplifyEntry } from './simplify';

/** The reply Sobot gets for every push the trigger accepts (the seed documents none). */
const ACKNOWLEDGEMENT = { ret_code: '000000', ret_msg: 'success' };

/** Answers the request now; the workflow (if any) runs afterwards. */
function answer(ctx: IWebhookFunctions, status: number, body: IDataObject, headers: Record<string, string> = {}) {
	const res = ctx.getResponseObject();
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.status(status).json(body);
}

export class SobotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot Trigger',
		name: 'sobotTrigger',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Sobot (智齿) SCRM pushes a customer change',
		defaults: { name: 'Sobot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sobotTriggerBasicAuthApi',
				required: true,
				testedBy: 'sobotTriggerProtection',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
			{
				name: 'sobotTriggerHeaderAuthApi',
				required: true,
				testedBy: 'sobotTriggerProtection',
				displayOptions: { show: { authentication: ['headerAuth'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = {
		credentialTest: {
			async sobotTriggerProtection(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return testProtectionCredential(credential);
			},
		},
	};

	/**
	 * Sobot keeps its push URL in its own settings and has no API to register, read or remove it
	 * (the user pastes the URL, see the node's notice). So nothing is registered here: checkExists
	 * answers "not registered" so that every activation runs create(), which only checks this
	 * node's own set-up, and delete has nothing to remove.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const events = this.getNodeParameter('events', []) as PushEvent[];
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Select at least one event in "Events"', {
						description: 'With no event selected, every push from Sobot would be ignored.',
					});
				}
				const protection = this.getNodeParameter('authentication', 'none') as Protection;
				if (protection === 'querySecret' && (this.getNodeParameter('secret', '') as string) === '') {
					throw new NodeOperationError(this.getNode(), 'Enter a secret in "Secret"', {
						description: 'Protection is set to Query Secret, so the secret must not be empty.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const rejection = await checkProtection(this);
		if (rejection) {
			answer(this, rejection.status, { code: rejection.status, message: rejection.message }, rejection.headers);
			return { noWebhookResponse: true };
		}

		const push = readPush(this.getBodyData(), (this.getRequestObject() as { rawBody?: unknown }).rawBody);
		if ('error' in push) {
			answer(this, 400, { code: 400, message: push.error });
			return { noWebhookResponse: true };
		}

		const events = this.getNodeParameter('events', []) as PushEvent[];
		const simplify = this.getNodeParameter('simplify', false) as boolean;
		const items: INodeExecutionData[] = [];
		for (const entry of push.entries) {
			const event = eventOf(entry);
			if (!events.includes(event)) continue;
			items.push({ json: itemJson(event, simplify ? simplifyEntry(entry) : entry), pairedItem: { item: items.length } });
		}

		answer(this, 200, ACKNOWLEDGEMENT);
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
