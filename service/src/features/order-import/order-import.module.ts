import type { Ports } from "../../shared/ports/ports";
import type { OrderIntake } from "../../shared/ports/order-intake.port";
import { orderImportRoutes } from "./order-import.routes";
import { createOrderImportService } from "./order-import.service";

/** Sales orders from customers' files, made through quotes and orders' own checks and pricing. */
export function orderImportModule(ports: Pick<Ports, "access">, intake: OrderIntake) {
  return { routes: orderImportRoutes(createOrderImportService({ intake, access: ports.access })) };
}
