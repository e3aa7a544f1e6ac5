// `pnpm --filter @roster/bench bench:plan`: only the planning section of `pnpm bench`.
import { measurePlanning, planningTable, PLAN_CONFIG } from './plan.js';

const figures = await measurePlanning((line) => console.log(line));
console.log(planningTable(figures));
console.log(`targets: time ≤ 1.2× the listing (measured ${figures.timeRatio.toFixed(2)}×), peak RSS ≤ 2× (measured ${figures.rssRatio.toFixed(2)}×); ${PLAN_CONFIG.rounds} rounds`);
