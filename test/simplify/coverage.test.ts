/**
 * The simplifier tables name operations by the values stored in workflow JSON: every entry must be
 * an operation of the node's router, and every read operation of the router must be either
 * simplified or knowingly left out (nothing dated, coded or custom to convert).
 */
import { resources as bangwo8Resources } from '../../nodes/Bangwo8/actions/router';
import { bangwo8Simplifiers } from '../../nodes/Bangwo8/simplify';
import { resources as sobotResources } from '../../nodes/Sobot/actions/router';
import { sobotSimplifiers } from '../../nodes/Sobot/simplify';
import type { ResourceMap } from '../../nodes/shared/router';
import type { SimplifierTable } from '../../nodes/shared/simplify';

/** Read operations with nothing to simplify; the reason is in each simplify.ts. */
const LEFT_OUT: Record<string, string[]> = {
	sobot: ['customerLabel.get', 'region.getCities', 'region.getDistricts', 'region.getProvinces', 'source.getMany', 'stage.getMany'],
	bangwo8: ['agent.get', 'agent.getMany'],
};

const isRead = (operation: string) => /^(get|search)/.test(operation);

function names(map: ResourceMap | SimplifierTable, keep: (operation: string) => boolean = () => true): string[] {
	return Object.entries(map)
		.flatMap(([resource, operations]) => Object.keys(operations).filter(keep).map((operation) => `${resource}.${operation}`))
		.sort();
}

describe.each([
	['sobot', sobotResources, sobotSimplifiers],
	['bangwo8', bangwo8Resources, bangwo8Simplifiers],
] as const)('%s simplifiers', (node, resources, simplifiers) => {
	it('name only operations the router has, and only read operations', () => {
		const routed = names(resources);
		for (const name of names(simplifiers)) {
			expect(routed).toContain(name);
			expect(isRead(name.split('.')[1])).toBe(true);
		}
	});

	it('cover every read operation but those left out', () => {
		expect([...names(simplifiers), ...LEFT_OUT[node]].sort()).toEqual(names(resources, isRead));
	});
});
