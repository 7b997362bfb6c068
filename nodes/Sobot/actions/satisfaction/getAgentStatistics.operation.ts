import { statisticsOperation } from '../statistics/common';

/**
 * human_satisfaction: effect_session_count, total_times, comment_rate, initiative(_rate),
 * invites(_rate), solved_count, solved, not_solved, solved_rate, avg_num, good/middle/bad (+ rates), score1..score4.
 */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Agent Statistics',
		description:
			"Get the satisfaction figures of agents' conversations for a range of days: ratings given, invited and proactive ratings, solved rate, good, neutral and bad counts and rates, average score. Give the first and last day.",
		action: 'Get agent satisfaction statistics',
	},
	endpoint: 'statsHumanSatisfaction',
});
