import { statisticsOperation } from '../statistics/common';

/** robot_satisfaction: effect_session_count, total_times, comment_rate, solved, not_solved, resolution_rate. */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Bot Statistics',
		description:
			"Get the satisfaction figures of the bot's conversations for a range of days: ratings given, rating rate, solved and not solved, resolution rate. Give the first and last day.",
		action: 'Get bot satisfaction statistics',
	},
	endpoint: 'statsRobotSatisfaction',
});
