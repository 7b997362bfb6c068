/** Satisfaction resource (Sobot: comment, add_ticket_evaluation, human/robot_satisfaction) in n8n's engine against the fake Sobot. */
import type { IDataObject } from 'n8n-workflow';

import { SOBOT_COMPANY_ID } from '../fakes/sobot';
import { CHAT_PARTNER, SOBOT_CHAT_PREFIX, SOBOT_DATA_PREFIX } from '../fakes/sobotChat';
import { only, useSobot } from './helpers';

const bed = useSobot();
const satisfaction = (operation: string, parameters: IDataObject = {}) => ({ resource: 'satisfaction', operation, ...parameters });

describe('satisfaction.rateChat', () => {
	it("rates the partner's last conversation: every field sent, the rated conversation returned", async () => {
		const { items, error } = await bed.run(
			satisfaction('rateChat', {
				partnerId: CHAT_PARTNER,
				type: 1,
				score: 2,
				additionalFields: { solved: false, tag: '回复慢， 态度一般', remark: '等了很久', comment_type: 1 },
			}),
		);
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path]).toEqual(['POST', `${SOBOT_CHAT_PREFIX}/comment`]);
		expect(request.body).toEqual({ partnerid: CHAT_PARTNER, type: 1, score: 2, solved: 0, tag: '回复慢,态度一般', remark: '等了很久', comment_type: 1 });
		expect(items[0].json).toMatchObject({ status: 1, cid: 'c0000000000000000000000000000004', score: 2 });
		expect(bed.fake.chat.ratings).toHaveLength(1);
	});

	it('a second rating is an error naming Sobot status 2; a customer with no conversation status 3', async () => {
		await bed.run(satisfaction('rateChat', { partnerId: CHAT_PARTNER, score: 5 }));
		const again = await bed.run(satisfaction('rateChat', { partnerId: CHAT_PARTNER, score: 5 }));
		expect(again.error?.message).toBe('Sobot rating status 2: this conversation is already rated');
		const nobody = await bed.run(satisfaction('rateChat', { partnerId: 'nobody', score: 5 }));
		expect(nobody.error?.message).toBe('Sobot rating status 3: the customer has no conversation to rate');
	});

	it('a score outside 1–5 is refused before any request, naming the parameter', async () => {
		const { error } = await bed.run(satisfaction('rateChat', { partnerId: CHAT_PARTNER, score: 6 }));
		expect(error?.message).toBe('"Score" must be a whole number from 1 to 5; got 6');
		expect(bed.calls()).toHaveLength(0);
	});

	it('is never re-sent after a server error (the rating may have been saved)', async () => {
		bed.fake.failNext(1, { status: 502 });
		const { error } = await bed.run(satisfaction('rateChat', { partnerId: CHAT_PARTNER, score: 4 }));
		expect(error).toBeDefined();
		expect(bed.calls()).toHaveLength(1);
	});
});

describe('satisfaction.rateTicket', () => {
	it("reads the ticket's company ID, then rates the ticket (camelCase body)", async () => {
		const ticket = bed.fake.addTicket({ ticket_title: '退货' });
		const { items, error } = await bed.run(satisfaction('rateTicket', { ticketId: ticket.ticketid, score: 1, additionalFields: { remark: '处理太慢' } }));
		expect(error).toBeUndefined();
		const [get, rate] = bed.calls();
		expect(get.path).toBe('/api/ws/5/ticket/get_ticket_by_id');
		expect([rate.path, rate.body]).toEqual([
			'/api/ws/5/ticket/add_ticket_evaluation',
			{ ticketId: ticket.ticketid, companyId: SOBOT_COMPANY_ID, score: 1, remark: '处理太慢' },
		]);
		expect(items[0].json).toEqual({ ticketId: ticket.ticketid, companyId: SOBOT_COMPANY_ID, score: 1, remark: '处理太慢' });
		expect(bed.fake.chat.ticketEvaluations).toHaveLength(1);
	});

	it('with a Company ID given the ticket is not read; a Sobot refusal names its code', async () => {
		const ticket = bed.fake.addTicket();
		await bed.run(satisfaction('rateTicket', { ticketId: ticket.ticketid, score: 5, additionalFields: { companyId: SOBOT_COMPANY_ID } }));
		expect(only(bed).path).toBe('/api/ws/5/ticket/add_ticket_evaluation');
		const again = await bed.run(satisfaction('rateTicket', { ticketId: ticket.ticketid, score: 5, additionalFields: { companyId: SOBOT_COMPANY_ID } }));
		expect(again.error?.message).toMatch(/^Sobot 400011: 工单已评价/);
	});

	it('an unknown ticket is an error naming it', async () => {
		const { error } = await bed.run(satisfaction('rateTicket', { ticketId: 'f0000000000000000000000000000000', score: 5 }));
		expect(error?.message).toMatch(/^Sobot has no ticket "f0000000000000000000000000000000"|^Sobot 400005/);
	});
});

describe('satisfaction statistics', () => {
	it('Get Agent Statistics: the days go out as YYYY-MM-DD; figures become numbers with Simplify', async () => {
		await bed.run(satisfaction('rateChat', { partnerId: CHAT_PARTNER, score: 2, additionalFields: { solved: true } }));
		bed.fake.clearRequests();
		const { items, error } = await bed.run(satisfaction('getAgentStatistics', { startDate: '2024-07-15', endDate: '2024-07-17', simplify: true }));
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.path, request.body]).toEqual([`${SOBOT_DATA_PREFIX}/human_satisfaction`, { start_date: '2024-07-15', end_date: '2024-07-17' }]);
		expect(items[0].json).toMatchObject({ start_date: '2024-07-15', end_date: '2024-07-17', effect_session_count: 3, total_times: 1, bad: 1, score2: 1, solved: 1 });
		const raw = await bed.run(satisfaction('getAgentStatistics', { startDate: '2024-07-15', endDate: '2024-07-17', simplify: false }));
		expect(raw.items[0].json.effect_session_count).toBe('3');
	});

	it('Get Bot Statistics: a picked date counts as its day; the end before the start is refused before any request', async () => {
		const { items } = await bed.run(satisfaction('getBotStatistics', { startDate: '2024-07-15T00:00:00', endDate: '2024-07-15T00:00:00', simplify: true }));
		expect(only(bed).body).toEqual({ start_date: '2024-07-15', end_date: '2024-07-15' });
		expect(items[0].json).toMatchObject({ effect_session_count: 1 });
		bed.fake.clearRequests();
		const { error } = await bed.run(satisfaction('getBotStatistics', { startDate: '2024-07-16', endDate: '2024-07-15' }));
		expect(error?.message).toBe('"Start Date" (2024-07-16) is later than "End Date" (2024-07-15)');
		expect(bed.calls()).toHaveLength(0);
	});

	it('a Sobot error names its code', async () => {
		bed.fake.failNextWithRetCode(1, '700046');
		const { error } = await bed.run(satisfaction('getBotStatistics', { startDate: '2024-07-15', endDate: '2024-07-15' }));
		expect(error?.message).toBe('Sobot 700046: your Sobot plan does not include API access');
	});
});
