/** Benchmarks of nodes beyond the action nodes (filled in as they land). */
export type Report = (figure: string, value: string | number, target?: string) => void;

export const extraBenchmarks: Array<(report: Report) => Promise<void>> = [];
