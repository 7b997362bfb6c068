/** Reference lists (custom fields, stages, sources, agents, regions) and the dropdowns built on them. */
/** A dropdown value as workflows saved before 1.0 hold it: a JSON object with id and names. */
const encodeChoice = (choice: object) => JSON.stringify(choice);
import { only, path, useSobot } from './helpers';

const bed = useSobot();

describe.each([
	['customField', 'getMany', '/custom_field/custom_fieid_info_list', () => bed.fake.customFields],
	['stage', 'getMany', '/user_stage/query_list_by_type', () => bed.fake.stages],
	['source', 'getMany', '/user_dynamic/getsource', () => bed.fake.sources],
	['region', 'getProvinces', '/user_dynamic/provice', () => bed.fake.provinces],
])('%s.%s', (resource, operation, suffix, expected) => {
	it('gets the list, one item per record, honouring the limit', async () => {
		const all = await bed.run({ resource, operation, returnAll: true });
		const request = only(bed);
		expect([request.method, request.path, request.query]).toEqual(['GET', path(suffix), {}]);
		expect(all.items.map((item) => item.json)).toEqual(JSON.parse(JSON.stringify(expected())));
		expect(all.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const limited = await bed.run({ resource, operation, returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
	});

	it('names the vendor error', async () => {
		bed.fake.failNextWithRetCode(1, '900004');
		const { error } = await bed.run({ resource, operation, returnAll: true });
		expect(error?.message).toBe('Sobot 900004: no API configuration found for this company: check the App ID and the data centre');
	});
});

describe('agent.getMany', () => {
	it('flattens the department tree into one item per agent with department names and path', async () => {
		const { items } = await bed.run({ resource: 'agent', operation: 'getMany', returnAll: true, flatten: true });
		expect(only(bed).path).toBe(path('/user/user_list'));
		// The fake lists sub-departments before the agents of a department, as the seed's sample does.
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: 'edf5f6bbf1ee488093edc3eea29cdc63',
				department_name: '运营部',
				department_path:
					'60b7e31daf15417aa0f521aa7d822ddd|bab2c1b0a95248e4bf30ef1c2bf36946|fa9e42241b154353ab629ed4b897ee63',
				department_names: ['总公司', '客服中心', '运营部'],
			}),
			{
				id: '52e5ed05ee984a4f8bb0b3f921ba2b05',
				name: '安康',
				image: null,
				type: 2,
				manager_flag: 1,
				department_id: 'bab2c1b0a95248e4bf30ef1c2bf36946',
				department_name: '客服中心',
				department_path: '60b7e31daf15417aa0f521aa7d822ddd|bab2c1b0a95248e4bf30ef1c2bf36946',
				department_names: ['总公司', '客服中心'],
			},
			expect.objectContaining({ id: 'f1b8dfc486bd42508edbc80e5c9fd8e9', department_names: ['总公司', '客服中心'] }),
		]);
	});

	it('returns the tree as Sobot gives it without Flatten, and names the vendor error', async () => {
		const { items } = await bed.run({ resource: 'agent', operation: 'getMany', returnAll: true, flatten: false });
		expect(items.map((item) => item.json)).toEqual(JSON.parse(JSON.stringify(bed.fake.agentTree())));
		bed.fake.failNextWithRetCode(1, '999999');
		const { error } = await bed.run({ resource: 'agent', operation: 'getMany', returnAll: true });
		expect(error?.message).toBe('Sobot 999999: unknown system error on the Sobot side');
	});
});

