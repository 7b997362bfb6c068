/**
 * Which read operations offer Simplify: every read operation of a node's router has a `simplify`
 * on its module, or is knowingly left out (nothing dated, coded or custom to convert); no write
 * has one.
 */
import { resources as bangwo8Resources } from '../../nodes/Bangwo8/actions/router';
import { resources as sobotResources } from '../../nodes/Sobot/actions/router';
import type { ResourceMap } from '../../nodes/shared/router';

/** Read operations with nothing to simplify. */
const LEFT_OUT: Record<string, string[]> = {
	// ids, names and colours; id, name and order; the source dictionary itself; ids and names
	sobot: ['customerLabel.get', 'region.getCities', 'region.getDistricts', 'region.getProvinces', 'source.getMany', 'stage.getMany'],
	// sId, name, email, mobile, groupId and the isAdmin / isStat flags, whose values are not documented
	bangwo8: ['agent.get', 'agent.getMany'],
};

const isRead = (operation: string) => /^(get|search)/.test(operation);

function names(map: ResourceMap, keep: (operation: string, simplified: boolean) => boolean): string[] {
	return Object.entries(map)
		.flatMap(([resource, operations]) =>
			Object.entries(operations)
				.filter(([operation, module]) => keep(operation, module.simplify !== undefined))
				.map(([operation]) => `${resource}.${operation}`),
		)
		.sort();
}

describe.each([
	['sobot', sobotResources],
	['bangwo8', bangwo8Resources],
] as const)('%s Simplify', (node, resources) => {
	it('is offered by read operations only', () => {
		expect(names(resources, (operation, simplified) => simplified && !isRead(operation))).toEqual([]);
	});

	it('is offered by every read operation but those left out', () => {
		expect(names(resources, (_operation, simplified) => simplified)).toEqual(
			names(resources, (operation) => isRead(operation)).filter((name) => !LEFT_OUT[node].includes(name)),
		);
	});
});
