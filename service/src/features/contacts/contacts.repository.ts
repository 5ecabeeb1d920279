import type { Contact, ContactAddress, ContactCreate, ContactListQuery, ContactUpdate, CustomerRef } from "contract";
import { escapeLike } from "../../db/like-pattern";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";

export interface ContactsRepository {
  create(input: ContactCreate, userId: string): Promise<Contact>;
  update(id: string, input: ContactUpdate, userId: string): Promise<Contact | null>;
  findById(id: string): Promise<Contact | null>;
  list(query: ContactListQuery): Promise<{ items: Contact[]; total: number }>;
  listForCustomer(customerId: string): Promise<Contact[]>;
  belongsTo(contactId: string): Promise<{ customerId: string | null } | null>;
}

export const CUSTOMER_REF_SELECT = {
  id: true,
  name: true,
  accountNumber: true,
  status: { select: { code: true, label: true } },
} satisfies Prisma.CustomerSelect;

export const toCustomerRef = (row: Prisma.CustomerGetPayload<{ select: typeof CUSTOMER_REF_SELECT }>): CustomerRef => ({
  id: row.id,
  name: row.name,
  accountNumber: row.accountNumber,
  status: row.status,
});

const CONTACT_INCLUDE = {
  emails: { orderBy: { position: "asc" } },
  addresses: { orderBy: { position: "asc" } },
  customer: { select: CUSTOMER_REF_SELECT },
} satisfies Prisma.ContactInclude;
export type ContactRow = Prisma.ContactGetPayload<{ include: typeof CONTACT_INCLUDE }>;

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    customerId: row.customerId,
    customer: row.customer ? toCustomerRef(row.customer) : null,
    firstName: row.firstName,
    lastName: row.lastName,
    emails: row.emails.map((email) => email.email),
    phone: row.phone,
    role: row.role,
    addresses: row.addresses.map(({ label, street, postalCode, city, region, country }) => ({
      label,
      street,
      postalCode,
      city,
      region,
      country,
    })),
    leftAt: row.leftAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
  };
}

/** Postal addresses in the given order, as ContactAddress rows. */
const addressRows = (addresses: ContactAddress[]) =>
  addresses.map((address, position) => ({
    label: address.label ?? null,
    street: address.street ?? null,
    postalCode: address.postalCode ?? null,
    city: address.city ?? null,
    region: address.region ?? null,
    country: address.country ?? null,
    position,
  }));

/** Distinct addresses in the given order, as ContactEmail rows. */
function emailRows(emails: string[]) {
  const seen = new Set<string>();
  return emails.flatMap((email) => {
    const emailNormalized = email.trim().toLowerCase();
    if (seen.has(emailNormalized)) return [];
    seen.add(emailNormalized);
    return [{ email: email.trim(), emailNormalized, position: seen.size - 1 }];
  });
}

export function createContactsRepository(prisma: PrismaClient): ContactsRepository {
  return {
    async create(input, userId) {
      const row = await prisma.contact.create({
        data: {
          customerId: input.customerId,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone ?? null,
          role: input.role ?? null,
          createdById: userId,
          modifiedById: userId,
          emails: { create: emailRows(input.emails) },
          addresses: { create: addressRows(input.addresses) },
          leftAt: input.left ? new Date() : null,
        },
        include: CONTACT_INCLUDE,
      });
      return toContact(row);
    },

    async update(id, input, userId) {
      return prisma.$transaction(async (tx) => {
        const current = await tx.contact.findUnique({ where: { id }, select: { leftAt: true } });
        if (!current) return null;
        // The day of leaving is when it was first marked; marking it again keeps that day.
        const leftAt = input.left === undefined ? undefined : input.left ? (current.leftAt ?? new Date()) : null;
        const { count } = await tx.contact.updateMany({
          where: { id, version: input.version },
          data: {
            ...(input.customerId !== undefined && { customerId: input.customerId }),
            ...(input.firstName !== undefined && { firstName: input.firstName }),
            ...(input.lastName !== undefined && { lastName: input.lastName }),
            ...(input.phone !== undefined && { phone: input.phone }),
            ...(input.role !== undefined && { role: input.role }),
            ...(leftAt !== undefined && { leftAt }),
            modifiedById: userId,
            modifiedAt: new Date(),
            version: { increment: 1 },
          },
        });
        if (count === 0) throw staleVersion("This contact");
        if (input.emails) {
          await tx.contactEmail.deleteMany({ where: { contactId: id } });
          await tx.contactEmail.createMany({ data: emailRows(input.emails).map((row) => ({ ...row, contactId: id })) });
        }
        if (input.addresses) {
          await tx.contactAddress.deleteMany({ where: { contactId: id } });
          await tx.contactAddress.createMany({
            data: addressRows(input.addresses).map((row) => ({ ...row, contactId: id })),
          });
        }
        return toContact(await tx.contact.findUniqueOrThrow({ where: { id }, include: CONTACT_INCLUDE }));
      });
    },

    async findById(id) {
      const row = await prisma.contact.findUnique({ where: { id }, include: CONTACT_INCLUDE });
      return row ? toContact(row) : null;
    },

    async list(query) {
      // Literal: a search for "50%" or "a_b" finds those characters, not every name.
      const search = query.search ? escapeLike(query.search.toLowerCase()) : undefined;
      const where: Prisma.ContactWhereInput = {
        ...(query.customerId && { customerId: query.customerId }),
        ...(query.unassigned && { customerId: null }),
        ...(search && {
          OR: [
            { lastName: { contains: search, mode: "insensitive" } },
            { firstName: { contains: search, mode: "insensitive" } },
            { emails: { some: { emailNormalized: { contains: search } } } },
          ],
        }),
      };
      const [rows, total] = await Promise.all([
        prisma.contact.findMany({
          where,
          include: CONTACT_INCLUDE,
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
          take: query.limit,
          skip: query.offset,
        }),
        prisma.contact.count({ where }),
      ]);
      return { items: rows.map(toContact), total };
    },

    async listForCustomer(customerId) {
      const rows = await prisma.contact.findMany({
        where: { customerId },
        include: CONTACT_INCLUDE,
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        take: 200,
      });
      return rows.map(toContact);
    },

    async belongsTo(contactId) {
      return prisma.contact.findUnique({ where: { id: contactId }, select: { customerId: true } });
    },
  };
}
