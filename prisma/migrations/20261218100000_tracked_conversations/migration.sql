-- Tracked conversations (issue 14): every later message of a conversation a user chose to track is
-- logged by the service from Graph mail delta (Inbox and Sent Items), unless a never-log rule or a
-- contact's withdrawn e-mail consent says no.

-- CreateEnum
CREATE TYPE "NeverLogScope" AS ENUM ('USER', 'ORGANIZATION');

-- CreateTable
CREATE TABLE "TrackedConversation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "conversationId" TEXT NOT NULL,
    "customerId" UUID NOT NULL,
    "contactId" UUID,
    "subject" TEXT NOT NULL DEFAULT '',
    "trackedSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackedConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDeltaState" (
    "userId" UUID NOT NULL,
    "folder" TEXT NOT NULL,
    "deltaLink" TEXT,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "MailDeltaState_pkey" PRIMARY KEY ("userId", "folder")
);

-- CreateTable
CREATE TABLE "NeverLogRule" (
    "id" UUID NOT NULL,
    "scope" "NeverLogScope" NOT NULL,
    "userId" UUID,
    "value" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeverLogRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackedConversation_userId_conversationId_key" ON "TrackedConversation"("userId", "conversationId");

-- CreateIndex
CREATE INDEX "TrackedConversation_customerId_idx" ON "TrackedConversation"("customerId");

-- CreateIndex
CREATE INDEX "NeverLogRule_scope_userId_idx" ON "NeverLogRule"("scope", "userId");

-- AddForeignKey
ALTER TABLE "TrackedConversation" ADD CONSTRAINT "TrackedConversation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedConversation" ADD CONSTRAINT "TrackedConversation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedConversation" ADD CONSTRAINT "TrackedConversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDeltaState" ADD CONSTRAINT "MailDeltaState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeverLogRule" ADD CONSTRAINT "NeverLogRule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
