export { ContactsChart } from "./contacts-chart";
export { ReportsView } from "./reports-view";
export { AdoptionChart } from "./adoption-chart";
