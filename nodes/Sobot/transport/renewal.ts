import { randomUUID } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import { sobotErrorMessage } from './codes';
import {
	credentialFingerprint,
	parseRenewalRecord,
	usableSobotToken,
	writeRenewalRecord,
	type SobotCredentials,
	type RenewalRecord,
} from './token';

/**
 * One Sobot token for every execution, however many meet a dead token at once.
 *
 * Sobot kills the previous token whenever it issues one, so executions that each renewed would
 * kill each other's tokens. The only thing all executions share — in one process or across
 * queue-mode workers — is the stored credential, and the only way a node writes to it is the
 * credential's preAuthentication (n8n persists what it returns), which n8n runs just before
 * sending a request. The credential has no compare-and-swap, so the renewer is elected with a
 * claim that the last writer wins:
 *
 *  1. `use`   – a working stored token (not one Sobot just refused) is used as it is.
 *  2. wait    – while another execution's claim is live, re-read the credential until its token
 *               arrives (or its claim lapses, or its failure is recorded).
 *  3. `claim` – nobody is renewing: after a short random wait (so that, in a burst, one
 *               execution claims first and the others see it), write a claim. It travels with a
 *               harmless read (stage list) sent with an empty token, which Sobot refuses before
 *               doing anything.
 *  4. settle  – wait until every claim written at the same moment has landed; the claim still
 *               stored is the winner's. Losers go back to waiting.
 *  5. `fetch` – the winner gets the token through preAuthentication; n8n stores it and sends the
 *               original request with it.
 *
 * "Elected" is timing-based: under load two executions can both win, and then one extra token
 * is issued and refused once before all converge on the stored one — about one token per expiry.
 * A claim carries its own deadline (`until`), so a claimer that died stalls the others for at most
 * `claimTtlMs`, and a claim that an edit of the credential restored from an old dialog is already
 * past it. A failed renewal is shared only when Sobot refused the credential (`definitive`): after
 * an outage of get_token the execution that met it fails and the next one tries again.
 *
 * Bounded: a call gives up after `budgetMs`, after `maxTokenRefusals` refused tokens or after
 * two tokens of its own were refused, with an error that names 900002 and what to check.
 * Nothing lives in module state; the per-call id only tells this call's claim from others'.
 */
export const TOKEN_RENEWAL_TIMING = {
	/** Random wait (0–this) before claiming. */
	claimJitterMs: 200,
	/** Time for concurrent claims to land before the winner is read back. */
	settleMs: 300,
	/** How often waiting executions re-read the credential (±50 %). */
	pollMs: 150,
	/**
	 * How long a claim stands (its `until`): the settle wait and a get_token call. A claim seen
	 * unchanged this long is taken over (its execution or process died).
	 */
	claimTtlMs: 10_000,
	/** Clock difference between hosts tolerated when reading another host's deadline. */
	clockSkewMs: 5_000,
	/** A definitive renewal failure recorded this recently is reported instead of trying again. */
	failureFreshMs: 10_000,
	/** A call waits at most this long for a working token. */
	budgetMs: 45_000,
	/** Refused tokens (900001/900002) one call accepts before giving up. */
	maxTokenRefusals: 6,
};

export type RenewalStep = 'use' | 'claim' | 'fetch';

export interface RenewalAttempt {
	step: RenewalStep;
	/** Credentials to send with; n8n writes what preAuthentication returned into this object. */
	credentials: SobotCredentials;
}

export class SobotTokenRenewal {
	readonly id = randomUUID();

	private readonly startedAt = Date.now();

	/** Tokens Sobot refused during this call. */
	private readonly refused = new Set<string>();

	private refusals = 0;

	private ownTokensRefused = 0;

	private claimedAt: number | undefined;

	/** When this call first saw each claim (by its own clock, so skew between hosts does not matter). */
	private readonly claimsSeen = new Map<string, number>();

	constructor(private readonly readStored: () => Promise<SobotCredentials>) {}

	/**
	 * After Sobot refused the token sent with `attempt` (900001/900002): what to send next.
	 * Throws when the budget is spent.
	 */
	async afterRefusal(attempt: RenewalAttempt): Promise<RenewalAttempt> {
		if (attempt.step === 'claim') {
			this.claimedAt = Date.now();
			return await this.next();
		}
		const token = String(attempt.credentials.token ?? '');
		if (token !== '') this.refused.add(token);
		this.refusals++;
		if (attempt.step === 'fetch') this.ownTokensRefused++;
		if (this.refusals >= TOKEN_RENEWAL_TIMING.maxTokenRefusals || this.ownTokensRefused >= 2) {
			throw new Error(this.giveUpMessage());
		}
		return await this.next();
	}

