export { CustomerSearch } from "./customer-search";
