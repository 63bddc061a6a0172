-- DropTable
DROP TABLE "User";

-- DropEnum
DROP TYPE "Role";
