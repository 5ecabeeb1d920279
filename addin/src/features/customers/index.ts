export { CreateCustomerForm } from "./create-customer-form";
export { CustomerEditor } from "./customer-editor";
export { CustomerPicker } from "./customer-picker";
export { SalesmenEditor } from "./salesmen-editor";
