/**
 * Shared set-up of the Bangwo8 node tests: a FakeBangwo8 per test, the node run in n8n's real
 * engine with either credential, and a LoadOptionsContext (n8n-core's own) for the dropdowns.
 */
import { randomUUID } from 'node:crypto';

import { LoadOptionsContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeType,
	type INodeTypes,
	type INodeParameters,
} from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { FakeBangwo8 } from '../fakes/bangwo8';
import type { RecordedRequest } from '../fakes/base';
import { CredentialStore, type CredentialRef, type Engine, type RunNodeResult } from '../harness/engine';
import { addBangwo8BasicCredential, addBangwo8OAuth2Credential, BANGWO8_NODE, createEngine } from '../support/package';

export const PASSWORD = 'bangwo8-test-password';
export const CLIENT_SECRET = 'bangwo8-test-client-secret';

export const AUTHENTICATIONS = [
	['OAuth2', 'oAuth2'],
	['Basic Auth', 'basicAuth'],
] as const;

export type Authentication = (typeof AUTHENTICATIONS)[number][1];

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's version (default 1: the raw answer; 1.1 simplifies reads by default). */
	typeVersion?: number;
}

export interface Bangwo8TestContext {
	fake: FakeBangwo8;
	engine: Engine;
	credentials: Record<string, CredentialRef>;
	authentication: Authentication;
	/** Runs the Bangwo8 node on `resource.operation` with these parameters. */
	run(resource: string, operation: string, parameters?: INodeParameters, options?: RunOptions): Promise<RunNodeResult>;
	/** Business requests (token calls left out) since the test began. */
	apiRequests(): RecordedRequest[];
	/** A LoadOptionsContext of the node with these parameters (the dropdowns run in it). */
	loadOptionsContext(parameters?: INodeParameters): LoadOptionsContext;
}

/**
 * Registers beforeEach/afterEach hooks for one credential and returns the live context (its
 * fields are replaced before every test).
 */
export function useBangwo8(authentication: Authentication): Bangwo8TestContext {
	const context = { authentication } as Bangwo8TestContext;
	const node = new Bangwo8();

	beforeEach(async () => {
		const fake = new FakeBangwo8({
			password: PASSWORD,
			clientSecret: CLIENT_SECRET,
		});
		await fake.start();
		const store = new CredentialStore();
		context.fake = fake;
		context.engine = createEngine(store);
		context.credentials =
			authentication === 'oAuth2'
				? {
						bangwo8OAuth2Api: addBangwo8OAuth2Credential(store, fake, {
							clientSecret: CLIENT_SECRET,
						}),
					}
				: {
						bangwo8BasicAuthApi: addBangwo8BasicCredential(store, fake, {
							password: PASSWORD,
						}),
					};
	});
	afterEach(async () => await context.fake.stop());

	context.run = async (resource, operation, parameters = {}, options = {}) =>
		await context.engine.runNode({
			type: BANGWO8_NODE,
			parameters: { authentication, resource, operation, ...parameters },
			credentials: context.credentials,
			items: options.items,
			continueOnFail: options.continueOnFail,
			typeVersion: options.typeVersion,
		});

	context.apiRequests = () => context.fake.requests.filter((request) => request.path.startsWith('/api/v1/'));

	context.loadOptionsContext = (parameters = {}) => {
		const nodeTypes: INodeTypes = {
			getByName: () => node,
			getByNameAndVersion: (): INodeType => NodeHelpers.getVersionedNodeType(node),
			getKnownTypes: () => ({}),
		};
		const bangwo8Node: INode = {
			id: randomUUID(),
			name: 'Bangwo8',
			type: BANGWO8_NODE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication, ...parameters },
			credentials: context.credentials as INode['credentials'],
		};
		const workflow = new Workflow({
			id: 'load-options',
			nodes: [bangwo8Node],
			connections: {},
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const additionalData = context.engine.buildAdditionalData(randomUUID(), workflow.id);
		additionalData.currentNodeParameters = bangwo8Node.parameters;
		return new LoadOptionsContext(workflow, bangwo8Node, additionalData, 'parameters.x');
	};

	return context;
}

/** The one request made to `method path`, failing the test when there is not exactly one. */
export function onlyRequest(context: Bangwo8TestContext, method: string, path: string | RegExp): RecordedRequest {
	const requests = context.fake.requestsTo(method, path);
	expect(requests).toHaveLength(1);
	return requests[0];
}

/** The Authorization scheme every business request must carry for the credential in use. */
export function expectAuthorization(context: Bangwo8TestContext): void {
	const scheme = context.authentication === 'oAuth2' ? /^Bearer / : /^Basic /;
	const requests = context.apiRequests();
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) expect(request.headers.authorization).toMatch(scheme);
}

/** Output JSON of a run that must have succeeded, each item paired with input `paired`. */
export function outputOf(result: RunNodeResult, paired: number | number[] = 0): IDataObject[] {
	expect(result.error).toBeUndefined();
	const expected = Array.isArray(paired) ? paired : result.items.map(() => paired);
	expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(expected);
	return result.items.map((item) => item.json);
}
