/** What the rest of the app may use from the budget monitoring feature. */
export { BudgetsPage } from './BudgetsPage';
