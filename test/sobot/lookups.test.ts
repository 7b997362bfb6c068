/**
 * Names Sobot needs beside ids (agent name and department, stage name, label names, regions) are
 * looked up once per execution when the ids come from expressions, not once per item — and not
 * kept for the next execution.
 */
import { useSobot, SOBOT_PREFIX } from './helpers';

const bed = useSobot();
const path = (suffix: string) => `${SOBOT_PREFIX}${suffix}`;
const calls = (suffix: string) => bed.calls().filter((request) => request.path === path(suffix));

describe('lookups once per execution', () => {
	it('1,000 items assigned to agents given by expression: 1 agent lookup, 1,000 assign calls', async () => {
		const customers = bed.fake.seedCustomers(1000, { overrides: { crm_status: 2 } });
		const agents = bed.fake.agents;
		const { items, error } = await bed.run(
			{ resource: 'customer', operation: 'assign', customerIds: '={{ $json.customer }}', agents: '={{ $json.agent }}', assign_biz_type: '1' },
			{ items: customers.map((customer, index) => ({ customer: customer.id, agent: agents[index % agents.length].id })) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1000);
		expect(calls('/user/user_list')).toHaveLength(1);
		expect(calls('/public_user/assign')).toHaveLength(1000);
		const names = calls('/public_user/assign').map((request) => (request.body as { liable_list: Array<{ liable_service_name: string }> }).liable_list[0].liable_service_name);
		expect(names.slice(0, 3)).toEqual(agents.map((agent) => agent.name));
	});

	it('stages for Set Stage and regions for Create: one lookup each for many items', async () => {
		const customers = bed.fake.seedCustomers(50);
		const stage = bed.fake.stages[0];
		const staged = await bed.run(
			{ resource: 'customer', operation: 'setStage', customerId: '={{ $json.id }}', stage: '={{ $json.stage }}' },
			{ items: customers.map((customer) => ({ id: customer.id, stage: stage.id })) },
		);
		expect(staged.error).toBeUndefined();
		expect(calls('/user_stage/query_list_by_type')).toHaveLength(1);

		bed.fake.clearRequests();
		const province = bed.fake.provinces[0];
		const created = await bed.run(
			{ resource: 'customer', operation: 'create', nick: '={{ "客户" + $json.n }}', additionalFields: { province: '={{ $json.province }}' } },
			{ items: Array.from({ length: 20 }, (_, n) => ({ n, province: province.provinceid })) },
		);
		expect(created.error).toBeUndefined();
		expect(calls('/user_dynamic/provice')).toHaveLength(1);
		expect(calls('/user/save')).toHaveLength(20);
	});

	it('the next execution looks up again (nothing is kept between executions)', async () => {
		const [customer] = bed.fake.seedCustomers(1, { overrides: { crm_status: 2 } });
		const run = async () =>
			await bed.run(
				{ resource: 'customer', operation: 'assign', customerIds: customer.id, agents: '={{ $json.agent }}', assign_biz_type: '1' },
				{ items: [{ agent: bed.fake.agents[0].id }] },
			);
		await run();
		await run();
		expect(calls('/user/user_list')).toHaveLength(2);
	});
});
