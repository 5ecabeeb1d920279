export { CreateCustomerForm } from "./create-customer-form";
export { CustomerPicker } from "./customer-picker";
export { SalesmenEditor } from "./salesmen-editor";
