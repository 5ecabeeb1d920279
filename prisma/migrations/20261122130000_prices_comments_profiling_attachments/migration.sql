-- CreateEnum
CREATE TYPE "ProfilingQuestionKind" AS ENUM ('TEXT', 'NUMBER', 'YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE');

-- CreateTable
CREATE TABLE "SpecialPrice" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "description" TEXT,
    "currency" TEXT NOT NULL,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "discountPercent" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "validFrom" DATE,
    "validUntil" DATE,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpecialPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerComment" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CustomerComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfilingQuestionSet" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProfilingQuestionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfilingQuestion" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "ProfilingQuestionKind" NOT NULL,
    "options" TEXT[],
    "archived" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProfilingQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfilingAnswer" (
    "id" UUID NOT NULL,
    "sequence" SERIAL NOT NULL,
    "customerId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "value" JSONB,
    "answeredById" UUID NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfilingAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "activityId" UUID,
    "noteId" UUID,
    "emailLogEntryId" UUID,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentContent" (
    "attachmentId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "AttachmentContent_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpecialPrice_customerId_item_currency_key" ON "SpecialPrice"("customerId", "item", "currency");

-- CreateIndex
CREATE INDEX "CustomerComment_customerId_createdAt_idx" ON "CustomerComment"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ProfilingQuestionSet_name_key" ON "ProfilingQuestionSet"("name");

-- CreateIndex
CREATE INDEX "ProfilingQuestion_setId_position_idx" ON "ProfilingQuestion"("setId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProfilingAnswer_sequence_key" ON "ProfilingAnswer"("sequence");

-- CreateIndex
CREATE INDEX "ProfilingAnswer_customerId_questionId_sequence_idx" ON "ProfilingAnswer"("customerId", "questionId", "sequence" DESC);

-- CreateIndex
CREATE INDEX "Attachment_customerId_uploadedAt_idx" ON "Attachment"("customerId", "uploadedAt" DESC);

-- CreateIndex
CREATE INDEX "Attachment_activityId_idx" ON "Attachment"("activityId");

-- CreateIndex
CREATE INDEX "Attachment_noteId_idx" ON "Attachment"("noteId");

-- CreateIndex
CREATE INDEX "Attachment_emailLogEntryId_idx" ON "Attachment"("emailLogEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_emailLogEntryId_fileName_sha256_key" ON "Attachment"("emailLogEntryId", "fileName", "sha256");

-- AddForeignKey
ALTER TABLE "SpecialPrice" ADD CONSTRAINT "SpecialPrice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialPrice" ADD CONSTRAINT "SpecialPrice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerComment" ADD CONSTRAINT "CustomerComment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerComment" ADD CONSTRAINT "CustomerComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfilingQuestion" ADD CONSTRAINT "ProfilingQuestion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ProfilingQuestionSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfilingAnswer" ADD CONSTRAINT "ProfilingAnswer_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfilingAnswer" ADD CONSTRAINT "ProfilingAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ProfilingQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfilingAnswer" ADD CONSTRAINT "ProfilingAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_emailLogEntryId_fkey" FOREIGN KEY ("emailLogEntryId") REFERENCES "EmailLogEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentContent" ADD CONSTRAINT "AttachmentContent_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

