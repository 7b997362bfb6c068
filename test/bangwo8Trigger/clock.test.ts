/**
 * Bangwo8 Trigger: a record stamped in the future never freezes it (issue 22 item 1) — in n8n's
 * real PollContext against the fake Bangwo8 server. The position never passes the n8n host's
 * clock; a record stamped more than the allowance ahead is emitted once, with a warning on the
 * item and in n8n's log, and the changes after it are still emitted, once each.
 */
import { formatCst } from '../fakes/base';
import { DAY, MINUTE, TriggerEnv, ids, logWarnings, touch, type TestFake } from './helpers';

const FUTURE = '2099-01-01 00:00:00';
const warningFor = (stamp: string) =>
	`${stamp} is more than 5 minutes ahead of the n8n host's clock: emitted once, and the trigger's position does not follow it`;
/** The host's clock as Bangwo8 writes times. */
const hostNow = () => formatCst(Date.now());

describe('Bangwo8 Trigger: a record stamped in the future', () => {
	let env: TriggerEnv;
	let fake: TestFake;
	let warnings: string[];

	beforeEach(async () => {
		env = await new TriggerEnv().start();
		fake = env.fake;
		warnings = logWarnings();
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await env.stop();
	});

	it('a contact stamped 2099 is emitted once with a warning; the next two real changes are emitted once each', async () => {
		const t = env.trigger('contactUpdated');
		const [known] = fake.seedUsers(1, { createdAt: Date.now() - DAY });
		await t.poll();
		const wrong = fake.addUser({ name: 'wrong clock', updateDT: FUTURE });

		const items = await t.poll();
		expect(ids(items)).toEqual([wrong.cId]);
		expect(items[0].json).toMatchObject({ event: 'contactUpdated', warning: warningFor(`updateDT ${FUTURE}`), name: 'wrong clock' });
		expect(warnings).toEqual([`Bangwo8 Trigger: contact ${wrong.cId}: ${warningFor(`updateDT ${FUTURE}`)}`]);
		expect(String(t.position().position) <= hostNow()).toBe(true);
		expect(await t.poll()).toEqual([]);

		touch(known, Date.now());
		expect(ids(await t.poll())).toEqual([known.cId]);
		const added = fake.addUser({ name: 'after it' });
		expect(ids(await t.poll())).toEqual([added.cId]);
		expect(await t.poll()).toEqual([]);
		expect(await t.poll()).toEqual([]);
		expect(warnings).toHaveLength(1); // the 2099 contact, still listed by every poll, is not reported again

		// Changed again, with a real time: a new change, emitted again without a warning.
		touch(wrong, Date.now());
		const again = await t.poll();
		expect(ids(again)).toEqual([wrong.cId]);
		expect(again[0].json).not.toHaveProperty('warning');
		expect(await t.poll()).toEqual([]);
		expect(t.position().seen).not.toContain(`${wrong.cId}@${FUTURE}`);
	});

	it('first activation with a contact stamped 2099: the start is the newest real record, the 2099 one is not emitted, later changes are', async () => {
		const t = env.trigger('contactUpdated');
		const [older, newest] = fake.seedUsers(2, { createdAt: Date.now() - DAY });
		const wrong = fake.addUser({ name: 'wrong clock', updateDT: FUTURE });
		await t.poll();
		expect(t.position()).toEqual({
			event: 'contactUpdated',
			position: newest.updateDT,
			seen: [`${newest.cId}@${newest.updateDT}`, `${wrong.cId}@${FUTURE}`],
		});
		expect(warnings).toEqual([expect.stringContaining(`contact ${wrong.cId}: updateDT ${FUTURE} is more than 5 minutes ahead`)]);
		expect(await t.poll()).toEqual([]);

		touch(older, Date.now());
		expect(ids(await t.poll())).toEqual([older.cId]);
		const added = fake.addUser({ name: 'after activation' });
		expect(ids(await t.poll())).toEqual([added.cId]);
		expect(await t.poll()).toEqual([]);
	});

	it('a contact stamped 3 minutes ahead (within the allowance) is emitted without a warning and hides no change stamped before it', async () => {
		const t = env.trigger('contactUpdated');
		const [known] = fake.seedUsers(1, { createdAt: Date.now() - DAY });
		await t.poll();
		const ahead = fake.addUser({ name: 'clock 3 minutes ahead', updateDT: formatCst(Date.now() + 3 * MINUTE) });
		const items = await t.poll();
		expect(ids(items)).toEqual([ahead.cId]);
		expect(items[0].json).not.toHaveProperty('warning');
		expect(String(t.position().position) <= hostNow()).toBe(true);

		touch(known, Date.now());
		expect(ids(await t.poll())).toEqual([known.cId]);
		expect(await t.poll()).toEqual([]);
		expect(warnings).toEqual([]);
	});

	it('at most maxFuture records stamped in the future are remembered: one more waits, logged, until there is room', async () => {
		const t = env.trigger('contactUpdated', { limits: { maxFuture: 2 } });
		fake.seedUsers(1, { createdAt: Date.now() - DAY });
		await t.poll();
		const wrong = ['2099-01-01 00:00:00', '2099-01-02 00:00:00', '2099-01-03 00:00:00'].map((updateDT) => fake.addUser({ updateDT }));

		expect(ids(await t.poll())).toEqual([wrong[0].cId, wrong[1].cId]);
		const refused = 'Bangwo8 Trigger: 1 contact record(s) stamped in the future were not emitted: the trigger remembers at most 2 such records; each is emitted when there is room or when its time comes';
		expect(warnings.filter((warning) => warning === refused)).toHaveLength(1);
		expect(await t.poll()).toEqual([]);
		expect((t.position().seen as string[]).filter((key) => key.includes('@2099'))).toEqual([
			`${wrong[0].cId}@2099-01-01 00:00:00`,
			`${wrong[1].cId}@2099-01-02 00:00:00`,
		]);

		// wrong[0] gets a real time: its future key goes, and wrong[2] takes the room.
		touch(wrong[0], Date.now());
		expect(ids(await t.poll())).toEqual([wrong[0].cId, wrong[2].cId]);
		expect(await t.poll()).toEqual([]);
		expect(warnings.filter((warning) => warning === refused)).toHaveLength(2);
	});

	it('a position an earlier version left in 2099 is brought back to the host clock (logged), and changes are emitted again', async () => {
		const t = env.trigger('contactUpdated');
		const [known] = fake.seedUsers(1, { createdAt: Date.now() - DAY });
		const wrong = fake.addUser({ updateDT: FUTURE });
		// What an earlier version stored after meeting the 2099 contact.
		t.staticData['node:Trigger'] = { event: 'contactUpdated', position: FUTURE, seen: [`${wrong.cId}@${FUTURE}`] };

		expect(await t.poll()).toEqual([]);
		expect(warnings).toEqual([expect.stringContaining(`the stored position ${FUTURE} is ahead of the n8n host's clock`)]);
		expect(String(t.position().position) <= hostNow()).toBe(true);
		touch(known, Date.now());
		const added = fake.addUser({ name: 'after the repair' });
		expect(ids(await t.poll())).toEqual([known.cId, added.cId]);
		expect(await t.poll()).toEqual([]);
	});
});
