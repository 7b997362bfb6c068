import { statisticsOperation } from './common';

/** customer_session: total_consult_session, total_valid_session, total_valid_session_rate, avg_session_duration, … */
export const { option, properties, execute, simplify } = statisticsOperation({
	option: {
		name: 'Get Customer Sessions',
		description:
			'Get the session figures of all customers for a range of days: consulting and valid sessions, the valid rate, average durations, invalid sessions. Give the first and last day.',
		action: 'Get customer session statistics',
	},
	endpoint: 'statsCustomerSessions',
});
