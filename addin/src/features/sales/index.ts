export { SalesSection } from "./sales-section";
