export { ContactsSection } from "./contacts-section";
export { CreateContactForm } from "./create-contact-form";
export { MoveContactForm } from "./move-contact-form";
