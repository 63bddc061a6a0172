DROP INDEX CONCURRENTLY "Review_rating_idx";
