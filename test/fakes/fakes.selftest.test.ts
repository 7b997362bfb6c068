/**
 * Self-test of the fake vendor servers (plain global fetch, no project code).
 */
import { createHash } from 'node:crypto';
import { FakeSobot } from './sobot';
import { FakeBangwo8 } from './bangwo8';

type Obj = Record<string, unknown>;

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: Obj }> {
	const res = await fetch(url, init);
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Obj) : {} };
}

describe('FakeSobot', () => {
	const fake = new FakeSobot({ appId: 'app1', appKey: 'key1' });
	let origin = '';
	beforeAll(async () => {
		origin = await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.clearRequests();
		fake.clearFaults();
	});

	async function token(): Promise<string> {
		const t = String(Math.floor(Date.now() / 1000));
		const sign = FakeSobot.sign('app1', t, 'key1');
		const { body } = await getJson(`${origin}/api/get_token?appid=app1&create_time=${t}&sign=${sign}`);
		expect(body['ret_code']).toBe('000000');
		return (body['item'] as Obj)['token'] as string;
	}

	test('md5 signature matches the seed worked example', () => {
		expect(FakeSobot.sign('1', '1569397773', '2')).toBe('258eec3118705112b2c53dc8043d4d34');
		expect(createHash('md5').update('115693977732').digest('hex')).toBe('258eec3118705112b2c53dc8043d4d34');
	});

	test('seed example signature accepted by a fake configured with appid 1 / key 2', async () => {
		const f = new FakeSobot({ appId: '1', appKey: '2' });
		const o = await f.start();
		try {
			const ok = await getJson(`${o}/api/get_token?appid=1&create_time=1569397773&sign=258eec3118705112b2c53dc8043d4d34`);
			expect(ok.body).toMatchObject({ ret_code: '000000', ret_msg: '操作成功', item: { expires_in: '86400' } });
			expect((ok.body['item'] as Obj)['token']).toMatch(/^[0-9a-f]{32}$/);
			const bad = await getJson(`${o}/api/get_token?appid=1&create_time=1569397773&sign=deadbeef`);
			expect(bad.body).toEqual({ ret_code: '900003', ret_msg: 'signature错误' });
			const unknown = await getJson(`${o}/api/get_token?appid=9&create_time=1569397773&sign=x`);
			expect(unknown.body['ret_code']).toBe('900004');
		} finally {
			await f.stop();
		}
	});

	test('each token call rotates the token and kills the previous one', async () => {
		const tokenRequestsBefore = fake.tokenRequests;
		const t1 = await token();
		const r1 = await getJson(`${origin}/api/scrm/5/user_stage/query_list_by_type`, { headers: { token: t1 } });
		expect(r1.body['ret_code']).toBe('000000');
		const t2 = await token();
		expect(t2).not.toBe(t1);
		expect(fake.currentToken).toBe(t2);
		const old = await getJson(`${origin}/api/scrm/5/user_stage/query_list_by_type`, { headers: { token: t1 } });
		expect(old.body).toEqual({ ret_code: '900002', ret_msg: 'token已失效,请重新获取' });
		const none = await getJson(`${origin}/api/scrm/5/user_stage/query_list_by_type`);
		expect(none.body['ret_code']).toBe('900001');
		fake.expireToken();
		const expired = await getJson(`${origin}/api/scrm/5/user_stage/query_list_by_type`, { headers: { token: t2 } });
		expect(expired.body['ret_code']).toBe('900002');
		fake.failNextToken('700046');
		const denied = await getJson(`${origin}/api/get_token?appid=app1&create_time=1&sign=${FakeSobot.sign('app1', '1', 'key1')}`);
		expect(denied.body['ret_code']).toBe('700046');
		expect(fake.tokenRequests - tokenRequestsBefore).toBe(3); // t1, t2 and the denied one; business calls do not count
	});

	test('customer list paging, filters and detail', async () => {
		fake.resetStores();
		const seeded = fake.seedCustomers(40, { startTime: 1700000000, stepSeconds: 10 });
		const t = await token();
		const p1 = await getJson(`${origin}/api/scrm/5/user/list_by_page?page_no=1`, { headers: { token: t } });
		expect(p1.body).toMatchObject({ ret_code: '000000', page_no: 1, page_size: 15, total_count: 40, page_count: 3 });
		const items = p1.body['items'] as Obj[];
		expect(items).toHaveLength(15);
		expect(items[0]['id']).toBe(seeded[39].id); // newest first
		const p3 = await getJson(`${origin}/api/scrm/5/user/list_by_page?page_no=3&page_size=15`, { headers: { token: t } });
		expect(p3.body['items']).toHaveLength(10);
		const big = await getJson(`${origin}/api/scrm/5/user/list_by_page?page_size=500`, { headers: { token: t } });
		expect(big.body['page_size']).toBe(100);
		const win = await getJson(`${origin}/api/scrm/5/user/list_by_page?create_start_time=1700000100&create_end_time=1700000190`, {
			headers: { token: t },
		});
		expect(win.body['total_count']).toBe(10);
		const byTel = await getJson(`${origin}/api/scrm/5/user/list_by_page?search_type=4&search_value=${seeded[5].tel}`, { headers: { token: t } });
		expect((byTel.body['items'] as Obj[]).map((i) => i['id'])).toEqual([seeded[5].id]);
		const withEx = seeded.find((c) => c.ex_field_str !== '');
		expect(withEx).toBeDefined();
		const d = await getJson(`${origin}/api/scrm/5/user/detail/${withEx!.id}`, { headers: { token: t } });
		expect(d.body['ret_code']).toBe('000000');
		expect(typeof (d.body['item'] as Obj)['ex_field_str']).toBe('string');
	});

	test('labels: save, list, errors; unknown path', async () => {
		const t = await token();
		const h = { token: t, 'content-type': 'application/json' };
		const g = await getJson(`${origin}/api/scrm/5/label_group/save`, { method: 'POST', headers: h, body: JSON.stringify({ name: '行业', color_value: '#345454', is_multiple_choice: 1 }) });
		expect(g.body['ret_code']).toBe('000000');
		const gid = g.body['item'] as string;
		const dup = await getJson(`${origin}/api/scrm/5/label_group/save`, { method: 'POST', headers: h, body: JSON.stringify({ name: '行业' }) });
		expect(dup.body['ret_code']).toBe('510002');
		const long = await getJson(`${origin}/api/scrm/5/label/save`, { method: 'POST', headers: h, body: JSON.stringify({ groupid: gid, name: '长'.repeat(31) }) });
		expect(long.body['ret_code']).toBe('510007');
		const noGroup = await getJson(`${origin}/api/scrm/5/label/save`, { method: 'POST', headers: h, body: JSON.stringify({ groupid: 'nope', name: 'x' }) });
		expect(noGroup.body['ret_code']).toBe('510001');
		await getJson(`${origin}/api/scrm/5/label/save`, { method: 'POST', headers: h, body: JSON.stringify({ groupId: gid, name: '金融' }) });
		const list = await getJson(`${origin}/api/scrm/5/label/list?groupid=${gid}`, { headers: { token: t } });
		expect(list.body).toMatchObject({ total_count: 1, page_size: 100 });
		const rm = await getJson(`${origin}/api/scrm/5/label_group/remove/${gid}?id=${gid}`, { headers: { token: t } });
		expect(rm.body['ret_code']).toBe('000000');
		expect(fake.labelGroups.has(gid)).toBe(false);
		const unknown = await getJson(`${origin}/api/scrm/5/nothing/here`, { headers: { token: t } });
		expect(unknown.body['ret_code']).toBe('999999');
	});

	test('failNextWithRetCode and failNext (token calls pass by)', async () => {
		const t = await token();
		fake.failNextWithRetCode(1, '900002');
		fake.failNext(1, { status: 503 });
		const t2 = await token(); // not consumed by faults
		expect(t2).not.toBe(t);
		const a = await getJson(`${origin}/api/scrm/5/user_dynamic/getsource`, { headers: { token: t2 } });
		expect(a.body['ret_code']).toBe('900002');
		const b = await getJson(`${origin}/api/scrm/5/user_dynamic/getsource`, { headers: { token: t2 } });
		expect(b.status).toBe(503);
		const c = await getJson(`${origin}/api/scrm/5/user_dynamic/getsource`, { headers: { token: t2 } });
		expect(c.body['ret_code']).toBe('000000');
		expect(fake.requestsTo('GET', '/api/scrm/5/user_dynamic/getsource')).toHaveLength(3);
	});
});

