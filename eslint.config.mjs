import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// n8n's own community-node rules (the ones `n8n-node lint` and the community package scanner
// apply). Tests, benchmarks and scripts are not shipped, so they are not linted as node code.
export default [globalIgnores(['test/**', 'bench/**', 'scripts/**', 'gulpfile.js', 'jest.config.js']), ...config];
