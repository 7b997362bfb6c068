import { contractDiff, contractLines, readContract } from '../../scripts/contract';

/**
 * The editor contract (scripts/contract.ts): every parameter name, type, default and option value
 * of the five nodes and five credentials, as saved workflows and credentials hold them. A change
 * fails here until it is deliberate: `npm run contract -- --update`, and a CHANGELOG line saying
 * why saved workflows keep working (after 1.0: a new node version instead).
 */
describe('editor contract (test/contract/parameters.txt)', () => {
	it('is what the nodes and credentials describe', () => {
		const { removed, added } = contractDiff(readContract(), contractLines());
		expect({ removed, added }).toEqual({ removed: [], added: [] });
	});

	it('tells a renamed parameter, a changed default and a dropped option value apart from additions', () => {
		const before = [
			'node sobot customer.get customerId string default=""',
			'node sobot *.* requestTimeout number default=30',
			'node bangwo8 ticket.create additionalFields.ticketStatus options default=1 values=1|2',
		];
		const after = [
			'node sobot customer.get customer string default=""',
			'node sobot *.* requestTimeout number default=60',
			'node bangwo8 ticket.create additionalFields.ticketStatus options default=1 values=1',
			'node sobot customer.get simplify boolean default=true',
		];
		expect(contractDiff(before, after).removed).toEqual(before);
		expect(contractDiff(before, after).added).toEqual(after);
	});

	it('lists parameters inside collections, fixed collections and locators', () => {
		const lines = contractLines();
		expect(lines).toContain('node sobot customer.create additionalFields.province options default=""');
		expect(lines).toContain('node bangwo8 contact.create additionalFields.customFieldsUi.customFieldValues.key options default=""');
		expect(lines).toContain('node sobot customer.get customerId resourceLocator default={"mode":"list","value":""} modes=list|id');
		expect(lines.filter((line) => line.startsWith('credential sobotApi '))).not.toHaveLength(0);
	});
});
