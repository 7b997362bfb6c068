import { statisticsOperation } from './common';

/** human_session: consult/valid/invalid/not-received sessions, transfers, reception time, solved, max concurrent, … */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Agent Sessions',
		description:
			"Get the figures of agents' sessions for a range of days: consulting, valid, invalid and unanswered sessions, transfers, average reception time, solved, maximum concurrent. Give the first and last day.",
		action: 'Get agent session statistics',
	},
	endpoint: 'statsHumanSessions',
});