describe('FakeBangwo8', () => {
	const fake = new FakeBangwo8();
	let origin = '';
	const basic = FakeBangwo8.basic('acct', 'pw');
	beforeAll(async () => {
		origin = await fake.start();
		fake.seedUsers(250, { createdAt: '2024-03-01 10:00:00', stepSeconds: 3600 });
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.clearRequests();
		fake.clearFaults();
	});

	test('Basic vs Bearer auth, token expiry', async () => {
		expect((await getJson(`${origin}/api/v1/users.json`)).status).toBe(401);
		const wrong = await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: FakeBangwo8.basic('acct', 'nope') } });
		expect(wrong.status).toBe(401);
		expect(wrong.body['errcode']).toBeDefined();
		expect((await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: basic } })).status).toBe(200);

		const badClient = await getJson(`${origin}/api/token.php`, {
			method: 'POST',
			headers: { authorization: FakeBangwo8.basic('cid', 'wrong'), 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
		});
		expect(badClient.status).toBe(400);
		expect(badClient.body).toEqual({ error: 'invalid_client', error_description: 'The client credentials are invalid' });

		const tok = await getJson(`${origin}/api/token.php`, {
			method: 'POST',
			headers: { authorization: FakeBangwo8.basic('cid', 'csecret'), 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
		});
		expect(tok.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: null });
		const bearer = `Bearer ${tok.body['access_token'] as string}`;
		expect((await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: bearer } })).status).toBe(200);
		fake.expireTokens();
		const expired = await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: bearer } });
		expect(expired.status).toBe(401);
		expect(expired.body['errmsg']).toBe('Invalid token');
		expect(fake.tokenRequests).toBe(2);
	});

	test('paging: count, next_page on this origin, last page empty next_page', async () => {
		const p1 = await getJson(`${origin}/api/v1/users.json?per_page=100&created_order=asc`, { headers: { authorization: basic } });
		expect(p1.body['count']).toBe('250');
		expect(p1.body['users']).toHaveLength(100);
		const next = p1.body['next_page'] as string;
		expect(next).toBe(`${origin}/api/v1/users.json?per_page=100&created_order=asc&page=2`);
		const p3 = await getJson(`${origin}/api/v1/users.json?per_page=100&created_order=asc&page=3`, { headers: { authorization: basic } });
		expect(p3.body['users']).toHaveLength(50);
		expect(p3.body['next_page']).toBe('');
		const dflt = await getJson(`${origin}/api/v1/users.json?per_page=1000`, { headers: { authorization: basic } });
		expect(dflt.body['users']).toHaveLength(100);
		// 2024-03-01 10:00 + 1h steps: 14 on Mar 1 (10:00..23:00), 24 on Mar 2
		const day = await getJson(`${origin}/api/v1/users.json?created_start=2024-03-02&created_end=2024-03-02`, { headers: { authorization: basic } });
		expect(day.body['count']).toBe('24');
		const u = (p1.body['users'] as Obj[])[0];
		expect(typeof u['cId']).toBe('string');
		const one = await getJson(`${origin}/api/v1/users/${u['cId'] as string}.json`, { headers: { authorization: basic } });
		expect((one.body['user'] as Obj)['userId']).toBe(u['cId']);
		const missing = await getJson(`${origin}/api/v1/users/1.json`, { headers: { authorization: basic } });
		expect(missing.status).toBe(404);
		const bad = await getJson(`${origin}/api/v1/nothing.json`, { headers: { authorization: basic } });
		expect(bad.status).toBe(404);
		expect(bad.body).toEqual({ errcode: '100047', errmsg: 'Invalid resource URI' });
	});

	test('failNext 429 with Retry-After, then normal', async () => {
		fake.failNext(2, { status: 429, retryAfterSeconds: 3 });
		const a = await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: basic } });
		expect(a.status).toBe(429);
		expect(a.headers.get('retry-after')).toBe('3');
		expect((await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: basic } })).status).toBe(429);
		expect((await getJson(`${origin}/api/v1/users.json`, { headers: { authorization: basic } })).status).toBe(200);
		fake.delayNext(1, 50);
		const t0 = Date.now();
		expect((await getJson(`${origin}/api/v1/users.json?per_page=1`, { headers: { authorization: basic } })).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
	});

	test('create with Location, Requestid dedupe, quirky shapes', async () => {
		const h = { authorization: basic, 'content-type': 'application/json', Requestid: 'req-1' };
		const body = JSON.stringify({ ticket: { subject: '产品咨询', ticketReply: { replyMsg: '你好' } } });
		const before = fake.tickets.size;
		const a = await getJson(`${origin}/api/v1/tickets.json`, { method: 'POST', headers: h, body });
		expect(a.body).toMatchObject({ status: '0', message: 'Insert ok' });
		const id = (a.body['data'] as Obj)['id'] as string;
		expect(a.headers.get('location')).toBe(`${origin}/api/v1/tickets/${id}.json`);
		const b = await getJson(`${origin}/api/v1/tickets.json`, { method: 'POST', headers: h, body });
		expect(b.body).toEqual(a.body);
		expect(fake.tickets.size).toBe(before + 1);
		const t = await getJson(`${origin}/api/v1/tickets/${id}.json`, { headers: { authorization: basic } });
		expect(Array.isArray(t.body['ticket'])).toBe(true);
		const g = await getJson(`${origin}/api/v1/customergroups.json`, {
			method: 'POST',
			headers: { authorization: basic, 'content-type': 'application/json' },
			body: JSON.stringify({ customergroup: { groupName: 'VIP客户', type: '2' } }),
		});
		expect((g.body['customergroups'] as Obj)['groupName']).toBe('VIP客户');
		expect(fake.requestsTo('POST', /tickets\.json$/)[0].body).toMatchObject({ ticket: { subject: '产品咨询' } });

		// Lost answer: the server creates, then answers 500; the retry with the same Requestid creates nothing new.
		fake.failNext(1, { status: 500, afterHandling: true });
		const h2 = { ...h, Requestid: 'req-2' };
		const lost = await getJson(`${origin}/api/v1/tickets.json`, { method: 'POST', headers: h2, body });
		expect(lost.status).toBe(500);
		const retry = await getJson(`${origin}/api/v1/tickets.json`, { method: 'POST', headers: h2, body });
		expect(retry.status).toBe(200);
		expect(fake.tickets.size).toBe(before + 2);
		expect(fake.duplicateCreates).toBe(2);
		expect(fake.requestIds.filter((r) => r === 'req-2')).toHaveLength(2);
	});
});
