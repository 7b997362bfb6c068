// Lets plain `node` run the TypeScript benchmarks: transpiles .ts files on require with the
// project's TypeScript (no type checking; `npm run typecheck` does that).
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

// Node tries extensions in the order they were registered; put .ts before .json and .node so
// `./Sobot.node` finds Sobot.node.ts rather than the Sobot.node.json codex file beside it.
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}
