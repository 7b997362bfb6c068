import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Every documentation link the editor shows (the credential's "Open docs", the node's docs link
 * from its codex file) must land on a README section that exists and is about that node or
 * credential. npm renders the README on the package page with GitHub's heading anchors.
 */
const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
const PAGE = `https://www.npmjs.com/package/${PACKAGE.name}`;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function readmeSections(): Map<string, string> {
	const sections = new Map<string, string>();
	let inFence = false;
	for (const line of readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
		if (heading) sections.set(slug(heading[1]), heading[1]);
	}
	return sections;
}

function anchorOf(url: string): string {
	expect(url.startsWith(`${PAGE}#`)).toBe(true);
	return url.slice(PAGE.length + 1);
}

describe('documentation links', () => {
	const sections = readmeSections();

	it('slugs headings as GitHub does', () => {
		expect(slug("n8n's tool chain (`@n8n/node-cli`)")).toBe('n8ns-tool-chain-n8nnode-cli');
		expect(sections.get('sobot-credentials')).toBe('Sobot credentials');
	});

	const nodeFolders = readdirSync(path.join(ROOT, 'nodes')).filter((folder) => folder !== 'shared');
	it.each(nodeFolders)('%s: codex links go to its own section and its credentials section', (folder) => {
		const codex = JSON.parse(readFileSync(path.join(ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8')) as {
			resources: { primaryDocumentation: Array<{ url: string }>; credentialDocumentation: Array<{ url: string }> };
		};
		const { description } = new (require(path.join(ROOT, 'nodes', folder, `${folder}.node.ts`)) as Record<string, new () => { description: { displayName: string } }>)[folder]();
		const [primary] = codex.resources.primaryDocumentation;
		expect(sections.get(anchorOf(primary.url))).toBe(description.displayName);
		const [credential] = codex.resources.credentialDocumentation;
		const heading = sections.get(anchorOf(credential.url));
		const vendor = folder.startsWith('Sobot') ? 'Sobot' : 'Bangwo8';
		// The Sobot Trigger's credentials are its push checks, documented under its own section.
		expect([`${vendor} credentials`, 'Protecting the Sobot Trigger']).toContain(heading);
	});

	const credentialFiles = readdirSync(path.join(ROOT, 'credentials')).filter((file) => file.endsWith('.credentials.ts'));
	it.each(credentialFiles)('%s: "Open docs" goes to the section about it', (file) => {
		const source = readFileSync(path.join(ROOT, 'credentials', file), 'utf8');
		const url = /documentationUrl = '([^']+)'/.exec(source)?.[1] ?? '';
		const heading = sections.get(anchorOf(url));
		const expected = file.startsWith('SobotTrigger')
			? 'Protecting the Sobot Trigger'
			: file.startsWith('Sobot')
				? 'Sobot credentials'
				: 'Bangwo8 credentials';
		expect(heading).toBe(expected);
	});
});