describe('region', () => {
	it('getCities gets city/{provinceid} and passes the answer through', async () => {
		const { items } = await bed.run({ resource: 'region', operation: 'getCities', province: encodeChoice({ id: '130000', name: '河北省' }), returnAll: true });
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['GET', path('/user_dynamic/city/130000')]);
		// The seed's sample (reproduced by the fake) answers districts here.
		expect(items.map((item) => item.json)).toEqual([
			{ areaid: '130102', area_name: '长安区', cityid: '130100' },
			{ areaid: '130302', area_name: '海港区', cityid: '130300' },
			{ areaid: '130303', area_name: '山海关区', cityid: '130300' },
		]);
	});

	it('getDistricts gets area/{cityid} for a plain id and passes the answer through', async () => {
		const { items } = await bed.run({ resource: 'region', operation: 'getDistricts', city: '130300', returnAll: true });
		expect(only(bed).path).toBe(path('/user_dynamic/area/130300'));
		expect(items).toHaveLength(4);
	});

	it('refuses an empty or malformed region id before any request', async () => {
		const empty = await bed.run({ resource: 'region', operation: 'getCities', province: '={{ "" }}' });
		expect(empty.error?.message).toBe('"Province" is empty');
		const bad = await bed.run({ resource: 'region', operation: 'getDistricts', city: '13 03' });
		expect(bad.error?.message).toBe('"City" is not a valid ID: "13 03"');
		expect(bed.calls()).toHaveLength(0);
	});

	it('names the vendor error', async () => {
		bed.fake.failNextWithRetCode(1, '999999');
		const { error } = await bed.run({ resource: 'region', operation: 'getCities', province: '130000' });
		expect(error?.message).toBe('Sobot 999999: unknown system error on the Sobot side');
	});
});

describe('dropdowns', () => {
	it('stages: named, the value is the plain id', async () => {
		const options = await bed.loadOptions('getStages');
		expect(options[2]).toEqual({ name: '意向确定', value: 'cb31d0aff036411fb9bf598baf4dc2ea' });
		expect(options).toHaveLength(bed.fake.stages.length);
	});

	it('agents: named with their departments, the value is the plain id', async () => {
		const options = await bed.loadOptions('getAgents');
		expect(options).toContainEqual({ name: '测试2 (总公司 / 客服中心 / 运营部)', value: 'edf5f6bbf1ee488093edc3eea29cdc63' });
		expect(options).toHaveLength(3);
	});

	it('a value saved by 0.1.0 ({"id","name"} JSON) is offered under its own name, so the editor does not mark it unsupported', async () => {
		const saved = '{"id":"edf5f6bbf1ee488093edc3eea29cdc63","name":"测试2"}';
		const unknown = '{"id":"no-such-agent","name":"gone"}';
		const options = await bed.loadOptions('getAgents', { resource: 'customer', operation: 'assign', agents: [saved, unknown] });
		expect(options).toHaveLength(4);
		expect(options[3]).toEqual({
			name: '测试2 (总公司 / 客服中心 / 运营部) (as saved by version 0.1.0)',
			value: saved,
			description: 'Runs as the same choice; pick it again to store the plain ID',
		});
		const provinces = await bed.loadOptions('getProvinces', { additionalFields: { province: '{"id":"130000","name":"河北省"}' } });
		expect(provinces.filter((option) => option.name.startsWith('河北省'))).toHaveLength(2);
	});

	it('provinces → cities → districts, whichever way Sobot answers city/area', async () => {
		const provinces = await bed.loadOptions('getProvinces');
		expect(provinces[2]).toEqual({ name: '河北省', value: '130000' });
		for (const mode of ['as-documented', 'as-named'] as const) {
			bed.fake.regionMode = mode;
			const cities = await bed.loadOptions('getCities', { additionalFields: { province: provinces[2].value as string } });
			expect(cities.map((city) => city.name)).toEqual(['石家庄市', '唐山市', '秦皇岛市', '邯郸市']);
			const districts = await bed.loadOptions('getDistricts', {
				province: '130000',
				city: encodeChoice({ id: '130300', name: '秦皇岛市' }),
			});
			expect(districts).toEqual([
				{ name: '海港区', value: '130302' },
				{ name: '山海关区', value: '130303' },
			]);
		}
		bed.fake.regionMode = 'as-documented';
		expect(await bed.loadOptions('getCities', {})).toEqual([]);
	});

	it('custom fields by id, and dropdown fields by parameter name', async () => {
		const fields = await bed.loadOptions('getCustomFields');
		expect(fields).toHaveLength(bed.fake.customFields.length);
		expect(fields).toContainEqual({ name: '下拉列表', value: 'e4043f59025b454a95004e71ec7dd4b5', description: 'customField6' });
		expect(await bed.loadOptions('getCustomFieldParams')).toEqual([
			{ name: '下拉列表 (xialaliebiao)', value: 'xialaliebiao' },
			{ name: '身份证号 (idcard)', value: 'idcard' },
		]);
	});
});
