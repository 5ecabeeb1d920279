export { CreateCustomerForm } from "./create-customer-form";
export { CustomerEditor } from "./edit-customer-form";
export { CustomerPicker } from "./customer-picker";
export { SalesmenEditor } from "./salesmen-editor";
