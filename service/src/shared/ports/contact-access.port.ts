/**
 * What other features ask of contacts, instead of reaching into their repository: does this one
 * exist, and whose is it. features/contacts implements it (contact-access.ts); app.ts hands it on.
 */
export interface ContactAccess {
  /** The contact's customer, null when it is unassigned; 404 unless the contact exists, naming `field`. */
  customerOf(contactId: string, field?: string): Promise<string | null>;
  /**
   * The contact as body.contactId of something on `customerId`: 404 unless it exists, 400 when it belongs
   * to another customer (an unassigned one goes with any, and with none). Answers the contact's customer.
   */
  requireFor(contactId: string, customerId: string | null | undefined): Promise<string | null>;
}
