import { statisticsOperation } from './common';

/** robot_session: consult_session, valid_session, self_reception_rate, to_human_session, … */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Bot Sessions',
		description:
			"Get the figures of the bot's sessions for a range of days: consulting and valid sessions, sessions the bot handled alone, transfers to an agent, average duration. Give the first and last day.",
		action: 'Get bot session statistics',
	},
	endpoint: 'statsRobotSessions',
});
