import { endpointReport, type EndpointReport } from '../../scripts/endpoints';

/**
 * `npm run endpoints` lists each endpoint with the operations that use it, read from the source.
 * Here: nothing in the tables is dead, every operation names an endpoint literally, and a few
 * known pairs come out right (so a walker that found nothing, or everything, fails).
 */
describe('endpoint map (scripts/endpoints.ts)', () => {
	let reports: EndpointReport[];
	beforeAll(() => {
		reports = endpointReport();
	}, 60_000);

	const usersOf = (vendor: string, endpoint: string) =>
		reports.find((report) => report.vendor === vendor)?.endpoints.find((row) => row.name === endpoint)?.users;

	it('finds a user for every endpoint of both tables and an endpoint in every operation', () => {
		expect(reports.map((report) => report.vendor)).toEqual(['Sobot', 'Bangwo8']);
		for (const report of reports) {
			expect(report.endpoints.length).toBeGreaterThan(30);
			expect(report.endpoints.filter((row) => row.users.length === 0).map((row) => row.name)).toEqual([]);
			expect(report.operationsWithoutEndpoint).toEqual([]);
		}
	});

	it('names the operations, methods, triggers and transport that use an endpoint, and no others', () => {
		expect(usersOf('Bangwo8', 'contactCreate')).toEqual(['contact.create']);
		expect(usersOf('Bangwo8', 'contactDeleteMany')).toEqual(['contact.deleteMany']);
		expect(usersOf('Bangwo8', 'companyList')).toEqual(['company.getMany', 'method searchCompanies', 'trigger Bangwo8Trigger']);
		expect(usersOf('Sobot', 'ticketCreateAsAgent')).toEqual(['ticket.createAsAgent']);
		expect(usersOf('Sobot', 'labelDelete')).toEqual(['label.delete']);
		// The token renewal's claim travels with a stage-list request (nodes/Sobot/transport/index.ts).
		expect(usersOf('Sobot', 'stageList')).toEqual(
			expect.arrayContaining(['stage.getMany', 'customer.setStage', 'method getStages', 'transport']),
		);
		const row = reports[0].endpoints.find((entry) => entry.name === 'customerCreate');
		expect(row).toMatchObject({ method: 'POST', path: '/api/scrm/5/user/save', retry: 'never' });
	});
});
