import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createCommentsRepository } from "./comments.repository";
import { commentsRoutes } from "./comments.routes";
import { createCommentsService } from "./comments.service";

/** Comments on a customer: offers the record the latest ones. */
export function commentsModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  const comments = createCommentsRepository(prisma);
  return {
    routes: commentsRoutes(createCommentsService(comments, ports)),
  };
}
