/**
 * Our package as n8n sees it: node types under their package-prefixed names, our credential
 * types, and helpers that point credentials at the fake vendor servers.
 */
import { Bangwo8BasicAuthApi } from '../../credentials/Bangwo8BasicAuthApi.credentials';
import { Bangwo8OAuth2Api } from '../../credentials/Bangwo8OAuth2Api.credentials';
import { SobotApi } from '../../credentials/SobotApi.credentials';
import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { issuedForToken } from '../../nodes/Sobot/transport/token';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import type { FakeBangwo8 } from '../fakes/bangwo8';
import type { FakeSobot } from '../fakes/sobot';

export const PACKAGE_NAME = 'n8n-nodes-bangwo8-sobot';
export const SOBOT_NODE = `${PACKAGE_NAME}.sobot`;
export const BANGWO8_NODE = `${PACKAGE_NAME}.bangwo8`;

/**
 * An engine with both action nodes. Nodes a test adds without a version run version 1 — the raw
 * vendor answer, as workflows saved before Simplify existed get it; tests of Simplify
 * (test/simplify/) ask for version 1.1, where it is on by default.
 */
export function createEngine(store = new CredentialStore()): Engine {
	return new Engine({
		nodeTypes: { [SOBOT_NODE]: new Sobot(), [BANGWO8_NODE]: new Bangwo8() },
		credentialTypes: [new SobotApi(), new Bangwo8OAuth2Api(), new Bangwo8BasicAuthApi()],
		credentials: store,
		defaultVersions: { [SOBOT_NODE]: 1, [BANGWO8_NODE]: 1 },
	});
}

/**
 * A Sobot credential on the "Custom URL" data centre pointing at the fake. `token: 'fresh'` (the
 * default for tests not about tokens) starts it as a credential that has been used before: with
 * a working token the fake issued, as get_token would have. `token: 'none'` starts it new.
 */
export function addSobotCredential(
	store: CredentialStore,
	fake: FakeSobot,
	overrides: Record<string, unknown> = {},
	{ token = 'fresh' }: { token?: 'fresh' | 'none' } = {},
): CredentialRef {
	const data = {
		dataCenter: 'custom',
		customUrl: fake.origin,
		appId: fake.appId,
		appSecretKey: fake.appKey,
		token: '',
		expiresAt: 0,
		issuedFor: '',
		renewal: '',
		...overrides,
	};
	if (token === 'fresh') {
		const issued = fake.issueToken();
		Object.assign(data, { token: issued, expiresAt: Date.now() + 86_400_000, issuedFor: issuedForToken(data as never, issued) });
	}
	return store.add('sobotApi', data);
}

export function addBangwo8OAuth2Credential(
	store: CredentialStore,
	fake: FakeBangwo8,
	overrides: Record<string, unknown> = {},
): CredentialRef {
	return store.add('bangwo8OAuth2Api', {
		baseUrl: `${fake.origin}/api/v1`,
		clientId: 'cid',
		clientSecret: 'csecret',
		...overrides,
	});
}

export function addBangwo8BasicCredential(
	store: CredentialStore,
	fake: FakeBangwo8,
	overrides: Record<string, unknown> = {},
): CredentialRef {
	return store.add('bangwo8BasicAuthApi', {
		baseUrl: `${fake.origin}/api/v1`,
		account: 'acct',
		password: 'pw',
		...overrides,
	});
}
