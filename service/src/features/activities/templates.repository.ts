import type { Template, TemplateCreate, TemplateUpdate } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";

export interface TemplatesRepository {
  list(): Promise<Template[]>;
  findById(id: string): Promise<Template | null>;
  create(input: TemplateCreate): Promise<Template>;
  update(id: string, input: TemplateUpdate): Promise<Template | null>;
}

const TEMPLATE_SELECT = {
  id: true,
  name: true,
  type: true,
  subject: true,
  notes: true,
  durationMinutes: true,
  reminderMinutesBefore: true,
} as const;

export function createTemplatesRepository(prisma: PrismaClient): TemplatesRepository {
  return {
    list: () => prisma.activityTemplate.findMany({ select: TEMPLATE_SELECT, orderBy: { name: "asc" } }),
    findById: (id) => prisma.activityTemplate.findUnique({ where: { id }, select: TEMPLATE_SELECT }),
    create: (input) =>
      prisma.activityTemplate.create({
        data: { ...input, notes: input.notes ?? null, reminderMinutesBefore: input.reminderMinutesBefore ?? null },
        select: TEMPLATE_SELECT,
      }),
    async update(id, input) {
      if ((await prisma.activityTemplate.count({ where: { id } })) === 0) return null;
      return prisma.activityTemplate.update({ where: { id }, data: input, select: TEMPLATE_SELECT });
    },
  };
}