	/** The failure preAuthentication recorded for this call's own `fetch`, if it failed. */
	fetchFailure(attempt: RenewalAttempt): string | undefined {
		if (attempt.step !== 'fetch') return undefined;
		const record = parseRenewalRecord(attempt.credentials.renewal);
		return record?.state === 'failed' && record.by === this.id ? (record.error ?? 'unknown error') : undefined;
	}

	/** What to send when the token at hand is not usable: a stored one, a claim or a fetch. */
	async next(): Promise<RenewalAttempt> {
		let waitedBeforeClaim = false;
		for (;;) {
			if (Date.now() - this.startedAt > TOKEN_RENEWAL_TIMING.budgetMs) throw new Error(this.giveUpMessage());
			const stored = await this.readStored();
			const token = usableSobotToken(stored);
			if (token !== undefined && !this.refused.has(token)) {
				this.claimedAt = undefined;
				return { step: 'use', credentials: stored };
			}

			const record = parseRenewalRecord(stored.renewal);
			if (
				record?.state === 'failed' &&
				record.definitive === true &&
				record.by !== this.id &&
				record.refused === credentialFingerprint(stored) &&
				Math.abs(Date.now() - record.at) < TOKEN_RENEWAL_TIMING.failureFreshMs
			) {
				throw new Error(record.error ?? 'Sobot: renewing the token failed');
			}
			if (record?.state === 'renewing' && this.isLive(record)) {
				if (record.by === this.id) {
					const settleLeft = (this.claimedAt ?? 0) + TOKEN_RENEWAL_TIMING.settleMs - Date.now();
					if (settleLeft <= 0) return { step: 'fetch', credentials: this.withStep(stored, 'fetch') };
					await sleep(settleLeft);
					continue;
				}
				// Another execution renews: wait for its token.
				this.claimedAt = undefined;
				await sleep(TOKEN_RENEWAL_TIMING.pollMs * (0.5 + Math.random()));
				continue;
			}

			// Nobody renews (or a claim was abandoned): claim, after a random wait and a re-read.
			if (!waitedBeforeClaim) {
				waitedBeforeClaim = true;
				await sleep(Math.random() * TOKEN_RENEWAL_TIMING.claimJitterMs);
				continue;
			}
			return { step: 'claim', credentials: this.withStep(stored, 'claim') };
		}
	}

	/** Credentials that make n8n run preAuthentication (empty token) with this step. */
	private withStep(stored: SobotCredentials, state: 'claim' | 'fetch'): SobotCredentials {
		const at = Date.now();
		return {
			...stored,
			token: '',
			renewal: writeRenewalRecord({ state, by: this.id, at, until: at + TOKEN_RENEWAL_TIMING.claimTtlMs }),
		};
	}

	/**
	 * A `renewing` claim stands until its deadline — read on the claimer's clock, give or take
	 * `clockSkewMs` — and, whatever the clocks say, no longer than its lifetime after this call
	 * first saw it unchanged.
	 */
	private isLive(record: RenewalRecord): boolean {
		const now = Date.now();
		const until = record.until ?? record.at + TOKEN_RENEWAL_TIMING.claimTtlMs;
		if (now > until + TOKEN_RENEWAL_TIMING.clockSkewMs) return false;
		const key = `${record.by}:${record.at}`;
		const firstSeen = this.claimsSeen.get(key) ?? now;
		this.claimsSeen.set(key, firstSeen);
		return now - firstSeen < Math.min(until - record.at, TOKEN_RENEWAL_TIMING.claimTtlMs);
	}

	private giveUpMessage(): string {
		const seconds = Math.round((Date.now() - this.startedAt) / 1000);
		return (
			`${sobotErrorMessage('900002')}: Sobot kept refusing the API token ` +
			`(${this.refusals} refused in ${seconds} s, renewed by this or other executions). ` +
			'Each new token invalidates the previous one: if another system or n8n instance uses the same ' +
			'App ID, give it its own App ID; also check the App ID and the data centre.'
		);
	}
}
