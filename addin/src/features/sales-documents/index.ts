export { SalesDocumentsTab } from "./sales-documents-tab";
