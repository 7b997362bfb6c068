import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../../shared/router';

/** The `operation` selector of a resource followed by its operations' parameters. */
export function resourceDescription(
	resource: string,
	options: INodePropertyOptions[],
	operations: OperationModule[],
	defaultOperation = String(options[0].value),
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...operations.flatMap((operation) => operation.description),
	];
}
