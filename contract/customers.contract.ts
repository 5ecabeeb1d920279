import { z } from "zod";
import {
  Id,
  IsoDateTime,
  OneOrMany,
  OptionalText,
  Paging,
  SafeString,
  SearchTerm,
  Text,
  UserRef,
  VersionField,
  pageOf,
} from "./common.contract";
import { ACTUAL_CUSTOMER_STATUS } from "./customer-status";

export const LIFECYCLE_STATES = ["NEW", "RELEASED", "ACTIVE", "DECLINED"] as const;
export const Lifecycle = z.enum(LIFECYCLE_STATES);

export { ACTUAL_CUSTOMER_STATUS };
export const StatusCode = z.number().int().min(0).max(999);

/**
 * Why a customer may not receive quotes and orders (empty when it may): only actual customers
 * (status 1) that accounts approved (lifecycle ACTIVE). The record's canReceiveOrders and the
 * refusal of a quote or order both come from here.
 */
export function orderRefusals(customer: {
  statusCode: number;
  lifecycle: (typeof LIFECYCLE_STATES)[number];
}): { field: "customer.status" | "customer.lifecycle"; message: string }[] {
  return [
    ...(customer.statusCode !== ACTUAL_CUSTOMER_STATUS
      ? [
          {
            field: "customer.status" as const,
            message: `has status ${customer.statusCode}; only status ${ACTUAL_CUSTOMER_STATUS} (customer) may receive quotes and orders`,
          },
        ]
      : []),
    ...(customer.lifecycle !== "ACTIVE"
      ? [
          {
            field: "customer.lifecycle" as const,
            message: `is ${customer.lifecycle}; it must be approved (ACTIVE) before it may receive quotes and orders`,
          },
        ]
      : []),
  ];
}

/** The refusal as one sentence, the same in the service's 409 and in the pane. */
export const orderRefusalSentence = (refusals: { message: string }[]) =>
  `This customer may not receive quotes or orders: it ${refusals.map((refusal) => refusal.message).join(", and it ")}`;

export const Address = z.object({
  street: OptionalText(200),
  postalCode: OptionalText(20),
  city: OptionalText(100),
  region: OptionalText(100),
  country: OptionalText(100),
});
export type Address = z.infer<typeof Address>;

const Domain = SafeString()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ""))
  .pipe(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, { message: "must be a domain such as contoso.com" }),
  );

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const CustomerFields = z.object({
  accountNumber: Text(40),
  name: Text(200),
  status: StatusCode,
  types: z.array(Text(80)).max(50),
  address: Address,
  phone: OptionalText(50),
  website: OptionalText(200),
  emailDomains: z.array(Domain).max(20),
  /** Defaults to the creating user. */
  salesmanIds: z.array(Id).max(50).optional(),
});

/**
 * Without an account number the service takes the next one of its sequence (ACCOUNT_NUMBER_FORMAT);
 * giving one, or changing one later, is customers:account-number (managers and admins).
 */
export const CustomerCreate = CustomerFields.extend({
  accountNumber: CustomerFields.shape.accountNumber.optional(),
  types: CustomerFields.shape.types.default([]),
  address: Address.default({}),
  emailDomains: CustomerFields.shape.emailDomains.default([]),
});
export type CustomerCreate = z.infer<typeof CustomerCreate>;

/** Only the fields given change; within address, only the parts given. */
export const CustomerUpdate = CustomerFields.partial().extend(VersionField.shape);
export type CustomerUpdate = z.infer<typeof CustomerUpdate>;

export const StatusSummary = z.object({ code: z.number().int(), label: z.string() });

export const CustomerSummary = z.object({
  id: Id,
  accountNumber: z.string(),
  name: z.string(),
  status: StatusSummary,
  lifecycle: Lifecycle,
  types: z.array(z.string()),
  city: z.string().nullable(),
  country: z.string().nullable(),
  phone: z.string().nullable(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const Customer = CustomerSummary.extend({
  address: z.object({
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    country: z.string().nullable(),
  }),
  website: z.string().nullable(),
  emailDomains: z.array(z.string()),
  salesmen: z.array(UserRef),
  canReceiveOrders: z.boolean(),
  createdBy: UserRef,
  createdAt: IsoDateTime,
  modifiedBy: UserRef,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerListQuery = Paging.extend({
  search: SearchTerm,
  type: OneOrMany(Text(80)),
  status: OneOrMany(z.coerce.number().int().min(0).max(999)),
  reminders: z.enum(["due"]).optional(),
  /** Only customers the caller is linked to as salesman; applies to a search too. */
  mine: z.enum(["true", "false"]).default("false"),
  /** Only customers in this lifecycle state: RELEASED is the managers' "Awaiting approval" list. */
  lifecycle: Lifecycle.optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/**
 * A search counts at most SEARCH_COUNT_LIMIT matches; past that `totalCapped` is true ("100+"). A
 * hundred says "narrow it down" as well as a thousand did, at a fraction of the cost: at 100,000
 * customers "gmbh" counts in 0.2-0.4 ms where 1,000 took 8-12 ms ("lindenallee 7": 8 ms, was 19).
 */
export const SEARCH_COUNT_LIMIT = 100;
export const CustomerPage = pageOf(CustomerSummary).extend({ totalCapped: z.boolean().optional() });
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerStatusList = z.object({ items: z.array(StatusSummary) });
