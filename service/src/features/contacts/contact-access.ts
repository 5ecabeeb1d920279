import type { ContactAccess } from "../../shared/ports/contact-access.port";
import { badRequest, notFound } from "../../shared/app-error";
import type { ContactsRepository } from "./contacts.repository";

/** The contacts' side of the ContactAccess port, over their repository. */
export function createContactAccess(contacts: Pick<ContactsRepository, "belongsTo">): ContactAccess {
  const customerOf = async (contactId: string, field?: string) => {
    const contact = await contacts.belongsTo(contactId);
    if (!contact) throw notFound("contact", contactId, field);
    return contact.customerId;
  };
  return {
    customerOf,
    async requireFor(contactId, customerId) {
      const own = await customerOf(contactId, "body.contactId");
      if (customerId && own && own !== customerId)
        throw badRequest("body.contactId", "this contact belongs to another customer");
      return own;
    },
  };
}
