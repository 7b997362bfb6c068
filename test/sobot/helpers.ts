/**
 * Shared setup of the Sobot node tests: one fake Sobot per test file, the node run in n8n's real
 * engine, and dropdowns loaded through n8n-core's real LoadOptionsContext.
 */
import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { FakeSobot, SOBOT_PREFIX } from '../fakes/sobot';
import type { RecordedRequest } from '../fakes/base';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
import { addSobotCredential, createEngine, SOBOT_NODE } from '../support/package';

export { SOBOT_PREFIX };

export interface SobotTestBed {
	fake: FakeSobot;
	engine: Engine;
	credential: CredentialRef;
	/** Business requests (not get_token) since the last reset. */
	calls(): RecordedRequest[];
	run(
		parameters: INodeParameters,
		options?: { items?: IDataObject[]; continueOnFail?: boolean; typeVersion?: number },
	): ReturnType<Engine['runNode']>;
	/** `path`: the parameter the dropdown belongs to (default `parameters.<method>`), for `&sibling` lookups in a row. */
	loadOptions(method: string, parameters?: INodeParameters, path?: string): Promise<INodePropertyOptions[]>;
	/** A resource locator's list (methods.listSearch), as the editor asks for it: typed text, then the next page. */
	listSearch(
		method: string,
		filter?: string,
		paginationToken?: string,
		parameters?: INodeParameters,
	): Promise<INodeListSearchResult>;
}

/** Registers beforeAll/afterAll/beforeEach hooks and returns the test bed they fill. */
export function useSobot(): SobotTestBed {
	const bed = {} as SobotTestBed;
	const node = new Sobot();
	beforeAll(async () => {
		bed.fake = new FakeSobot();
		await bed.fake.start();
		const store = new CredentialStore();
		bed.engine = createEngine(store);
		bed.credential = addSobotCredential(store, bed.fake);
	});
	afterAll(async () => await bed.fake.stop());
	beforeEach(() => {
		bed.fake.resetStores();
		bed.fake.clearFaults();
		bed.fake.clearRequests();
	});
	bed.calls = () => bed.fake.requests.filter((request) => request.path !== '/api/get_token');
	bed.run = async (parameters, options = {}) =>
		await bed.engine.runNode({
			type: SOBOT_NODE,
			parameters,
			credentials: { sobotApi: bed.credential },
			items: options.items,
			continueOnFail: options.continueOnFail,
			typeVersion: options.typeVersion,
		});
	const contextFor = (parameterPath: string, parameters: INodeParameters) => {
		const nodeTypes: INodeTypes = {
			getByName: () => node,
			getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(node, version),
			getKnownTypes: () => ({}),
		};
		const workflowNode: INode = {
			id: randomUUID(),
			name: 'Sobot',
			type: SOBOT_NODE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { sobotApi: bed.credential },
		};
		const workflow = new Workflow({
			id: 'load-options',
			nodes: [workflowNode],
			connections: {},
			active: false,
			nodeTypes,
		});
		const additionalData = bed.engine.buildAdditionalData(randomUUID(), workflow.id);
		additionalData.currentNodeParameters = parameters;
		return new LoadOptionsContext(workflow, workflowNode, additionalData, parameterPath);
	};
	bed.loadOptions = async (method, parameters = {}, parameterPath = `parameters.${method}`) => {
		const methods = node.methods.loadOptions as Record<string, (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>>;
		return await methods[method].call(contextFor(parameterPath, parameters));
	};
	bed.listSearch = async (method, filter, paginationToken, parameters = {}) => {
		type Search = (this: LoadOptionsContext, filter?: string, token?: string) => Promise<INodeListSearchResult>;
		const methods = node.methods.listSearch as Record<string, Search>;
		return await methods[method].call(contextFor(`parameters.${method}`, parameters), filter, paginationToken);
	};
	return bed;
}

/** The one business request of a run, asserted to be the only one. */
export function only(bed: SobotTestBed): RecordedRequest {
	const calls = bed.calls();
	expect(calls).toHaveLength(1);
	return calls[0];
}

export const path = (suffix: string) => `${SOBOT_PREFIX}${suffix}`;
