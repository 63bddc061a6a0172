-- Edited by hand: built without blocking writes. Prisma sends the file whole, so it holds this one statement only.
CREATE INDEX CONCURRENTLY "Review_rating_idx" ON "Review"("rating");
