/**
 * A fake vendor with an engine and a working credential, for tests that run the same checks
 * against both vendors (paging, input checks, time-outs).
 */
import { FakeBangwo8 } from '../fakes/bangwo8';
import { FakeSobot } from '../fakes/sobot';
import { CredentialStore, type CredentialRef, type Engine } from '../harness/engine';
import { addBangwo8BasicCredential, addSobotCredential, createEngine } from './package';

export interface VendorBed<Fake> {
	fake: Fake;
	engine: Engine;
	credentials: Record<string, CredentialRef>;
}

export async function startSobot(): Promise<VendorBed<FakeSobot>> {
	const fake = new FakeSobot();
	await fake.start();
	const store = new CredentialStore();
	return { fake, engine: createEngine(store), credentials: { sobotApi: addSobotCredential(store, fake) } };
}

/** Bangwo8 with the Basic Auth credential (parameters must say `authentication: 'basicAuth'`). */
export async function startBangwo8(): Promise<VendorBed<FakeBangwo8>> {
	const fake = new FakeBangwo8();
	await fake.start();
	const store = new CredentialStore();
	return { fake, engine: createEngine(store), credentials: { bangwo8BasicAuthApi: addBangwo8BasicCredential(store, fake) } };
}
