import { AUTHENTICATIONS, expectAuthorization, onlyRequest, outputOf, useBangwo8 } from './setup';

describe.each(AUTHENTICATIONS)('Bangwo8 agents with %s', (_label, authentication) => {
	const t = useBangwo8(authentication);

	it('getMany: supports.json, one item per agent, every page with Return All', async () => {
		const first = t.fake.addAgent({ name: '李客服', email: 'li@example.com', mobile: '13900000000', groupId: '12' });
		for (let index = 0; index < 149; index++) t.fake.addAgent({ name: `客服${index}` });
		const all = outputOf(await t.run('agent', 'getMany', { returnAll: true }));
		expect(all).toHaveLength(150);
		expect(all[0]).toEqual({
			sId: first.sId,
			name: '李客服',
			email: 'li@example.com',
			mobile: '13900000000',
			groupId: '12',
			isAdmin: '0',
			isStat: '1',
		});
		expect(t.fake.requestsTo('GET', '/api/v1/supports.json').map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
		const some = outputOf(await t.run('agent', 'getMany', { returnAll: false, limit: 3 }));
		expect(some.map((agent) => agent.sId)).toEqual(all.slice(0, 3).map((agent) => agent.sId));
		expectAuthorization(t);
	});

	it('get: supports/{id}.json (guessed path) unwrapped; an unknown agent is Bangwo8\'s error', async () => {
		const agent = t.fake.addAgent({ name: '王客服' });
		const output = outputOf(await t.run('agent', 'get', { agentId: agent.sId }));
		onlyRequest(t, 'GET', `/api/v1/supports/${agent.sId}.json`);
		expect(output).toEqual([{ ...agent }]);
		const missing = await t.run('agent', 'get', { agentId: '1' });
		expect(missing.error?.message).toBe('Bangwo8 100004: Record not found');
		const bad = await t.run('agent', 'get', { agentId: 'li' });
		expect(bad.error?.message).toBe('"Agent Name or ID" must be a numeric ID, got "li"');
	});
});
