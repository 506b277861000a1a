import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rewardCatalog } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { catalogItemFormSchema } from "@/lib/validation/reward-catalog";
import { saveCatalogItem } from "./manage-catalog";

const testDb = useTestDatabase();

describe("saveCatalogItem", () => {
  it("adds a reward at the end of the catalog and audits it", async () => {
    const input = catalogItemFormSchema.parse({
      name: "Sticker pack",
      costPoints: "150",
      rewardType: "free_product",
      rewardValue: "",
      isActive: "on",
    });
    const item = await saveCatalogItem(testDb.db, { actorUserId: null }, input);
    expect(item).toMatchObject({
      name: "Sticker pack",
      costPoints: 150,
      rewardValue: null,
      isActive: true,
      sortOrder: 4,
    });
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reward_catalog.create"), eq(auditLog.entityId, String(item.id))));
    expect(audit).toMatchObject({
      actorUserId: null,
      actorApiKeyId: null,
      action: "reward_catalog.create",
      entityType: "reward_catalog",
      entityId: String(item.id),
      details: {
        after: {
          name: "Sticker pack",
          description: null,
          costPoints: 150,
          rewardType: "free_product",
          rewardValue: null,
          isActive: true,
        },
      },
    });
  });

  it("retires a reward by deactivating it, keeping the row", async () => {
    const [discount] = await testDb.db.select().from(rewardCatalog).where(eq(rewardCatalog.costPoints, 100));
    const updated = await saveCatalogItem(
      testDb.db,
      { actorUserId: null },
      {
        id: discount.id,
        name: discount.name,
        description: discount.description,
        costPoints: 120,
        rewardType: "discount_percent",
        rewardValue: 12,
        isActive: false,
      },
    );
    expect(updated).toMatchObject({ costPoints: 120, rewardValue: 12, isActive: false });
  });

  it.each([
    [{ costPoints: "99" }, "costPoints", "A reward costs at least 100 points"],
    [{ costPoints: "abc" }, "costPoints", "Cost must be a whole number of points"],
    [{ rewardType: "discount_percent", rewardValue: "" }, "rewardValue", "Give the discount in percent"],
    [{ rewardType: "discount_percent", rewardValue: "150" }, "rewardValue", "Discount must be 1–100%"],
    [{ name: "" }, "name", "Name the reward"],
  ])("the form refuses %j under %s", (fields, path, message) => {
    const result = catalogItemFormSchema.safeParse({
      name: "Mug",
      costPoints: "200",
      rewardType: "free_product",
      ...fields,
    });
    expect(result.error?.issues[0]).toMatchObject({ path: [path], message });
  });

  it("the domain refuses a cost under 100 even without the form", async () => {
    await expect(
      saveCatalogItem(
        testDb.db,
        { actorUserId: null },
        {
          name: "Cheap",
          description: null,
          costPoints: 10,
          rewardType: "free_product",
          rewardValue: null,
          isActive: true,
        },
      ),
    ).rejects.toMatchObject({ code: "invalid_reward", field: "costPoints" });
  });
});
