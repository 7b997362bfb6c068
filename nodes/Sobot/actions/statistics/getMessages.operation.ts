import { statisticsOperation } from './common';

/** message_stats: robot/customer/agent message counts, answer ratio, agent words, offline messages. */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Messages',
		description:
			'Get the message counters for a range of days: messages of customers, the bot and agents, the answer ratio, offline messages. Give the first and last day.',
		action: 'Get message statistics',
	},
	endpoint: 'statsMessages',
});
