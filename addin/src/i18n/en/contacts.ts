/** Contacts: adding the sender as a contact and moving one to a customer (features/contacts). */
export const contacts = {
  create: {
    newCustomerFor: "New customer for this sender",
    newCustomerHeading: "New customer for {{email}}",
    form: "New contact",
    heading: "Add {{email}} as a contact",
    firstName: "First name",
    lastName: "Last name",
    role: "Role",
    phone: "Phone",
    placeUnder: "Place under",
    byDomain: "{{name}} ({{account}}), by the email domain",
    other: "Another customer…",
    unassigned: "Unassigned for now",
    saving: "Saving…",
    submit: "Create contact",
    newCustomerInstead: "Create a new customer instead",
    cancel: "Cancel",
  },
  move: {
    loading: "Loading the contact…",
    form: "Move {{name}} to a customer",
    now: "Now under {{name}} ({{account}}).",
    submit: "Move contact",
  },
};
