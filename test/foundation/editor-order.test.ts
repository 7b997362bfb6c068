import type { INodeProperties } from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { Sobot } from '../../nodes/Sobot/Sobot.node';

/** The options of the collection shown for resource.operation (n8n lists them in this order). */
function collectionOptions(properties: INodeProperties[], resource: string, operation: string, name: string): string[] {
	const found = properties.find(
		(property) =>
			property.name === name &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes(operation),
	);
	if (!found || !Array.isArray(found.options)) throw new Error(`no ${name} on ${resource}.${operation}`);
	return (found.options as INodeProperties[]).map((option) => option.displayName);
}

/** Alphabetical except the region chain, which keeps Province, City, District together in that order. */
function expectEditorOrder(names: string[], chain: string[]) {
	const at = names.indexOf(chain[0]);
	expect(names.slice(at, at + chain.length)).toEqual(chain);
	const rest = names.filter((name) => !chain.slice(1).includes(name));
	expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
}

describe('editor order of optional fields', () => {
	const sobot = new Sobot().description.properties;
	const bangwo8 = new Bangwo8().description.properties;

	it('Sobot customer create: City and District right after Province (their lists depend on it)', () => {
		expectEditorOrder(collectionOptions(sobot, 'customer', 'create', 'additionalFields'), [
			'Province Name or ID',
			'City Name or ID',
			'District Name or ID',
		]);
	});

	it('Bangwo8 company create and update: City right after Province, Company Name in place on update', () => {
		expectEditorOrder(collectionOptions(bangwo8, 'company', 'create', 'additionalFields'), ['Province', 'City']);
		const update = collectionOptions(bangwo8, 'company', 'update', 'updateFields');
		expectEditorOrder(update, ['Province', 'City']);
		expect(update).toContain('Company Name');
	});

	it('every other collection stays alphabetical', () => {
		for (const property of [...sobot, ...bangwo8]) {
			if (property.type !== 'collection' || !Array.isArray(property.options)) continue;
			const names = (property.options as INodeProperties[]).map((option) => option.displayName);
			const rest = names.filter((name) => !/^(City|District)\b/.test(name));
			expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
		}
	});
});
