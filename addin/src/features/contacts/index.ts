export { CreateContactForm } from "./create-contact-form";
export { MoveContactForm } from "./move-contact-form";
