/** Benchmarks of the triggers. */
import { emitted, makeEngine, NEW_CUSTOMER, push } from '../test/sobotTrigger/helpers';

export type Report = (figure: string, value: string | number, target?: string) => void;

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

/**
 * A CRM push of 1,000 customers, from the request reaching the Sobot Trigger's webhook (in
 * n8n-core's WebhookContext) to the items handed to the workflow; median of RUNS, Simplify off
 * and on. The HTTP hop into n8n itself is covered by the end-to-end suite, not timed here.
 */
async function sobotPush(report: Report) {
	const engine = makeEngine();
	const content = Array.from({ length: 1000 }, (_, index) => ({
		...NEW_CUSTOMER,
		userid: `customer-${index}`,
		msg_type: index % 10 === 0 ? '1' : '0',
	}));
	const body = { sys_code: '50', type: 'crm', content };
	for (const simplify of [false, true]) {
		const times: number[] = [];
		let items = 0;
		for (let run = 0; run <= RUNS; run++) {
			const start = process.hrtime.bigint();
			const result = await push(engine, body, { parameters: { simplify } });
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			items = emitted(result).length;
			if (run > 0) times.push(ms); // the first run warms up
		}
		times.sort((a, b) => a - b);
		report(
			`Sobot push of 1,000 customers → items${simplify ? ' (Simplify on)' : ''}, median of ${RUNS} (ms)`,
			`${times[Math.floor(times.length / 2)].toFixed(1)} (${items} items in one execution)`,
			'1,000 items',
		);
	}
}

export const extraBenchmarks: Array<(report: Report) => Promise<void>> = [sobotPush];
